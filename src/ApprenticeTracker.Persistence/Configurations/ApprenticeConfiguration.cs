using ApprenticeTracker.Domain.Organisations;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class ApprenticeConfiguration : IEntityTypeConfiguration<Apprentice>
{
    public void Configure(EntityTypeBuilder<Apprentice> builder)
    {
        builder.ToTable("Apprentices");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.UserId).HasMaxLength(Lengths.UserId).IsRequired();
        builder.Property(x => x.GivenName).HasMaxLength(PersonDetails.NameMaxLength).IsRequired();
        builder.Property(x => x.FamilyName).HasMaxLength(PersonDetails.NameMaxLength).IsRequired();
        builder.Property(x => x.Email).HasMaxLength(PersonDetails.EmailMaxLength).IsRequired();
        builder.Property(x => x.NameSortKey).HasMaxLength(PersonName.SortKeyMaxLength).IsRequired();
        builder.Ignore(x => x.FullName);
        builder.HasIndex(x => x.UserId).IsUnique();

        // The cohort dashboard's default order (British, by the stored key), so that the database reads its first page
        // without sorting the roll. On PostgreSQL the key compares by its bytes ("C"), as on SQLite (AppDbContext).
        builder.HasIndex(x => x.NameSortKey);
        builder.HasOne<TrainingProvider>().WithMany().HasForeignKey(x => x.TrainingProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}
