namespace ApprenticeTracker.Domain.Common;

/// <summary>
/// One recorded change of state: who did what, when, to which record. Audit events are append-only: once
/// stored they are never updated or deleted (records are kept at least six years).
/// </summary>
public sealed class AuditEvent
{
    public const int ActionMaxLength = 64;
    public const int EntityTypeMaxLength = 64;
    public const int DetailsMaxLength = 2000;

    private AuditEvent()
    {
        ActorUserId = string.Empty;
        ActorName = string.Empty;
        Action = string.Empty;
        EntityType = string.Empty;
    }

    internal AuditEvent(
        Actor actor, DateTimeOffset occurredAt, string action, string entityType, Guid entityId,
        Guid? enrolmentId, Guid? trainingProviderId, string? details)
    {
        ActorUserId = actor.UserId;
        ActorName = actor.DisplayName;
        OccurredAt = occurredAt;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        EnrolmentId = enrolmentId;
        TrainingProviderId = trainingProviderId;
        Details = details is { Length: > DetailsMaxLength } ? details[..DetailsMaxLength] : details;
    }

    /// <summary>The <see cref="EntityType"/> of events about a sign-in account.</summary>
    public const string AccountEntityType = "Account";

    /// <summary>
    /// An event about a sign-in account, which has no aggregate in the domain (a password reset asked for or done,
    /// for example). <paramref name="accountId"/> is <see cref="Guid.Empty"/> when no account matched what was asked.
    /// </summary>
    public static AuditEvent ForAccount(
        Actor actor, DateTimeOffset occurredAt, string action, Guid accountId, Guid? trainingProviderId, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return new AuditEvent(actor, occurredAt, action, AccountEntityType, accountId, null, trainingProviderId, details);
    }

    /// <summary>Sequence number given by the store; the order in which events were recorded.</summary>
    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>What happened, as a dotted verb such as <c>evidence.submitted</c>.</summary>
    public string Action { get; private set; }

    /// <summary>The kind of record changed, such as <c>EvidenceItem</c>.</summary>
    public string EntityType { get; private set; }

    public Guid EntityId { get; private set; }

    /// <summary>The enrolment the change belongs to, when it belongs to one; scopes the audit log per apprentice.</summary>
    public Guid? EnrolmentId { get; private set; }

    /// <summary>The training provider the change belongs to, when known; scopes the audit log per organisation.</summary>
    public Guid? TrainingProviderId { get; private set; }

    /// <summary>A short human-readable account of the change (a reason, the new status, the feedback given).</summary>
    public string? Details { get; private set; }
}
