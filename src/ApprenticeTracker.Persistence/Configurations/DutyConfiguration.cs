namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class DutyConfiguration : IEntityTypeConfiguration<Duty>
{
    public void Configure(EntityTypeBuilder<Duty> builder)
    {
        builder.ToTable("Duties");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ExternalId).HasMaxLength(Duty.ExternalIdMaxLength).IsRequired();
        builder.Property(x => x.Code).HasMaxLength(Duty.CodeMaxLength).IsRequired();
        builder.Property(x => x.Statement).HasMaxLength(Duty.StatementMaxLength).IsRequired();

        // Not unique: a re-import renumbers duties within one save, and SQLite checks uniqueness row by row.
        builder.HasIndex(x => new { x.StandardId, x.Number });

        builder.HasMany(x => x.Ksbs).WithOne().HasForeignKey(k => k.DutyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Ksbs).HasField("_ksbs").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
