using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>An evidence item in full, as the assessor reviews it.</summary>
public sealed class ReviewModel
{
    public required ApprenticeHeading Apprentice { get; init; }

    public Guid EvidenceId { get; init; }

    public string Title { get; init; } = string.Empty;

    public EvidenceType Type { get; init; }

    public DateOnly ActivityDate { get; init; }

    public string? Description { get; init; }

    public EvidenceStatus Status { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public int SubmissionCount { get; init; }

    public int RevisionNumber { get; init; }

    /// <summary>The stamp the review form carries back, so a decision on a changed item is refused.</summary>
    public Guid ConcurrencyStamp { get; init; }

    /// <summary>The duties the item supports, in duty order, with their statements.</summary>
    public IReadOnlyList<ReviewDuty> Duties { get; init; } = [];

    public IReadOnlyList<ReviewAttachment> Attachments { get; init; } = [];

    /// <summary>Every earlier decision on the item, oldest first.</summary>
    public IReadOnlyList<ReviewHistoryEntry> History { get; init; } = [];

    /// <summary>Only submitted evidence waits for a decision, and only while the apprentice's record is open.</summary>
    public bool AwaitsDecision => Status == EvidenceStatus.Submitted && !Apprentice.IsClosed;
}

/// <summary>The item's own columns, as the review query reads them before it looks up the apprentice.</summary>
public sealed class ReviewItem
{
    public Guid Id { get; init; }

    public Guid EnrolmentId { get; init; }

    public string Title { get; init; } = string.Empty;

    public EvidenceType Type { get; init; }

    public DateOnly ActivityDate { get; init; }

    public string? Description { get; init; }

    public EvidenceStatus Status { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public int SubmissionCount { get; init; }

    public int RevisionNumber { get; init; }

    public Guid ConcurrencyStamp { get; init; }
}

/// <summary>A duty an item supports.</summary>
public sealed class ReviewDuty
{
    public int Number { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Statement { get; init; } = string.Empty;
}

/// <summary>A file attached to an item, offered for download.</summary>
public sealed class ReviewAttachment
{
    public Guid Id { get; init; }

    public Guid EvidenceItemId { get; init; }

    public string FileName { get; init; } = string.Empty;

    public long SizeBytes { get; init; }

    public string ContentType { get; init; } = string.Empty;

    /// <summary>The download address, authorised there by the same access rules.</summary>
    public string DownloadUrl => EvidenceRoutes.Attachment(EvidenceItemId, Id);
}

/// <summary>One earlier decision on an item, with its feedback.</summary>
public sealed class ReviewHistoryEntry
{
    public ReviewDecision Decision { get; init; }

    public string? Feedback { get; init; }

    public string AssessorName { get; init; } = string.Empty;

    public DateTimeOffset ReviewedAt { get; init; }
}
