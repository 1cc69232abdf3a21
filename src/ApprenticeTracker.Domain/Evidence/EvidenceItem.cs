using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Domain.Evidence;

/// <summary>What the apprentice writes about an item of evidence; checked by <see cref="EvidenceItem"/>.</summary>
/// <param name="Type">Null when none was chosen (or what was posted is not a type): refused.</param>
/// <param name="ActivityDate">Null when none was entered (or what was posted is not a date): refused.</param>
public sealed record EvidenceContent(string Title, EvidenceType? Type, DateOnly? ActivityDate, string? Description);

/// <summary>
/// An item of evidence an apprentice logs against the duties (and KSBs) of their standard version. It moves from
/// draft to submitted to accepted, or is referred back with feedback and resubmitted. Accepted evidence is locked:
/// a later change is a new revision, and the accepted one is kept.
/// </summary>
public sealed class EvidenceItem : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;

    /// <summary>The names by which a <see cref="Refusal"/> of evidence names the input it concerns.</summary>
    public static class Fields
    {
        public const string Title = nameof(EvidenceItem.Title);
        public const string Type = nameof(EvidenceItem.Type);
        public const string ActivityDate = nameof(EvidenceItem.ActivityDate);
        public const string Description = nameof(EvidenceItem.Description);
        public const string DutyIds = "DutyIds";
        public const string KsbIds = "KsbIds";
        public const string Attachments = nameof(EvidenceItem.Attachments);
        public const string Feedback = "Feedback";
    }

    private readonly List<EvidenceDuty> _duties = new();
    private readonly List<EvidenceKsb> _ksbs = new();
    private readonly List<Attachment> _attachments = new();
    private readonly List<EvidenceReview> _reviews = new();

    private EvidenceItem()
    {
        Title = string.Empty;
    }

    private EvidenceItem(Guid id, Guid enrolmentId)
        : base(id)
    {
        EnrolmentId = enrolmentId;
        Title = string.Empty;
    }

    public Guid EnrolmentId { get; private set; }

    public string Title { get; private set; }

    public EvidenceType Type { get; private set; }

    /// <summary>The day the activity the evidence records took place (not the day it was logged).</summary>
    public DateOnly ActivityDate { get; private set; }

    /// <summary>The apprentice's description or reflection.</summary>
    public string? Description { get; private set; }

    public EvidenceStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the item was last submitted or resubmitted; null while it has never been.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>When an assessor last accepted it or referred it back.</summary>
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>How many times the item has been submitted; above 1 it has been resubmitted.</summary>
    public int SubmissionCount { get; private set; }

    /// <summary>1 for an original item; each revision of accepted evidence counts up.</summary>
    public int RevisionNumber { get; private set; }

    /// <summary>The accepted item this one revises, if it is a revision.</summary>
    public Guid? RevisionOfId { get; private set; }

    /// <summary>Changes on every change of state; lets two people editing at once find out (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; private set; }

    public IReadOnlyCollection<EvidenceDuty> Duties => _duties;

    public IReadOnlyCollection<EvidenceKsb> Ksbs => _ksbs;

    public IReadOnlyCollection<Attachment> Attachments => _attachments;

    /// <summary>Every assessor decision, oldest first.</summary>
    public IReadOnlyList<EvidenceReview> Reviews => _reviews.OrderBy(r => r.ReviewedAt).ToList();

    /// <summary>Only drafts and items referred back can be changed.</summary>
    public bool IsEditable => Status is EvidenceStatus.Draft or EvidenceStatus.ReferredBack;

    protected override Guid? AuditEnrolmentId => EnrolmentId;

    public bool Supports(Guid dutyId) => _duties.Exists(d => d.DutyId == dutyId);

    /// <summary>
    /// Starts a draft for an enrolment, checking the content and that every duty and KSB is of the enrolment's
    /// standard version. Every refusal of the content comes at once, in one <see cref="DomainException"/>.
    /// </summary>
    /// <param name="today">Today's date where the apprentice is (<see cref="ServiceClock"/>), for the rule that activity cannot be in the future.</param>
    /// <param name="submitting">True when the draft is to be submitted next: the refusals then include what <see cref="Submit"/> would refuse.</param>
    public static EvidenceItem Draft(
        Enrolment enrolment, Standard standard, EvidenceContent content, IEnumerable<Guid> dutyIds, IEnumerable<Guid> ksbIds,
        DateOnly today, Actor actor, DateTimeOffset at, bool submitting = false)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        enrolment.EnsureAcceptsEvidence("logged");
        if (enrolment.Status.IsBeforeStart(enrolment.StartDate, today))
        {
            throw new DomainException($"Evidence can be logged from the day the apprenticeship starts, {Dates.Display(enrolment.StartDate)}.");
        }

        var item = new EvidenceItem(Guid.NewGuid(), enrolment.Id)
        {
            Status = EvidenceStatus.Draft,
            CreatedAt = at,
            RevisionNumber = 1,
        };
        item.Apply(enrolment, standard, content, dutyIds, ksbIds, today, submitting);
        item.Touch(at);
        item.Record(actor, at, "evidence.drafted", item.Title);
        return item;
    }

    /// <summary>
    /// Changes a draft or an item referred back, while the apprenticeship is active. Every refusal of the content
    /// comes at once, as for <see cref="Draft"/>.
    /// </summary>
    public void Edit(
        Enrolment enrolment, Standard standard, EvidenceContent content, IEnumerable<Guid> dutyIds, IEnumerable<Guid> ksbIds,
        DateOnly today, Actor actor, DateTimeOffset at, bool submitting = false)
    {
        EnsureChangeable(enrolment, "changed");
        EnsureEditable("changed");
        Apply(enrolment, standard, content, dutyIds, ksbIds, today, submitting);
        Touch(at);
        Record(actor, at, "evidence.edited", Title);
    }

    /// <summary>Attaches a stored file, up to <paramref name="maxAttachments"/> files an item, while the apprenticeship is active.</summary>
    public void Attach(Enrolment enrolment, Attachment attachment, int maxAttachments, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        EnsureChangeable(enrolment, "changed");
        EnsureEditable("changed");
        if (_attachments.Count >= maxAttachments)
        {
            throw new DomainException($"An item of evidence can have at most {maxAttachments} files.", Fields.Attachments);
        }

        attachment.BelongTo(Id);
        _attachments.Add(attachment);
        Touch(at);
        RecordFor(actor, at, "evidence.file-attached", nameof(EvidenceItem), Id, $"{attachment.FileName} ({Attachment.FormatSize(attachment.SizeBytes)}, SHA-256 {attachment.Sha256})");
    }

    /// <summary>
    /// Removes a file from a draft or an item referred back, while the apprenticeship is active, and returns its record
    /// so the file store can forget it.
    /// </summary>
    public Attachment Detach(Enrolment enrolment, Guid attachmentId, Actor actor, DateTimeOffset at)
    {
        EnsureChangeable(enrolment, "changed");
        EnsureEditable("changed");
        var attachment = _attachments.Find(a => a.Id == attachmentId)
            ?? throw new DomainException("That file is not attached to this item.", Fields.Attachments);
        _attachments.Remove(attachment);
        Touch(at);
        Record(actor, at, "evidence.file-removed", attachment.FileName);
        return attachment;
    }

    /// <summary>
    /// Sends a draft, or an item referred back, to the assessors, while the apprenticeship is active. It must support
    /// at least one duty.
    /// </summary>
    public void Submit(Enrolment enrolment, Actor actor, DateTimeOffset at)
    {
        EnsureChangeable(enrolment, "submitted");
        if (!IsEditable)
        {
            throw new DomainException($"This item is {Status.StatePhrase()} and cannot be submitted again.");
        }

        var refusals = new Refusals();
        CheckSubmittable(_duties.Count, refusals);
        refusals.ThrowIfAny();

        var resubmission = Status == EvidenceStatus.ReferredBack;
        Status = EvidenceStatus.Submitted;
        SubmittedAt = at;
        SubmissionCount++;
        Touch(at);
        Record(actor, at, resubmission ? "evidence.resubmitted" : "evidence.submitted", Title);
    }

    /// <summary>
    /// An assigned assessor judges the submission valid, authentic, current and sufficient. The item is then locked.
    /// Refused once the apprenticeship is withdrawn or completed; allowed during a break in learning and at gateway.
    /// </summary>
    public void Accept(Enrolment enrolment, Assessor assessor, string? feedback, DateTimeOffset at)
    {
        var comment = Check.OptionalText(feedback, EvidenceReview.FeedbackMaxLength, "feedback", Fields.Feedback);
        Review(enrolment, assessor, ReviewDecision.Accepted, comment, at);
        Status = EvidenceStatus.Accepted;
        Record(assessor.AsActor(), at, "evidence.accepted", comment);
    }

    /// <summary>
    /// An assigned assessor returns the submission to the apprentice; feedback is required. Refused once the
    /// apprenticeship is withdrawn or completed; allowed during a break in learning and at gateway.
    /// </summary>
    public void ReferBack(Enrolment enrolment, Assessor assessor, string feedback, DateTimeOffset at)
    {
        var comment = feedback?.Trim();
        if (string.IsNullOrEmpty(comment))
        {
            throw new DomainException("Enter feedback that tells the apprentice what to change.", Fields.Feedback);
        }

        comment = Check.Text(comment, EvidenceReview.FeedbackMaxLength, "feedback", Fields.Feedback);
        Review(enrolment, assessor, ReviewDecision.ReferredBack, comment, at);
        Status = EvidenceStatus.ReferredBack;
        Record(assessor.AsActor(), at, "evidence.referred-back", comment);
    }

    /// <summary>
    /// Records that the apprentice discards a draft; the caller then removes it. Only drafts can be discarded, but in
    /// any status of the apprenticeship: removing one's own unsubmitted work changes nothing on record.
    /// </summary>
    public void Discard(Actor actor, DateTimeOffset at)
    {
        if (Status != EvidenceStatus.Draft)
        {
            throw new DomainException("Only a draft can be deleted. Submitted and reviewed evidence stays on record.");
        }

        Record(actor, at, "evidence.deleted", Title);
    }

    /// <summary>Starts a new draft revision of accepted evidence, while the apprenticeship is active, leaving the accepted item as it is.</summary>
    public EvidenceItem Revise(Enrolment enrolment, Actor actor, DateTimeOffset at)
    {
        EnsureChangeable(enrolment, "revised");
        if (Status != EvidenceStatus.Accepted)
        {
            throw new DomainException("Only accepted evidence is revised; change a draft or an item referred back directly.");
        }

        var revision = new EvidenceItem(Guid.NewGuid(), EnrolmentId)
        {
            Title = Title,
            Type = Type,
            ActivityDate = ActivityDate,
            Description = Description,
            Status = EvidenceStatus.Draft,
            CreatedAt = at,
            RevisionNumber = RevisionNumber + 1,
            RevisionOfId = Id,
        };
        revision._duties.AddRange(_duties.Select(d => new EvidenceDuty(revision.Id, d.DutyId)));
        revision._ksbs.AddRange(_ksbs.Select(k => new EvidenceKsb(revision.Id, k.KsbId)));
        revision._attachments.AddRange(_attachments.Select(a => a.CopyFor(revision.Id)));
        revision.Touch(at);
        revision.Record(actor, at, "evidence.revision-started", $"Revision {revision.RevisionNumber} of '{Title}'");
        return revision;
    }

    private void Review(Enrolment enrolment, Assessor assessor, ReviewDecision decision, string? feedback, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(assessor);
        EnsureBelongsTo(enrolment);
        enrolment.EnsureNotFinal("review evidence");
        if (!enrolment.IsAssignedTo(assessor.Id))
        {
            throw new DomainException("Only an assessor assigned to this apprentice can review their evidence.");
        }

        if (Status != EvidenceStatus.Submitted)
        {
            throw new DomainException($"This item is {Status.StatePhrase()}; only submitted evidence can be reviewed.");
        }

        _reviews.Add(new EvidenceReview(Id, decision, feedback, assessor.Id, assessor.FullName, at));
        ReviewedAt = at;
        Touch(at);
    }

    private void Apply(
        Enrolment enrolment, Standard standard, EvidenceContent content, IEnumerable<Guid> dutyIds, IEnumerable<Guid> ksbIds, DateOnly today, bool submitting)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(dutyIds);
        ArgumentNullException.ThrowIfNull(ksbIds);
        if (standard.Id != enrolment.StandardId)
        {
            throw new ArgumentException("The standard given is not the enrolment's standard version.", nameof(standard));
        }

        var refusals = new Refusals();
        var title = refusals.Collect(() => Check.Text(content.Title, TitleMaxLength, "title", Fields.Title));
        var description = refusals.Collect(() => Check.OptionalText(content.Description, DescriptionMaxLength, "description", Fields.Description));
        if (content.Type is not { } type || !Enum.IsDefined(type))
        {
            refusals.Add(Fields.Type, "Choose the type of evidence.");
        }

        if (content.ActivityDate is not { } activityDate)
        {
            refusals.Add(Fields.ActivityDate, "Enter the date of the activity.");
        }
        else if (activityDate > today)
        {
            refusals.Add(Fields.ActivityDate, "The activity date cannot be in the future.");
        }
        else if (activityDate < enrolment.StartDate)
        {
            refusals.Add(Fields.ActivityDate, $"The activity date cannot be before the apprenticeship started ({Dates.Display(enrolment.StartDate)}).");
        }

        var duties = dutyIds.Distinct().ToList();
        if (duties.Exists(id => standard.FindDuty(id) is null))
        {
            refusals.Add(Fields.DutyIds, $"Choose duties of {standard.DisplayReference}; one of those chosen belongs to another standard.");
        }
        else if (submitting)
        {
            CheckSubmittable(duties.Count, refusals);
        }

        var ksbs = ksbIds.Distinct().ToList();
        var standardKsbs = standard.Ksbs.Select(k => k.Id).ToHashSet();
        if (ksbs.Exists(id => !standardKsbs.Contains(id)))
        {
            refusals.Add(Fields.KsbIds, $"Choose KSBs of {standard.DisplayReference}; one of those chosen belongs to another standard.");
        }

        refusals.ThrowIfAny();
        Title = title!;
        Description = description;
        Type = content.Type!.Value;
        ActivityDate = content.ActivityDate!.Value;
        _duties.RemoveAll(d => !duties.Contains(d.DutyId));
        _duties.AddRange(duties.Where(id => !_duties.Exists(d => d.DutyId == id)).Select(id => new EvidenceDuty(Id, id)));
        _ksbs.RemoveAll(k => !ksbs.Contains(k.KsbId));
        _ksbs.AddRange(ksbs.Where(id => !_ksbs.Exists(k => k.KsbId == id)).Select(id => new EvidenceKsb(Id, id)));
    }

    /// <summary>The rule of <see cref="Submit"/> on the item's duties, checked also by a draft or edit about to be submitted.</summary>
    private static void CheckSubmittable(int dutyCount, Refusals refusals)
    {
        if (dutyCount == 0)
        {
            refusals.Add(Fields.DutyIds, "Choose at least one duty this evidence supports before you submit it.");
        }
    }

    private void EnsureEditable(string verb)
    {
        if (!IsEditable)
        {
            var reason = Status == EvidenceStatus.Accepted
                ? "Accepted evidence is locked; start a revision to change it."
                : "It is waiting for an assessor's review.";
            throw new DomainException($"This item cannot be {verb}. {reason}");
        }
    }

    /// <summary>The apprentice's changes need the item's own enrolment, and that enrolment active.</summary>
    private void EnsureChangeable(Enrolment enrolment, string action)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        EnsureBelongsTo(enrolment);
        enrolment.EnsureAcceptsEvidence(action);
    }

    private void EnsureBelongsTo(Enrolment enrolment)
    {
        if (enrolment.Id != EnrolmentId)
        {
            throw new ArgumentException("The enrolment given is not the one this evidence belongs to.", nameof(enrolment));
        }
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        ConcurrencyStamp = Guid.NewGuid();
    }
}
