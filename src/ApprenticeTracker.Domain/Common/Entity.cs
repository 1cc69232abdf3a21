namespace ApprenticeTracker.Domain.Common;

/// <summary>A thing with an identity that lasts across changes of its state.</summary>
public abstract class Entity
{
    protected Entity()
    {
    }

    protected Entity(Guid id)
    {
        Id = id;
    }

    public Guid Id { get; protected set; }
}

/// <summary>
/// The root of a cluster of entities that change together. It guards its children and records an
/// <see cref="AuditEvent"/> for every change of state; the persistence layer stores them in the same transaction.
/// </summary>
public abstract class AggregateRoot : Entity
{
    private readonly List<AuditEvent> _pendingAuditEvents = new();

    protected AggregateRoot()
    {
    }

    protected AggregateRoot(Guid id)
        : base(id)
    {
    }

    /// <summary>The audit events recorded since the last save.</summary>
    public IReadOnlyList<AuditEvent> PendingAuditEvents() => _pendingAuditEvents;

    /// <summary>Hands over the audit events recorded since the last save and forgets them.</summary>
    public IReadOnlyList<AuditEvent> DequeueAuditEvents()
    {
        var events = _pendingAuditEvents.ToArray();
        _pendingAuditEvents.Clear();
        return events;
    }

    /// <summary>The enrolment this aggregate belongs to, for scoping its audit events.</summary>
    protected virtual Guid? AuditEnrolmentId => null;

    /// <summary>The training provider this aggregate belongs to, for scoping its audit events.</summary>
    protected virtual Guid? AuditTrainingProviderId => null;

    protected void Record(Actor actor, DateTimeOffset at, string action, string? details = null) =>
        RecordFor(actor, at, action, GetType().Name, Id, details);

    protected void RecordFor(Actor actor, DateTimeOffset at, string action, string entityType, Guid entityId, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _pendingAuditEvents.Add(new AuditEvent(
            actor, at, action, entityType, entityId, AuditEnrolmentId, AuditTrainingProviderId, details));
    }
}
