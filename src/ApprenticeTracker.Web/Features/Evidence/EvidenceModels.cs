namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>Everything the detail and edit pages show of one item of evidence.</summary>
public sealed class EvidenceDetailModel
{
    public Guid Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public EvidenceType Type { get; init; }

    public DateOnly ActivityDate { get; init; }

    public string? Description { get; init; }

    public EvidenceStatus Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public int SubmissionCount { get; init; }

    public int RevisionNumber { get; init; }

    /// <summary>The accepted item this one revises, if it is a revision.</summary>
    public Guid? RevisionOfId { get; init; }

    public Guid ConcurrencyStamp { get; init; }

    /// <summary>
    /// Every version of the same evidence (the original and each revision, this one included), oldest first; filled in
    /// after the projection. Accepted versions stay on record when a later one is started.
    /// </summary>
    public IReadOnlyList<EvidenceVersion> Versions { get; set; } = [];

    public IReadOnlyList<DutyChoice> Duties { get; set; } = [];

    public IReadOnlyList<KsbChoice> Ksbs { get; set; } = [];

    public IReadOnlyList<AttachmentRow> Attachments { get; set; } = [];

    /// <summary>Every review, newest first.</summary>
    public IReadOnlyList<ReviewRow> Reviews { get; set; } = [];

    public bool IsEditable => Status is EvidenceStatus.Draft or EvidenceStatus.ReferredBack;

    /// <summary>The status of the apprenticeship the item belongs to; filled in after the projection.</summary>
    public EnrolmentStatus EnrolmentStatus { get; set; } = EnrolmentStatus.Active;

    /// <summary>The apprentice may change and submit the item now: it is editable and the apprenticeship is active.</summary>
    public bool CanChange => IsEditable && EnrolmentStatus.AcceptsEvidence();

    /// <summary>
    /// The apprentice may start a revision now: the item is accepted, the apprenticeship is active, and no later version
    /// is already in progress (that one is changed instead).
    /// </summary>
    public bool CanRevise => Status == EvidenceStatus.Accepted && EnrolmentStatus.AcceptsEvidence() && OpenRevision is null;

    /// <summary>A later version not yet accepted, if one is in progress.</summary>
    public EvidenceVersion? OpenRevision =>
        Versions.FirstOrDefault(v => v.RevisionNumber > RevisionNumber && v.Status != EvidenceStatus.Accepted);

    /// <summary>
    /// Withdrawn or completed: the record is closed, so a submitted item is not reviewed any more. While the record is
    /// open (a break in learning and gateway included) a submitted item waits for an assessor.
    /// </summary>
    public bool IsRecordClosed => EnrolmentStatus.IsFinal();

    /// <summary>Why a closed record's submitted item was not reviewed, to follow "not reviewed: ".</summary>
    public string NoLongerReviewed => $"your apprenticeship is {EnrolmentStatus.StatePhrase()}, so its evidence is no longer reviewed.";
}

/// <summary>One version of an item of evidence: the original or a revision.</summary>
public sealed record EvidenceVersion(Guid Id, int RevisionNumber, EvidenceStatus Status, DateTimeOffset UpdatedAt);

/// <summary>One assessor decision with its feedback.</summary>
public sealed class ReviewRow
{
    public Guid EvidenceItemId { get; init; }

    public ReviewDecision Decision { get; init; }

    public string? Feedback { get; init; }

    public string AssessorName { get; init; } = string.Empty;

    public DateTimeOffset ReviewedAt { get; init; }

    public string DecisionName => Decision == ReviewDecision.Accepted ? "Accepted" : "Referred back";
}

/// <summary>One row of the evidence list.</summary>
public sealed class EvidenceListRow
{
    public Guid Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public EvidenceType Type { get; init; }

    public DateOnly ActivityDate { get; init; }

    public EvidenceStatus Status { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>D1, D4…; filled in after the projection.</summary>
    public IReadOnlyList<string> DutyCodes { get; set; } = [];
}

/// <summary>How the evidence list is filtered, sorted and paged; every part comes from the query string.</summary>
public sealed record EvidenceListFilter(Guid? DutyId, EvidenceStatus? Status, EvidenceType? Type, bool OldestFirst, int Page)
{
    public const int PageSize = 20;

    public bool IsFiltered => DutyId is not null || Status is not null || Type is not null;
}

/// <summary>One page of the evidence list.</summary>
public sealed class EvidenceListModel
{
    public required EvidenceListFilter Filter { get; init; }

    public required IReadOnlyList<EvidenceListRow> Rows { get; init; }

    public required IReadOnlyList<DutyChoice> Duties { get; init; }

    /// <summary>How many items match the filter, over all pages.</summary>
    public int TotalMatching { get; init; }

    /// <summary>False when the apprentice has logged no evidence at all.</summary>
    public bool HasAnyEvidence { get; init; }

    /// <summary>The status of the apprenticeship; evidence is logged only while it is active.</summary>
    public EnrolmentStatus EnrolmentStatus { get; init; } = EnrolmentStatus.Active;

    public int PageCount => Math.Max(1, (TotalMatching + EvidenceListFilter.PageSize - 1) / EvidenceListFilter.PageSize);
}
