namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>One submitted item waiting for the assessor's decision.</summary>
public sealed class ReviewQueueItem
{
    public Guid EvidenceId { get; init; }

    public Guid EnrolmentId { get; init; }

    public string ApprenticeName { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public EvidenceType Type { get; init; }

    /// <summary>When it was last submitted (or resubmitted).</summary>
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Above 1 when the apprentice resubmitted it after a referral.</summary>
    public int SubmissionCount { get; init; }

    /// <summary>Whole days since submission.</summary>
    public int DaysWaiting { get; init; }
}
