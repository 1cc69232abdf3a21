namespace ApprenticeTracker.Domain.Tests.Builders;

/// <summary>
/// Builds an evidence item through <see cref="EvidenceItem.Draft"/> and the real lifecycle methods. Audit events of the
/// set-up are dequeued, so a test sees only the events of what it does itself.
/// </summary>
internal sealed class EvidenceBuilder(Enrolment enrolment, Standard standard)
{
    private readonly List<Guid> _dutyIds = new();
    private readonly List<Guid> _ksbIds = new();
    private readonly List<Attachment> _attachments = new();
    private string _title = "Observation of a calibration check";
    private EvidenceType _type = EvidenceType.Observation;
    private DateOnly? _activityDate;
    private EvidenceStatus _status = EvidenceStatus.Draft;
    private Assessor? _reviewer;
    private EmployerContact? _witness;

    /// <summary>Makes the item a witness testimony naming <paramref name="witness"/>.</summary>
    public EvidenceBuilder WitnessedBy(EmployerContact witness)
    {
        _type = EvidenceType.WitnessTestimony;
        _witness = witness;
        return this;
    }

    public EvidenceBuilder Titled(string title)
    {
        _title = title;
        return this;
    }

    public EvidenceBuilder OfType(EvidenceType type)
    {
        _type = type;
        return this;
    }

    public EvidenceBuilder DoneOn(DateOnly activityDate)
    {
        _activityDate = activityDate;
        return this;
    }

    public EvidenceBuilder MappedTo(params Duty[] duties)
    {
        _dutyIds.AddRange(duties.Select(d => d.Id));
        return this;
    }

    public EvidenceBuilder SupportingKsbs(params Ksb[] ksbs)
    {
        _ksbIds.AddRange(ksbs.Select(k => k.Id));
        return this;
    }

    public EvidenceBuilder WithAttachment(Attachment attachment)
    {
        _attachments.Add(attachment);
        return this;
    }

    public EvidenceBuilder Submitted()
    {
        _status = EvidenceStatus.Submitted;
        return this;
    }

    public EvidenceBuilder Accepted(Assessor by)
    {
        _status = EvidenceStatus.Accepted;
        _reviewer = by;
        return this;
    }

    public EvidenceBuilder ReferredBack(Assessor by)
    {
        _status = EvidenceStatus.ReferredBack;
        _reviewer = by;
        return this;
    }

    /// <summary>Brings the item to <paramref name="status"/>; <paramref name="reviewer"/> reviews it when the status needs a review.</summary>
    public EvidenceBuilder InStatus(EvidenceStatus status, Assessor reviewer)
    {
        _status = status;
        _reviewer = reviewer;
        return this;
    }

    public EvidenceItem Build()
    {
        var content = new EvidenceContent(_title, _type, _activityDate ?? enrolment.StartDate.AddMonths(1), "What I did, and what I learnt from it.", _witness);
        var item = EvidenceItem.Draft(enrolment, standard, content, _dutyIds, _ksbIds, Clock.Today, Actors.Apprentice, Clock.Now);
        foreach (var attachment in _attachments)
        {
            item.Attach(enrolment, attachment, 10, Actors.Apprentice, Clock.Now);
        }

        if (_status != EvidenceStatus.Draft)
        {
            item.Submit(enrolment, Actors.Apprentice, Clock.Now);
        }

        if (_status == EvidenceStatus.Accepted)
        {
            item.Accept(enrolment, Reviewer(), "Valid, authentic, current and sufficient.", Clock.Now);
        }
        else if (_status == EvidenceStatus.ReferredBack)
        {
            item.ReferBack(enrolment, Reviewer(), "Say what you did yourself.", Clock.Now);
        }

        item.DequeueAuditEvents();
        return item;
    }

    private Assessor Reviewer() =>
        _reviewer ?? throw new InvalidOperationException("Say which assessor reviews the evidence.");
}
