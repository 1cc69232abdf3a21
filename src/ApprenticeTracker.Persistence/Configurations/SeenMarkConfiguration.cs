using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.WhatsNew;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class SeenMarkConfiguration : IEntityTypeConfiguration<SeenMark>
{
    public void Configure(EntityTypeBuilder<SeenMark> builder)
    {
        builder.ToTable("SeenMarks");
        builder.HasKey(x => x.UserId);
        builder.Property(x => x.UserId).HasMaxLength(Lengths.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
