using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Progress;

namespace ApprenticeTracker.Reports;

/// <summary>
/// Everything an end-point assessment report says about one enrolment, read once from the database and laid out
/// as a PDF (<see cref="EpaReportPdf"/>) or an HTML preview. Draft evidence is private to the apprentice and is
/// never part of a report.
/// </summary>
public sealed record EpaReport
{
    public required Guid EnrolmentId { get; init; }

    public required string ApprenticeName { get; init; }

    public required string ApprenticeEmail { get; init; }

    /// <summary>The apprentice's unique learner number; null when the provider has not recorded it.</summary>
    public string? Uln { get; init; }

    public required string EmployerName { get; init; }

    public required string TrainingProviderName { get; init; }

    public string? TrainingProviderUkprn { get; init; }

    public string? CohortName { get; init; }

    public required ReportStandard Standard { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly PlannedEndDate { get; init; }

    public required EnrolmentStatus Status { get; init; }

    /// <summary>The assessors assigned now, by name.</summary>
    public required IReadOnlyList<string> Assessors { get; init; }

    /// <summary>When the report was made; also its document creation date.</summary>
    public required DateTimeOffset ReportDate { get; init; }

    /// <summary>One section per duty of the standard version, in duty order.</summary>
    public required IReadOnlyList<DutySection> Duties { get; init; }

    public required EnrolmentProgress Progress { get; init; }

    public required GatewayReadiness Gateway { get; init; }

    /// <summary>The employer's agreement that the apprentice is ready for gateway, with its declaration; null while there is none.</summary>
    public EmployerGatewayAgreement? EmployerAgreement { get; init; }

    /// <summary>The off-the-job training log against the plan: planned, approved, by kind and by duty.</summary>
    public required ReportOffTheJob OffTheJob { get; init; }

    /// <summary>Every accepted evidence item in full, oldest activity first.</summary>
    public required IReadOnlyList<AppendixItem> Appendix { get; init; }

    /// <summary>Every progress review recorded, oldest first, with its signatories.</summary>
    public IReadOnlyList<ReportProgressReview> ProgressReviews { get; init; } = [];
}

/// <summary>One progress review in the report: when it was held, whether all three signed, and who signed or declined when.</summary>
public sealed record ReportProgressReview(DateOnly HeldOn, DateOnly NextReviewOn, DateTimeOffset? CompletedAt, IReadOnlyList<ReportReviewSignature> Signatures);

/// <summary>A party's signature of a review, or their decline with its reason.</summary>
public sealed record ReportReviewSignature(string Party, string Name, string Capacity, DateTimeOffset At, string? DeclineReason);

/// <summary>
/// Off-the-job training for the report: the progress the domain computed, where the planned hours came from, and the
/// approved hours by kind and by duty (an entry linked to several duties counts towards each).
/// </summary>
public sealed record ReportOffTheJob(
    OffTheJobProgress Progress, string? MinimumSource, string? PriorLearningReason,
    IReadOnlyList<ReportOffTheJobLine> ByKind, IReadOnlyList<ReportOffTheJobLine> ByDuty);

/// <summary>Approved minutes under one heading (a kind of activity, or a duty's code).</summary>
public sealed record ReportOffTheJobLine(string Heading, int Minutes);

/// <summary>The standard version the apprentice is on.</summary>
public sealed record ReportStandard(string ReferenceNumber, string Version, string Title, int Level, string DisplayReference);

/// <summary>One duty: its statement, its sign-off in force (if any), revoked sign-offs and the evidence mapped to it.</summary>
public sealed record DutySection(
    int Number, string Code, string Statement, SignOffRecord? SignOff, IReadOnlyList<SignOffRecord> Revoked, IReadOnlyList<EvidenceRow> Evidence)
{
    public bool IsSignedOff => SignOff is not null;
}

/// <summary>A sign-off as signed, with its revocation when it was revoked.</summary>
public sealed record SignOffRecord(
    string AssessorName, DateTimeOffset SignedAt, string Declaration, IReadOnlyList<EvidenceReference> RestsOn,
    DateTimeOffset? RevokedAt, string? RevokedByName, string? RevocationReason);

/// <summary>An evidence item named by a sign-off.</summary>
public sealed record EvidenceReference(Guid EvidenceItemId, string Title, DateOnly ActivityDate);

/// <summary>A row of a duty's evidence table.</summary>
public sealed record EvidenceRow(Guid EvidenceItemId, DateOnly ActivityDate, string Title, EvidenceType Type, EvidenceStatus Status, ReviewRecord? LatestDecision);

/// <summary>One assessor's decision on an evidence item.</summary>
public sealed record ReviewRecord(ReviewDecision Decision, string AssessorName, DateTimeOffset ReviewedAt, string? Feedback);

/// <summary>An accepted evidence item in full.</summary>
public sealed record AppendixItem(
    Guid EvidenceItemId, string Title, EvidenceType Type, DateOnly ActivityDate, int RevisionNumber, string? Description,
    IReadOnlyList<string> DutyCodes, IReadOnlyList<ReviewRecord> Reviews, IReadOnlyList<AttachmentRecord> Attachments);

/// <summary>A file attached to accepted evidence; <see cref="Thumbnail"/> holds a PNG or JPEG image's bytes when it was read.</summary>
public sealed record AttachmentRecord(string FileName, long SizeBytes, string Sha256, string ContentType, ReadOnlyMemory<byte>? Thumbnail)
{
    public bool IsImage => ContentType is "image/png" or "image/jpeg";
}
