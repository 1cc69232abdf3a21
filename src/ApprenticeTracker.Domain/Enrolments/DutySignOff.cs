namespace ApprenticeTracker.Domain.Enrolments;

/// <summary>
/// An assessor's electronic confirmation that the apprentice is competent in one duty: who, when, the declaration
/// signed and the accepted evidence it rests on. A sign-off is revoked only with a reason, and stays on record.
/// </summary>
public sealed class DutySignOff : Entity
{
    public const int DeclarationMaxLength = 2000;
    public const int ReasonMaxLength = 2000;

    private readonly List<SignOffEvidence> _evidence = new();

    private DutySignOff()
    {
        AssessorName = string.Empty;
        Declaration = string.Empty;
    }

    internal DutySignOff(Guid enrolmentId, Guid dutyId, Guid assessorId, string assessorName, string declaration, IEnumerable<Guid> evidenceIds, DateTimeOffset at)
        : base(Guid.NewGuid())
    {
        EnrolmentId = enrolmentId;
        DutyId = dutyId;
        AssessorId = assessorId;
        AssessorName = assessorName;
        Declaration = declaration;
        SignedAt = at;
        _evidence.AddRange(evidenceIds.Select(e => new SignOffEvidence(Id, e)));
    }

    public Guid EnrolmentId { get; private set; }

    public Guid DutyId { get; private set; }

    public Guid AssessorId { get; private set; }

    /// <summary>The assessor's name at the time of signing.</summary>
    public string AssessorName { get; private set; }

    /// <summary>The statement the assessor signed, verbatim.</summary>
    public string Declaration { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    /// <summary>The accepted evidence items the decision rests on.</summary>
    public IReadOnlyCollection<SignOffEvidence> Evidence => _evidence;

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedByUserId { get; private set; }

    public string? RevokedByName { get; private set; }

    public string? RevocationReason { get; private set; }

    /// <summary>True until revoked.</summary>
    public bool IsActive => RevokedAt is null;

    internal void Revoke(Actor by, string reason, DateTimeOffset at)
    {
        RevokedAt = at;
        RevokedByUserId = by.UserId;
        RevokedByName = by.DisplayName;
        RevocationReason = reason;
    }
}

/// <summary>Links a sign-off to one evidence item it rests on.</summary>
public sealed class SignOffEvidence
{
    private SignOffEvidence()
    {
    }

    internal SignOffEvidence(Guid dutySignOffId, Guid evidenceItemId)
    {
        DutySignOffId = dutySignOffId;
        EvidenceItemId = evidenceItemId;
    }

    public Guid DutySignOffId { get; private set; }

    public Guid EvidenceItemId { get; private set; }
}
