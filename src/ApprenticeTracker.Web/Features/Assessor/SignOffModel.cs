namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>What the assessor sees when signing off one duty: the duty, the accepted evidence mapped to it, the declaration.</summary>
public sealed class SignOffModel
{
    public required ApprenticeHeading Apprentice { get; init; }

    public Guid DutyId { get; init; }

    /// <summary>D1, D2…</summary>
    public string DutyCode { get; init; } = string.Empty;

    public string DutyStatement { get; init; } = string.Empty;

    /// <summary>The statement the assessor signs, verbatim as it will be recorded.</summary>
    public string Declaration { get; init; } = string.Empty;

    /// <summary>The enrolment's stamp, carried back by the form so that a sign-off of a changed record is refused.</summary>
    public Guid ConcurrencyStamp { get; init; }

    /// <summary>Accepted evidence of this apprentice mapped to the duty, most recent activity first.</summary>
    public IReadOnlyList<SignOffCandidate> Candidates { get; init; } = [];

    /// <summary>The sign-off in force for the duty, when it is already signed off.</summary>
    public SignOffSummary? ActiveSignOff { get; init; }

    /// <summary>Duties are signed off only while the apprenticeship is active, and only once at a time.</summary>
    public bool CanSign => Apprentice.Status.AllowsSignOff() && ActiveSignOff is null;
}

/// <summary>An accepted evidence item a sign-off can rest on.</summary>
public sealed class SignOffCandidate
{
    public Guid Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public EvidenceType Type { get; init; }

    public DateOnly ActivityDate { get; init; }

    /// <summary>When it was accepted.</summary>
    public DateTimeOffset? ReviewedAt { get; init; }
}

/// <summary>The sign-off to revoke, with the enrolment's stamp for the revoke form.</summary>
public sealed class RevokeModel
{
    public required ApprenticeHeading Apprentice { get; init; }

    public required SignOffSummary SignOff { get; init; }

    public string DutyStatement { get; init; } = string.Empty;

    public string Declaration { get; init; } = string.Empty;

    /// <summary>The titles of the evidence the sign-off rests on.</summary>
    public IReadOnlyList<string> EvidenceTitles { get; init; } = [];

    public Guid ConcurrencyStamp { get; init; }
}
