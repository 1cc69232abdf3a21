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

    /// <summary>The apprentice's <see cref="Domain.People.PersonName.SortKey"/>, which orders the apprentices offered in the filter.</summary>
    public string ApprenticeSortKey { get; init; } = string.Empty;

    /// <summary>The duties the item evidences, in the standard's order.</summary>
    public IReadOnlyList<ReviewQueueDuty> Duties { get; init; } = [];
}

/// <summary>A duty that a waiting item evidences, as the queue's duty filter offers it.</summary>
public sealed record ReviewQueueDuty(Guid Id, int Number, string Code, string Statement);
