namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class EvidenceKsbConfiguration : IEntityTypeConfiguration<EvidenceKsb>
{
    public void Configure(EntityTypeBuilder<EvidenceKsb> builder)
    {
        builder.ToTable("EvidenceKsbs");
        builder.HasKey(x => new { x.EvidenceItemId, x.KsbId });
        builder.HasOne<Ksb>().WithMany().HasForeignKey(x => x.KsbId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.KsbId);
    }
}
