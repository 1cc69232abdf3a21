namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class SignOffEvidenceConfiguration : IEntityTypeConfiguration<SignOffEvidence>
{
    public void Configure(EntityTypeBuilder<SignOffEvidence> builder)
    {
        builder.ToTable("SignOffEvidence");
        builder.HasKey(x => new { x.DutySignOffId, x.EvidenceItemId });
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(x => x.EvidenceItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.EvidenceItemId);
    }
}
