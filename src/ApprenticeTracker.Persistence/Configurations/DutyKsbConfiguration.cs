namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class DutyKsbConfiguration : IEntityTypeConfiguration<DutyKsb>
{
    public void Configure(EntityTypeBuilder<DutyKsb> builder)
    {
        builder.ToTable("DutyKsbs");
        builder.HasKey(x => new { x.DutyId, x.KsbId });
        builder.HasOne<Ksb>().WithMany().HasForeignKey(x => x.KsbId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.KsbId);
    }
}
