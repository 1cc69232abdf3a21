using ApprenticeTracker.Domain.Organisations;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class EmployerContactConfiguration : IEntityTypeConfiguration<EmployerContact>
{
    public void Configure(EntityTypeBuilder<EmployerContact> builder)
    {
        builder.ToTable("EmployerContacts");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.UserId).HasMaxLength(Lengths.UserId).IsRequired();
        builder.Property(x => x.GivenName).HasMaxLength(PersonDetails.NameMaxLength).IsRequired();
        builder.Property(x => x.FamilyName).HasMaxLength(PersonDetails.NameMaxLength).IsRequired();
        builder.Property(x => x.Email).HasMaxLength(PersonDetails.EmailMaxLength).IsRequired();
        builder.Property(x => x.JobTitle).HasMaxLength(EmployerContact.JobTitleMaxLength).IsRequired();
        builder.Ignore(x => x.FullName);
        builder.HasIndex(x => x.UserId).IsUnique();
        builder.HasIndex(x => x.EmployerId);
        builder.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TrainingProvider>().WithMany().HasForeignKey(x => x.TrainingProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}
