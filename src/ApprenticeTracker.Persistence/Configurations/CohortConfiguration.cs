using ApprenticeTracker.Domain.Organisations;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.ToTable("Cohorts");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(Cohort.NameMaxLength).IsRequired();
        builder.HasOne<TrainingProvider>().WithMany().HasForeignKey(x => x.TrainingProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.TrainingProviderId, x.Name }).IsUnique();
    }
}
