using ApprenticeTracker.Persistence.ReadModels;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class DutyEvidenceCountConfiguration : IEntityTypeConfiguration<DutyEvidenceCount>
{
    public void Configure(EntityTypeBuilder<DutyEvidenceCount> builder)
    {
        builder.ToTable("DutyEvidenceCounts");

        // Enrolment first: the dashboard reads the rows of a set of enrolments.
        builder.HasKey(x => new { x.EnrolmentId, x.DutyId });
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Duty>().WithMany().HasForeignKey(x => x.DutyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.DutyId);
    }
}
