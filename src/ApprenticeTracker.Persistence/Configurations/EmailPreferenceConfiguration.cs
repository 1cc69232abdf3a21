using ApprenticeTracker.Persistence.Email;
using ApprenticeTracker.Persistence.Identity;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class EmailPreferenceConfiguration : IEntityTypeConfiguration<EmailPreference>
{
    public void Configure(EntityTypeBuilder<EmailPreference> builder)
    {
        builder.ToTable("EmailPreferences");
        builder.HasKey(x => new { x.UserId, x.Kind });
        builder.Property(x => x.UserId).HasMaxLength(Lengths.UserId);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
