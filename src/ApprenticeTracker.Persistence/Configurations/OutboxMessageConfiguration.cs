using ApprenticeTracker.Persistence.Email;

namespace ApprenticeTracker.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(EnumColumn.MaxLength);
        builder.Property(x => x.RecipientUserId).HasMaxLength(Lengths.UserId);
        builder.Property(x => x.ToAddress).HasMaxLength(OutboxMessage.AddressMaxLength).IsRequired();
        builder.Property(x => x.ToName).HasMaxLength(OutboxMessage.NameMaxLength).IsRequired();
        builder.Property(x => x.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength).IsRequired();
        builder.Property(x => x.TextBody).IsRequired();
        builder.Property(x => x.HtmlBody).IsRequired();
        builder.Property(x => x.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);

        // No foreign key to the account: a mail already queued is still sent, and kept, if the account goes.
        // The sender's query: what is due and not yet sent.
        builder.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        builder.HasIndex(x => new { x.TrainingProviderId, x.PermanentlyFailed });
        builder.HasIndex(x => new { x.RecipientUserId, x.HeldForDigest, x.DigestId });
    }
}
