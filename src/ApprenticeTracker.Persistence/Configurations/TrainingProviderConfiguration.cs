using ApprenticeTracker.Domain.Organisations;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class TrainingProviderConfiguration : IEntityTypeConfiguration<TrainingProvider>
{
    public void Configure(EntityTypeBuilder<TrainingProvider> builder)
    {
        builder.ToTable("TrainingProviders");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(TrainingProvider.NameMaxLength).IsRequired();
        builder.Property(x => x.Ukprn).HasMaxLength(TrainingProvider.UkprnLength).IsFixedLength();
        builder.HasIndex(x => x.Ukprn).IsUnique();
    }
}
