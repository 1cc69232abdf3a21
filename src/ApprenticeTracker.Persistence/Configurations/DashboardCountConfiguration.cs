using ApprenticeTracker.Persistence.ReadModels;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class DashboardCountConfiguration : IEntityTypeConfiguration<DashboardCount>
{
    public void Configure(EntityTypeBuilder<DashboardCount> builder)
    {
        builder.ToTable("DashboardCounts");

        // In the order the dashboard filters: a provider's rows of no assessor (or of one), then a cohort. No foreign
        // keys: Guid.Empty stands for "no assessor" and "no cohort", and the rows go with their enrolments by trigger.
        builder.HasKey(x => new { x.TrainingProviderId, x.AssessorId, x.CohortId, x.EmployerId, x.Status, x.StandardId, x.DutyId });
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
    }
}
