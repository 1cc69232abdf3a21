using ApprenticeTracker.Domain.Progress;

namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>The employer contact's home: their employer and its apprentices with the provider that invited them.</summary>
public sealed record EmployerHomeModel(string EmployerName, string ProviderName, IReadOnlyList<EmployerApprenticeRow> Apprentices);

/// <summary>One apprentice on the employer's home page.</summary>
public sealed class EmployerApprenticeRow
{
    public Guid EnrolmentId { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? CohortName { get; init; }

    public EnrolmentStatus Status { get; init; }

    public DateOnly StartDate { get; init; }

    public int DutiesSignedOff { get; init; }

    public int TotalDuties { get; init; }

    /// <summary>Approved off-the-job minutes.</summary>
    public int OffTheJobApprovedMinutes { get; init; }

    /// <summary>The off-the-job minutes planned over the whole programme; null when the standard's minimum is not known.</summary>
    public int? OffTheJobPlannedMinutes { get; init; }

    /// <summary>The off-the-job minutes planned by today.</summary>
    public int OffTheJobPlannedToDateMinutes { get; init; }

    public DateOnly? GatewayPassedOn { get; init; }

    public int GatewayChecksMet { get; init; }

    public int GatewayChecks { get; init; }

    public bool ReadyForGateway => GatewayChecks > 0 && GatewayChecksMet == GatewayChecks;
}

/// <summary>One apprentice as their employer sees them, read-only: progress per duty, evidence, sign-offs, gateway.</summary>
public sealed class EmployerApprenticeModel
{
    public required Guid EnrolmentId { get; init; }

    public required string Name { get; init; }

    public required string EmployerName { get; init; }

    public string? CohortName { get; init; }

    /// <summary>"ST0413 v1.1 – Healthcare science practitioner (integrated degree)".</summary>
    public required string Standard { get; init; }

    public required EnrolmentStatus Status { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly PlannedEndDate { get; init; }

    /// <summary>Progress per duty; drafts are the apprentice's own and are not counted.</summary>
    public required EnrolmentProgress Progress { get; init; }

    public required OffTheJobSummary OffTheJob { get; init; }

    public required GatewayReadiness Gateway { get; init; }

    public DateOnly? GatewayPassedOn { get; init; }

    /// <summary>Evidence other than drafts, most recent activity first.</summary>
    public required IReadOnlyList<EmployerEvidenceRow> Evidence { get; init; }
}

/// <summary>The off-the-job figures shown to the employer, in minutes.</summary>
public sealed record OffTheJobSummary(int ApprovedMinutes, int? PlannedMinutes, int PlannedToDateMinutes);

/// <summary>One evidence item in the employer's list.</summary>
public sealed record EmployerEvidenceRow(Guid Id, string Title, EvidenceType Type, EvidenceStatus Status, DateOnly ActivityDate, IReadOnlyList<string> DutyCodes);

/// <summary>One evidence item as the employer reads it.</summary>
public sealed class EmployerEvidenceModel
{
    public required Guid EnrolmentId { get; init; }

    public required string ApprenticeName { get; init; }

    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required EvidenceType Type { get; init; }

    public required EvidenceStatus Status { get; init; }

    public required DateOnly ActivityDate { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? Description { get; init; }

    /// <summary>"D1 Practice according to…", in duty order.</summary>
    public required IReadOnlyList<string> Duties { get; init; }

    public required IReadOnlyList<EmployerAttachmentRow> Attachments { get; init; }

    /// <summary>The assessors' decisions, most recent first.</summary>
    public required IReadOnlyList<EmployerReviewRow> Reviews { get; init; }
}

public sealed record EmployerAttachmentRow(Guid Id, string FileName, long SizeBytes);

public sealed record EmployerReviewRow(ReviewDecision Decision, string? Feedback, string AssessorName, DateTimeOffset ReviewedAt);
