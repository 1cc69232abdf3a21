using ApprenticeTracker.Domain.Organisations;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class AssessorConfiguration : IEntityTypeConfiguration<Assessor>
{
    public void Configure(EntityTypeBuilder<Assessor> builder)
    {
        builder.ToTable("Assessors");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.UserId).HasMaxLength(Lengths.UserId).IsRequired();
        builder.Property(x => x.GivenName).HasMaxLength(PersonDetails.NameMaxLength).IsRequired();
        builder.Property(x => x.FamilyName).HasMaxLength(PersonDetails.NameMaxLength).IsRequired();
        builder.Property(x => x.Email).HasMaxLength(PersonDetails.EmailMaxLength).IsRequired();
        builder.Property(x => x.JobTitle).HasMaxLength(Assessor.JobTitleMaxLength);
        builder.Ignore(x => x.FullName);
        builder.HasIndex(x => x.UserId).IsUnique();
        builder.HasOne<TrainingProvider>().WithMany().HasForeignKey(x => x.TrainingProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}
