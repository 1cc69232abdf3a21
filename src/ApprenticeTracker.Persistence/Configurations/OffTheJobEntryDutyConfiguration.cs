using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class OffTheJobEntryDutyConfiguration : IEntityTypeConfiguration<OffTheJobEntryDuty>
{
    public void Configure(EntityTypeBuilder<OffTheJobEntryDuty> builder)
    {
        builder.ToTable("OffTheJobEntryDuties");
        builder.HasKey(x => new { x.EntryId, x.DutyId });
        builder.HasOne<Duty>().WithMany().HasForeignKey(x => x.DutyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.DutyId);
    }
}
