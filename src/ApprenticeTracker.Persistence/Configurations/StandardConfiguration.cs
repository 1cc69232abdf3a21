namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class StandardConfiguration : IEntityTypeConfiguration<Standard>
{
    public void Configure(EntityTypeBuilder<Standard> builder)
    {
        builder.ToTable("Standards");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ReferenceNumber).HasMaxLength(Standard.ReferenceNumberMaxLength).IsRequired();
        builder.Property(x => x.Version).HasMaxLength(Standard.VersionMaxLength).IsRequired();
        builder.Property(x => x.Title).HasMaxLength(Standard.TitleMaxLength).IsRequired();
        builder.Property(x => x.Route).HasMaxLength(Standard.RouteMaxLength).IsRequired();
        builder.Property(x => x.Status).HasMaxLength(Standard.StatusMaxLength);
        builder.Property(x => x.OverviewOfRole).HasMaxLength(Standard.OverviewMaxLength);
        builder.Property(x => x.MaxFunding).HasPrecision(18, 2);
        builder.Property(x => x.OffTheJobMinimumSource).HasMaxLength(Standard.OffTheJobSourceMaxLength);
        builder.HasIndex(x => new { x.ReferenceNumber, x.Version }).IsUnique();
        builder.Ignore(x => x.DisplayReference);

        builder.HasMany(x => x.Duties).WithOne().HasForeignKey(d => d.StandardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Duties).HasField("_duties").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Ksbs).WithOne().HasForeignKey(k => k.StandardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Ksbs).HasField("_ksbs").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.GatewayRequirements).WithOne().HasForeignKey(g => g.StandardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.GatewayRequirements).HasField("_gatewayRequirements").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
