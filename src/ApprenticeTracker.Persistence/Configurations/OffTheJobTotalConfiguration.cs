using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Persistence.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
