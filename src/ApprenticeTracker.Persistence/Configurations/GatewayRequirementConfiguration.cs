namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class GatewayRequirementConfiguration : IEntityTypeConfiguration<GatewayRequirement>
{
    public void Configure(EntityTypeBuilder<GatewayRequirement> builder)
    {
        builder.ToTable("GatewayRequirements");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Key).HasMaxLength(GatewayRequirement.KeyMaxLength).IsRequired();
        builder.Property(x => x.Label).HasMaxLength(GatewayRequirement.LabelMaxLength).IsRequired();
        builder.HasIndex(x => new { x.StandardId, x.Key }).IsUnique();
    }
}
