using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Domain.OffTheJob;

/// <summary>Where an off-the-job entry is in its approval.</summary>
public enum OffTheJobEntryStatus
{
    /// <summary>Logged or amended by the apprentice, waiting for an assessor or the provider.</summary>
    Waiting = 1,

    /// <summary>Approved; counts towards the planned hours and can no longer be changed or deleted.</summary>
    Approved = 2,

    /// <summary>Queried with a reason; the apprentice amends it, which sends it back for approval.</summary>
    Queried = 3,
}

/// <summary>How an entry came to be.</summary>
public enum OffTheJobEntrySource
{
    /// <summary>Logged by the apprentice.</summary>
    Apprentice = 1,

    /// <summary>A taught session the provider recorded for a whole cohort, approved when recorded.</summary>
    CohortSession = 2,

    /// <summary>Imported by the provider from a CSV file, waiting for approval like the apprentice's own.</summary>
    Import = 3,
}

/// <summary>What is said about an activity; checked by <see cref="OffTheJobEntry"/>.</summary>
/// <param name="ActivityDate">The day of the activity, in UK time.</param>
/// <param name="Minutes">How long it took.</param>
/// <param name="WhatWasLearnt">Required: what the apprentice learnt (or, for a cohort session, what was taught).</param>
public sealed record OffTheJobContent(DateOnly ActivityDate, int Minutes, OffTheJobActivityKind Kind, string? WhatWasLearnt);

/// <summary>
/// One off-the-job training activity of an enrolment: date, duration, kind and what was learnt, optionally linked to
/// duties and evidence. The apprentice changes or deletes it while it is not approved; an assessor or the provider
/// approves it or queries it with a reason. Only approved entries count towards the plan.
/// </summary>
public sealed class OffTheJobEntry : AggregateRoot
{
    public const int TextMaxLength = 4000;
    public const int ReasonMaxLength = 2000;

    /// <summary>The form fields refusals name.</summary>
    public static class Fields
    {
        public const string ActivityDate = nameof(OffTheJobEntry.ActivityDate);
        public const string Duration = "Duration";
        public const string Kind = nameof(OffTheJobEntry.Kind);
        public const string WhatWasLearnt = nameof(OffTheJobEntry.WhatWasLearnt);
        public const string DutyIds = "DutyIds";
        public const string EvidenceIds = "EvidenceIds";
        public const string Reason = "Reason";
        public const string Reflection = nameof(OffTheJobEntry.Reflection);
        public const string Attachment = nameof(OffTheJobEntry.Attachment);
    }

    private readonly List<OffTheJobEntryDuty> _duties = new();
    private readonly List<OffTheJobEntryEvidence> _evidence = new();

    private OffTheJobEntry()
    {
        WhatWasLearnt = string.Empty;
        RecordedByName = string.Empty;
    }

    private OffTheJobEntry(Guid id, Enrolment enrolment)
        : base(id)
    {
        EnrolmentId = enrolment.Id;
        TrainingProviderId = enrolment.TrainingProviderId;
        WhatWasLearnt = string.Empty;
        RecordedByName = string.Empty;
    }

    public Guid EnrolmentId { get; private set; }

    /// <summary>Copied from the enrolment, so that the audit log of the entry is scoped to the provider.</summary>
    public Guid TrainingProviderId { get; private set; }

    public DateOnly ActivityDate { get; private set; }

    public int Minutes { get; private set; }

    public OffTheJobActivityKind Kind { get; private set; }

    public string WhatWasLearnt { get; private set; }

    /// <summary>What the apprentice adds about an entry someone else recorded (a cohort session); optional.</summary>
    public string? Reflection { get; private set; }

    public OffTheJobEntryStatus Status { get; private set; }

    public OffTheJobEntrySource Source { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Who approved or queried it last, and when; null while nobody has.</summary>
    public string? DecidedByName { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The reason of the last query, kept after the entry is amended so that the history reads.</summary>
    public string? QueryReason { get; private set; }

    /// <summary>
    /// An optional file that shows the activity (a certificate, slides, notes), checked by the same rules as evidence
    /// files; null when there is none.
    /// </summary>
    public FileDescription? Attachment { get; private set; }

    /// <summary>Changes on every change of state (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; private set; }

    public IReadOnlyCollection<OffTheJobEntryDuty> Duties => _duties;

    public IReadOnlyCollection<OffTheJobEntryEvidence> Evidence => _evidence;

    /// <summary>Waiting and queried entries can be changed and deleted; approved ones are on record.</summary>
    public bool IsChangeable => Status != OffTheJobEntryStatus.Approved;

    protected override Guid? AuditEnrolmentId => EnrolmentId;

    protected override Guid? AuditTrainingProviderId => TrainingProviderId;

    /// <summary>
    /// Every reason the content is refused, at once, each naming its field by a constant of <see cref="Fields"/>;
    /// empty when it may be saved.
    /// </summary>
    /// <param name="minutesAlreadyThatDay">Minutes of the enrolment's other entries on the same day.</param>
    /// <param name="enrolmentEvidenceIds">Ids of the enrolment's own evidence items.</param>
    /// <param name="today">Today in UK time.</param>
    public static Refusals RefusalsOf(
        Enrolment enrolment, Standard standard, OffTheJobContent content, IEnumerable<Guid> dutyIds, IEnumerable<Guid> evidenceIds,
        IReadOnlySet<Guid> enrolmentEvidenceIds, int minutesAlreadyThatDay, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(dutyIds);
        ArgumentNullException.ThrowIfNull(evidenceIds);
        ArgumentNullException.ThrowIfNull(enrolmentEvidenceIds);
        if (standard.Id != enrolment.StandardId)
        {
            throw new ArgumentException("The standard given is not the enrolment's standard version.", nameof(standard));
        }

        var refusals = new Refusals();
        if (enrolment.Status.IsFinal())
        {
            refusals.Add(null, $"Off-the-job training cannot be logged: the apprenticeship is {enrolment.Status.StatePhrase()}, and its record is closed.");
        }

        if (content.ActivityDate > today)
        {
            refusals.Add(Fields.ActivityDate, "The date cannot be in the future.");
        }
        else if (content.ActivityDate < enrolment.StartDate)
        {
            refusals.Add(Fields.ActivityDate, $"The date cannot be before the apprenticeship started ({Dates.Display(enrolment.StartDate)}).");
        }
        else if (enrolment.GatewayPassedOn is { } gateway && content.ActivityDate > gateway)
        {
            refusals.Add(Fields.ActivityDate, $"No off-the-job hours count after gateway ({Dates.Display(gateway)}).");
        }

        if (content.Minutes <= 0)
        {
            refusals.Add(Fields.Duration, "Enter a duration of more than zero.");
        }
        else if (content.Minutes > OffTheJobRules.MaxMinutesPerEntry)
        {
            refusals.Add(Fields.Duration, $"One entry can be at most {OffTheJobRules.MaxMinutesPerEntry / 60} hours; split a longer activity over the days it took.");
        }
        else if (minutesAlreadyThatDay + content.Minutes > OffTheJobRules.MaxMinutesPerDay)
        {
            refusals.Add(Fields.Duration, $"A day has at most 24 hours: {OffTheJobRules.DisplayDuration(minutesAlreadyThatDay)} is already logged on {Dates.Display(content.ActivityDate)}.");
        }

        if (!Enum.IsDefined(content.Kind))
        {
            refusals.Add(Fields.Kind, "Choose the kind of activity.");
        }
        else if (content.Kind.WhyNotOffTheJob() is { } why)
        {
            refusals.Add(Fields.Kind, why);
        }

        var learnt = content.WhatWasLearnt?.Trim() ?? string.Empty;
        if (learnt.Length == 0)
        {
            refusals.Add(Fields.WhatWasLearnt, "Enter what you learnt.");
        }
        else if (learnt.Length > TextMaxLength)
        {
            refusals.Add(Fields.WhatWasLearnt, $"What you learnt must be {TextMaxLength} characters or fewer.");
        }

        if (dutyIds.Any(id => standard.FindDuty(id) is null))
        {
            refusals.Add(Fields.DutyIds, $"Choose duties of {standard.DisplayReference}; one of those chosen belongs to another standard.");
        }

        if (evidenceIds.Any(id => !enrolmentEvidenceIds.Contains(id)))
        {
            refusals.Add(Fields.EvidenceIds, "Choose evidence of your own; one of those chosen is not yours.");
        }

        return refusals;
    }

    /// <summary>The apprentice logs an activity; it waits for approval.</summary>
    public static OffTheJobEntry Log(
        Enrolment enrolment, Standard standard, OffTheJobContent content, IEnumerable<Guid> dutyIds, IEnumerable<Guid> evidenceIds,
        IReadOnlySet<Guid> enrolmentEvidenceIds, int minutesAlreadyThatDay, DateOnly today, Actor actor, DateTimeOffset at) =>
        Create(enrolment, standard, content, dutyIds, evidenceIds, enrolmentEvidenceIds, minutesAlreadyThatDay, today, OffTheJobEntrySource.Apprentice, actor, at);

    /// <summary>The provider imports an activity from a file; it waits for approval like the apprentice's own.</summary>
    public static OffTheJobEntry Import(
        Enrolment enrolment, Standard standard, OffTheJobContent content, int minutesAlreadyThatDay, DateOnly today, Actor actor, DateTimeOffset at) =>
        Create(enrolment, standard, content, [], [], new HashSet<Guid>(), minutesAlreadyThatDay, today, OffTheJobEntrySource.Import, actor, at);

    /// <summary>
    /// The provider records one taught session for an apprentice of a cohort; it is approved as it is recorded, and the
    /// apprentice may add what they learnt (<see cref="Reflect"/>).
    /// </summary>
    public static OffTheJobEntry RecordCohortSession(
        Enrolment enrolment, Standard standard, DateOnly date, int minutes, string whatWasTaught, int minutesAlreadyThatDay, DateOnly today, Actor actor, DateTimeOffset at)
    {
        var entry = Create(
            enrolment, standard, new OffTheJobContent(date, minutes, OffTheJobActivityKind.TaughtSession, whatWasTaught), [], [], new HashSet<Guid>(),
            minutesAlreadyThatDay, today, OffTheJobEntrySource.CohortSession, actor, at);
        entry.Status = OffTheJobEntryStatus.Approved;
        entry.DecidedByName = actor.DisplayName;
        entry.DecidedAt = at;
        entry.Record(actor, at, "otj.approved", "Recorded for the cohort");
        return entry;
    }

    /// <summary>The apprentice changes a waiting or queried entry; a queried entry goes back for approval.</summary>
    public void Amend(
        Enrolment enrolment, Standard standard, OffTheJobContent content, IEnumerable<Guid> dutyIds, IEnumerable<Guid> evidenceIds,
        IReadOnlySet<Guid> enrolmentEvidenceIds, int minutesAlreadyThatDay, DateOnly today, Actor actor, DateTimeOffset at)
    {
        EnsureBelongsTo(enrolment);
        EnsureChangeable("changed");
        RefusalsOf(enrolment, standard, content, dutyIds, evidenceIds, enrolmentEvidenceIds, minutesAlreadyThatDay, today).ThrowIfAny();
        var resubmitted = Status == OffTheJobEntryStatus.Queried;
        Apply(content, dutyIds, evidenceIds);
        Status = OffTheJobEntryStatus.Waiting;
        Touch(at);
        Record(actor, at, resubmitted ? "otj.resubmitted" : "otj.edited", Describe());
    }

    /// <summary>
    /// The apprentice attaches a file to a waiting or queried entry, in place of any it had (whose stored file the caller
    /// then removes once nothing refers to it).
    /// </summary>
    public void Attach(Enrolment enrolment, FileDescription file, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(file);
        EnsureBelongsTo(enrolment);
        EnsureChangeable("changed");
        enrolment.EnsureNotFinal("change off-the-job training");
        Attachment = file;
        Touch(at);
        Record(actor, at, "otj.file-attached", $"{file.FileName} on {Describe()}");
    }

    /// <summary>The apprentice removes the file of a waiting or queried entry.</summary>
    public void RemoveAttachment(Enrolment enrolment, Actor actor, DateTimeOffset at)
    {
        EnsureBelongsTo(enrolment);
        EnsureChangeable("changed");
        var file = Attachment ?? throw new DomainException("This entry has no file to remove.", Fields.Attachment);
        Attachment = null;
        Touch(at);
        Record(actor, at, "otj.file-removed", $"{file.FileName} on {Describe()}");
    }

    /// <summary>Records that the apprentice deletes a waiting or queried entry; the caller then removes it.</summary>
    public void Delete(Enrolment enrolment, Actor actor, DateTimeOffset at)
    {
        EnsureBelongsTo(enrolment);
        EnsureChangeable("deleted");
        Record(actor, at, "otj.deleted", Describe());
    }

    /// <summary>The apprentice adds (or changes) what they learnt at an activity someone else recorded; allowed in any status.</summary>
    public void Reflect(Enrolment enrolment, string? reflection, Actor actor, DateTimeOffset at)
    {
        EnsureBelongsTo(enrolment);
        enrolment.EnsureNotFinal("change off-the-job training");
        Reflection = Check.OptionalText(reflection, TextMaxLength, "what you learnt", Fields.Reflection);
        Touch(at);
        Record(actor, at, "otj.reflection-added", Describe());
    }

    /// <summary>An assessor of the apprentice or the provider approves a waiting entry.</summary>
    public void Approve(Enrolment enrolment, Actor actor, DateTimeOffset at)
    {
        EnsureDecidable(enrolment);
        Status = OffTheJobEntryStatus.Approved;
        DecidedByName = actor.DisplayName;
        DecidedAt = at;
        Touch(at);
        Record(actor, at, "otj.approved", Describe());
    }

    /// <summary>An assessor of the apprentice or the provider queries a waiting entry; the reason is required.</summary>
    public void Query(Enrolment enrolment, string reason, Actor actor, DateTimeOffset at)
    {
        var why = reason?.Trim() ?? string.Empty;
        if (why.Length == 0)
        {
            throw new DomainException("Enter the reason for the query, so that the apprentice knows what to change.", Fields.Reason);
        }

        why = Check.Text(why, ReasonMaxLength, "reason", Fields.Reason);
        EnsureDecidable(enrolment);
        Status = OffTheJobEntryStatus.Queried;
        QueryReason = why;
        DecidedByName = actor.DisplayName;
        DecidedAt = at;
        Touch(at);
        Record(actor, at, "otj.queried", $"{Describe()}: {why}");
    }

    private static OffTheJobEntry Create(
        Enrolment enrolment, Standard standard, OffTheJobContent content, IEnumerable<Guid> dutyIds, IEnumerable<Guid> evidenceIds,
        IReadOnlySet<Guid> enrolmentEvidenceIds, int minutesAlreadyThatDay, DateOnly today, OffTheJobEntrySource source, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var duties = dutyIds.ToList();
        var evidence = evidenceIds.ToList();
        RefusalsOf(enrolment, standard, content, duties, evidence, enrolmentEvidenceIds, minutesAlreadyThatDay, today).ThrowIfAny();
        var entry = new OffTheJobEntry(Guid.NewGuid(), enrolment)
        {
            Status = OffTheJobEntryStatus.Waiting,
            Source = source,
            RecordedByName = actor.DisplayName,
            CreatedAt = at,
        };
        entry.Apply(content, duties, evidence);
        entry.Touch(at);
        entry.Record(actor, at, "otj.logged", entry.Describe());
        return entry;
    }

    private void Apply(OffTheJobContent content, IEnumerable<Guid> dutyIds, IEnumerable<Guid> evidenceIds)
    {
        ActivityDate = content.ActivityDate;
        Minutes = content.Minutes;
        Kind = content.Kind;
        WhatWasLearnt = content.WhatWasLearnt!.Trim();
        var duties = dutyIds.Distinct().ToList();
        _duties.RemoveAll(d => !duties.Contains(d.DutyId));
        _duties.AddRange(duties.Where(id => !_duties.Exists(d => d.DutyId == id)).Select(id => new OffTheJobEntryDuty(Id, id)));
        var evidence = evidenceIds.Distinct().ToList();
        _evidence.RemoveAll(e => !evidence.Contains(e.EvidenceItemId));
        _evidence.AddRange(evidence.Where(id => !_evidence.Exists(e => e.EvidenceItemId == id)).Select(id => new OffTheJobEntryEvidence(Id, id)));
    }

    private void EnsureDecidable(Enrolment enrolment)
    {
        EnsureBelongsTo(enrolment);
        enrolment.EnsureNotFinal("approve or query off-the-job training");
        if (Status != OffTheJobEntryStatus.Waiting)
        {
            throw new DomainException(Status == OffTheJobEntryStatus.Approved
                ? "This entry is already approved."
                : "This entry is queried and waits for the apprentice to amend it.");
        }
    }

    private void EnsureChangeable(string verb)
    {
        if (!IsChangeable)
        {
            throw new DomainException($"This entry is approved and cannot be {verb}.");
        }
    }

    private void EnsureBelongsTo(Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        if (enrolment.Id != EnrolmentId)
        {
            throw new ArgumentException("The enrolment given is not the one this entry belongs to.", nameof(enrolment));
        }
    }

    private string Describe() => $"{Kind.DisplayName()}, {OffTheJobRules.DisplayDuration(Minutes)} on {Dates.Display(ActivityDate)}";

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>Links an off-the-job entry to a duty of its enrolment's standard version.</summary>
public sealed class OffTheJobEntryDuty
{
    private OffTheJobEntryDuty()
    {
    }

    internal OffTheJobEntryDuty(Guid entryId, Guid dutyId)
    {
        EntryId = entryId;
        DutyId = dutyId;
    }

    public Guid EntryId { get; private set; }

    public Guid DutyId { get; private set; }
}

/// <summary>Links an off-the-job entry to an evidence item of the same enrolment.</summary>
public sealed class OffTheJobEntryEvidence
{
    private OffTheJobEntryEvidence()
    {
    }

    internal OffTheJobEntryEvidence(Guid entryId, Guid evidenceItemId)
    {
        EntryId = entryId;
        EvidenceItemId = evidenceItemId;
    }

    public Guid EntryId { get; private set; }

    public Guid EvidenceItemId { get; private set; }
}
