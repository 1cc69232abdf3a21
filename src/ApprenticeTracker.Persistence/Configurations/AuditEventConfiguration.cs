using ApprenticeTracker.Domain.Common;

namespace ApprenticeTracker.Persistence.Configurations;

/// <summary>
/// The audit log: no foreign keys, so that an event outlives whatever it describes. The initial migration adds
/// triggers that refuse any UPDATE or DELETE. Two columns that the domain does not see chain the events
/// (<see cref="Auditing.AuditChain"/>); no two events may name the same previous event, so the chain cannot fork.
/// </summary>
internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public const string TableName = "AuditEvents";

    /// <summary>The hash of the event before this one (<see cref="Auditing.AuditChain.Genesis"/> for the first event).</summary>
    public const string PreviousHashColumn = "PreviousHash";

    /// <summary>This event's hash, chaining it to the event before.</summary>
    public const string HashColumn = "Hash";

    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();

        // UTC ticks on every database, as on SQLite: the hash chain covers the instant to the tick, and PostgreSQL's
        // timestamptz keeps only microseconds, so an event stored there (or copied there from SQLite) would no longer
        // match its hash (docs/decisions/0100).
        builder.Property(x => x.OccurredAt).HasConversion<UtcTicksConverter>();
        builder.Property(x => x.ActorUserId).HasMaxLength(Lengths.UserId).IsRequired();
        builder.Property(x => x.ActorName).HasMaxLength(Lengths.PersonName).IsRequired();
        builder.Property(x => x.Action).HasMaxLength(AuditEvent.ActionMaxLength).IsRequired();
        builder.Property(x => x.EntityType).HasMaxLength(AuditEvent.EntityTypeMaxLength).IsRequired();
        builder.Property(x => x.Details).HasMaxLength(AuditEvent.DetailsMaxLength);
        builder.HasIndex(x => new { x.EnrolmentId, x.Id });
        builder.HasIndex(x => new { x.TrainingProviderId, x.Id });
        builder.HasIndex(x => new { x.EntityType, x.EntityId });
        builder.Property<string>(PreviousHashColumn).HasMaxLength(Auditing.AuditChain.HashLength).IsRequired();
        builder.Property<string>(HashColumn).HasMaxLength(Auditing.AuditChain.HashLength).IsRequired();
        builder.HasIndex(PreviousHashColumn).IsUnique();
    }
}
