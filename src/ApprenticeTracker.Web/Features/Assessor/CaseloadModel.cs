using ApprenticeTracker.Web.Settings;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>The assessor's caseload: their apprentices, red first, and the rule the statuses follow.</summary>
public sealed record CaseloadModel(IReadOnlyList<CaseloadRow> Rows, AssessorOptions Rule, OffTheJobOptions OffTheJobRule);

/// <summary>One apprentice on an assessor's caseload.</summary>
public sealed class CaseloadRow
{
    public Guid EnrolmentId { get; init; }

    public string ApprenticeName { get; init; } = string.Empty;

    public string EmployerName { get; init; } = string.Empty;

    /// <summary>Null when the apprentice is in no cohort.</summary>
    public string? CohortName { get; init; }

    /// <summary>"ST0413 v1.1".</summary>
    public string Standard { get; init; } = string.Empty;

    public EnrolmentStatus Status { get; init; }

    public DateOnly StartDate { get; init; }

    public int DutiesSignedOff { get; init; }

    public int TotalDuties { get; init; }

    /// <summary>
    /// Submitted items that wait for an assessor's decision: none once the record is closed (withdrawn or completed),
    /// since its evidence is no longer reviewed. The same items as the review queue lists.
    /// </summary>
    public int WaitingForReview { get; init; }

    /// <summary>When the apprentice last submitted (or resubmitted) an item; null when never.</summary>
    public DateTimeOffset? LastSubmittedAt { get; init; }

    /// <summary>Whole days the longest-waiting item of <see cref="WaitingForReview"/> has waited; null when nothing waits.</summary>
    public int? LongestWaitDays { get; init; }

    public CaseloadRag Rag { get; init; }

    public int OffTheJobApprovedMinutes { get; init; }

    public int OffTheJobWaitingMinutes { get; init; }

    public int OffTheJobPlannedToDateMinutes { get; init; }

    /// <summary>How far the approved off-the-job hours are behind the hours planned to date (0.15 is 15 %).</summary>
    public decimal OffTheJobShortfall { get; init; }

    /// <summary>Duties signed off as a whole percentage, rounded down.</summary>
    public int PercentSignedOff => TotalDuties == 0 ? 0 : DutiesSignedOff * 100 / TotalDuties;
}
