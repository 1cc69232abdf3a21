namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class GatewayConfirmationConfiguration : IEntityTypeConfiguration<GatewayConfirmation>
{
    public void Configure(EntityTypeBuilder<GatewayConfirmation> builder)
    {
        builder.ToTable("GatewayConfirmations");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RequirementKey).HasMaxLength(GatewayRequirement.KeyMaxLength).IsRequired();
        builder.Property(x => x.ConfirmedByUserId).HasMaxLength(Lengths.UserId).IsRequired();
        builder.Property(x => x.ConfirmedByName).HasMaxLength(Lengths.PersonName).IsRequired();
        builder.Property(x => x.Note).HasMaxLength(GatewayConfirmation.NoteMaxLength);
        builder.HasIndex(x => new { x.EnrolmentId, x.RequirementKey }).IsUnique();
    }
}
