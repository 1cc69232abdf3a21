namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class KsbConfiguration : IEntityTypeConfiguration<Ksb>
{
    public void Configure(EntityTypeBuilder<Ksb> builder)
    {
        builder.ToTable("Ksbs");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.ExternalId).HasMaxLength(Ksb.ExternalIdMaxLength).IsRequired();
        builder.Property(x => x.Code).HasMaxLength(Ksb.CodeMaxLength).IsRequired();
        builder.Property(x => x.Detail).HasMaxLength(Ksb.DetailMaxLength).IsRequired();
        builder.HasIndex(x => new { x.StandardId, x.Kind, x.Position });
    }
}
