using ApprenticeTracker.Persistence.ReadModels;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class OffTheJobTotalConfiguration : IEntityTypeConfiguration<OffTheJobTotal>
{
    public void Configure(EntityTypeBuilder<OffTheJobTotal> builder)
    {
        builder.ToTable("OffTheJobTotals");
        builder.HasKey(x => x.EnrolmentId);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
