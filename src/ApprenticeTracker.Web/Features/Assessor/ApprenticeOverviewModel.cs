using ApprenticeTracker.Domain.Progress;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>One apprentice as their assessor sees them: progress per duty, submitted evidence and every sign-off.</summary>
public sealed class ApprenticeOverviewModel
{
    public required ApprenticeHeading Apprentice { get; init; }

    /// <summary>Progress per duty; drafts are the apprentice's own and are not counted.</summary>
    public required EnrolmentProgress Progress { get; init; }

    /// <summary>Evidence other than drafts, most recent activity first.</summary>
    public required IReadOnlyList<EvidenceSummary> Evidence { get; init; }

    /// <summary>Every sign-off, active and revoked, most recent first.</summary>
    public required IReadOnlyList<SignOffSummary> SignOffs { get; init; }

    /// <summary>Duties are signed off only while the apprenticeship is active.</summary>
    public bool CanSignOff => Apprentice.Status.AllowsSignOff();

    /// <summary>Sign-offs are revoked while the record is open: not once the apprenticeship is withdrawn or completed.</summary>
    public bool CanRevoke => !Apprentice.IsClosed;
}

/// <summary>Who the apprentice is and where they are on their programme; heads every assessor page about them.</summary>
public sealed class ApprenticeHeading
{
    public Guid EnrolmentId { get; init; }

    public Guid StandardId { get; init; }

    public string GivenName { get; init; } = string.Empty;

    public string FamilyName { get; init; } = string.Empty;

    public NameOrder NameOrder { get; init; }

    public string Name => PersonName.Full(GivenName, FamilyName, NameOrder);

    public string EmployerName { get; init; } = string.Empty;

    public string? CohortName { get; init; }

    /// <summary>"ST0413 v1.1".</summary>
    public string Standard { get; init; } = string.Empty;

    public string StandardTitle { get; init; } = string.Empty;

    public EnrolmentStatus Status { get; init; }

    /// <summary>Withdrawn or completed: the record is closed, and no assessor decision is recorded on it any more.</summary>
    public bool IsClosed => Status.IsFinal();

    public DateOnly StartDate { get; init; }

    public DateOnly PlannedEndDate { get; init; }
}

/// <summary>One evidence item in a list.</summary>
public sealed class EvidenceSummary
{
    public Guid Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public EvidenceType Type { get; init; }

    public EvidenceStatus Status { get; init; }

    public DateOnly ActivityDate { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>Codes of the duties it supports, in duty order ("D1, D4").</summary>
    public IReadOnlyList<string> DutyCodes { get; init; } = [];
}

/// <summary>One sign-off, with its revocation when revoked.</summary>
public sealed class SignOffSummary
{
    public Guid Id { get; init; }

    public Guid DutyId { get; init; }

    public string DutyCode { get; init; } = string.Empty;

    public string AssessorName { get; init; } = string.Empty;

    public DateTimeOffset SignedAt { get; init; }

    public int EvidenceCount { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedByName { get; init; }

    public string? RevocationReason { get; init; }

    public bool IsActive => RevokedAt is null;
}
