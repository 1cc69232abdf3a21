using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class OffTheJobEntryEvidenceConfiguration : IEntityTypeConfiguration<OffTheJobEntryEvidence>
{
    public void Configure(EntityTypeBuilder<OffTheJobEntryEvidence> builder)
    {
        builder.ToTable("OffTheJobEntryEvidence");
        builder.HasKey(x => new { x.EntryId, x.EvidenceItemId });

        // Cascade: deleting a draft the entry pointed at only removes the link.
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.EvidenceItemId);
    }
}
