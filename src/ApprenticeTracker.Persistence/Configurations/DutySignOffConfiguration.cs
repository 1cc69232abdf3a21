namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class DutySignOffConfiguration : IEntityTypeConfiguration<DutySignOff>
{
    public void Configure(EntityTypeBuilder<DutySignOff> builder)
    {
        builder.ToTable("DutySignOffs");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.AssessorName).HasMaxLength(Lengths.PersonName).IsRequired();
        builder.Property(x => x.Declaration).HasMaxLength(DutySignOff.DeclarationMaxLength).IsRequired();
        builder.Property(x => x.RevokedByUserId).HasMaxLength(Lengths.UserId);
        builder.Property(x => x.RevokedByName).HasMaxLength(Lengths.PersonName);
        builder.Property(x => x.RevocationReason).HasMaxLength(DutySignOff.ReasonMaxLength);
        builder.Ignore(x => x.IsActive);
        builder.HasOne<Duty>().WithMany().HasForeignKey(x => x.DutyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessor>().WithMany().HasForeignKey(x => x.AssessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.EnrolmentId, x.DutyId });
        builder.HasIndex(x => x.DutyId);

        builder.HasMany(x => x.Evidence).WithOne().HasForeignKey(e => e.DutySignOffId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Evidence).HasField("_evidence").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
