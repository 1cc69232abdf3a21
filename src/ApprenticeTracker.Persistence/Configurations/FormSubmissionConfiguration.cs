using ApprenticeTracker.Persistence.Forms;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.ToTable("FormSubmissions");

        // The key is the token: the database itself refuses its second use, even when two requests race.
        builder.HasKey(x => x.Token);
        builder.Property(x => x.Token).ValueGeneratedNever();
    }
}
