using ApprenticeTracker.Domain.Organisations;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> builder)
    {
        builder.ToTable("Employers");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(Employer.NameMaxLength).IsRequired();
        builder.HasOne<TrainingProvider>().WithMany().HasForeignKey(x => x.TrainingProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}
