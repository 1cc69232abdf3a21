namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class EvidenceDutyConfiguration : IEntityTypeConfiguration<EvidenceDuty>
{
    public void Configure(EntityTypeBuilder<EvidenceDuty> builder)
    {
        builder.ToTable("EvidenceDuties");
        builder.HasKey(x => new { x.EvidenceItemId, x.DutyId });

        // Restrict: a duty that evidence supports can never disappear from under it.
        builder.HasOne<Duty>().WithMany().HasForeignKey(x => x.DutyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.DutyId);
    }
}
