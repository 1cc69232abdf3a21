using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Domain.Standards;

namespace ApprenticeTracker.Domain.Enrolments;

/// <summary>
/// An apprentice on one version of a standard, with an employer and a training provider: the record that evidence,
/// assessors, duty sign-offs and gateway confirmations hang from. Its status changes only along allowed transitions.
/// </summary>
public sealed class Enrolment : AggregateRoot
{
    public const int ReasonMaxLength = 1000;

    /// <summary>Contracted hours a week assumed until the provider records the apprentice's own: full time.</summary>
    public const decimal DefaultContractedHoursPerWeek = 30m;

    public const decimal MaxContractedHoursPerWeek = 48m;

    /// <summary>The names by which a <see cref="Refusal"/> of an enrolment names the input it concerns.</summary>
    public static class Fields
    {
        public const string EmployerId = nameof(Enrolment.EmployerId);
        public const string CohortId = nameof(Enrolment.CohortId);
        public const string PlannedEndDate = nameof(Enrolment.PlannedEndDate);
        public const string AssessorId = "AssessorId";
        public const string Status = nameof(Enrolment.Status);
        public const string DutyId = "DutyId";
        public const string EvidenceIds = "EvidenceIds";
        public const string Reason = "Reason";
        public const string Declaration = "Declaration";
        public const string Note = "Note";
        public const string GatewayRequirement = "Key";
        public const string ContractedHoursPerWeek = nameof(Enrolment.ContractedHoursPerWeek);
        public const string PriorLearningMinutes = nameof(Enrolment.PriorLearningMinutes);
        public const string PriorLearningReason = nameof(Enrolment.PriorLearningReason);
        public const string Uln = nameof(Enrolment.Uln);
    }

    private static readonly Dictionary<EnrolmentStatus, EnrolmentStatus[]> Transitions = new()
    {
        [EnrolmentStatus.Active] = [EnrolmentStatus.BreakInLearning, EnrolmentStatus.Withdrawn, EnrolmentStatus.Gateway],
        [EnrolmentStatus.BreakInLearning] = [EnrolmentStatus.Active, EnrolmentStatus.Withdrawn],
        [EnrolmentStatus.Gateway] = [EnrolmentStatus.Completed, EnrolmentStatus.Active, EnrolmentStatus.Withdrawn],
        [EnrolmentStatus.Withdrawn] = [],
        [EnrolmentStatus.Completed] = [],
    };

    private readonly List<AssessorAssignment> _assignments = new();
    private readonly List<DutySignOff> _signOffs = new();
    private readonly List<GatewayConfirmation> _gatewayConfirmations = new();

    private Enrolment()
    {
    }

    private Enrolment(Guid id)
        : base(id)
    {
    }

    public Guid ApprenticeId { get; private set; }

    public Guid StandardId { get; private set; }

    public Guid TrainingProviderId { get; private set; }

    public Guid EmployerId { get; private set; }

    public Guid? CohortId { get; private set; }

    /// <summary>The first day of the apprenticeship.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>The planned last day of learning before gateway (inclusive).</summary>
    public DateOnly PlannedEndDate { get; private set; }

    /// <summary>The minimum duration that applied when the apprentice started, in months.</summary>
    public int MinimumDurationMonths { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    /// <summary>The apprentice's contracted hours a week, for pro-rating the planned off-the-job hours.</summary>
    public decimal ContractedHoursPerWeek { get; private set; } = DefaultContractedHoursPerWeek;

    /// <summary>How much recognised prior learning reduces the planned off-the-job hours, in minutes.</summary>
    public int PriorLearningMinutes { get; private set; }

    /// <summary>Why the planned hours were reduced; required whenever <see cref="PriorLearningMinutes"/> is above zero.</summary>
    public string? PriorLearningReason { get; private set; }

    /// <summary>
    /// The apprentice's unique learner number (<see cref="Enrolments.Uln"/>), unique within the training provider;
    /// null until the provider records it.
    /// </summary>
    public string? Uln { get; private set; }

    /// <summary>The day (UK time) the apprentice passed gateway; null while they have not, or after returning from it.</summary>
    public DateOnly? GatewayPassedOn { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>Changes on every change of state (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>When an employer contact agreed that the apprentice is ready for gateway; null while none has.</summary>
    public DateTimeOffset? EmployerAgreedAt { get; private set; }

    /// <summary>The <see cref="EmployerContact"/> who agreed; null while none has.</summary>
    public Guid? EmployerAgreedByContactId { get; private set; }

    /// <summary>Their name and job title when they agreed ("Zoë Hartley, Workplace mentor").</summary>
    public string? EmployerAgreedByName { get; private set; }

    /// <summary>The declaration they agreed to, word for word (<see cref="EmployerGatewayDeclaration"/>).</summary>
    public string? EmployerAgreementDeclaration { get; private set; }

    /// <summary>The employer's agreement to gateway, or null while there is none.</summary>
    public EmployerGatewayAgreement? EmployerAgreement =>
        EmployerAgreedAt is { } at ? new EmployerGatewayAgreement(EmployerAgreedByName ?? string.Empty, EmployerAgreementDeclaration ?? string.Empty, at) : null;

    /// <summary>Every assessor assignment, current and ended.</summary>
    public IReadOnlyCollection<AssessorAssignment> Assignments => _assignments;

    /// <summary>Every sign-off, active and revoked.</summary>
    public IReadOnlyCollection<DutySignOff> SignOffs => _signOffs;

    public IReadOnlyCollection<GatewayConfirmation> GatewayConfirmations => _gatewayConfirmations;

    public IEnumerable<Guid> CurrentAssessorIds => _assignments.Where(a => a.IsCurrent).Select(a => a.AssessorId);

    /// <summary>The earliest date at which the minimum duration is met.</summary>
    public DateOnly MinimumDurationMetOn => StartDate.AddMonths(MinimumDurationMonths);

    protected override Guid? AuditEnrolmentId => Id;

    protected override Guid? AuditTrainingProviderId => TrainingProviderId;

    /// <summary>Enrols an apprentice on a standard version with an employer of the same provider.</summary>
    public static Enrolment Enrol(
        Apprentice apprentice, Standard standard, Employer employer, Cohort? cohort, DateOnly startDate, DateOnly plannedEndDate,
        Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(apprentice);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(employer);
        var refusals = new Refusals();
        if (employer.TrainingProviderId != apprentice.TrainingProviderId)
        {
            refusals.Add(Fields.EmployerId, "Choose an employer of the apprentice's training provider.");
        }

        if (cohort is not null && cohort.TrainingProviderId != apprentice.TrainingProviderId)
        {
            refusals.Add(Fields.CohortId, "Choose a cohort of the apprentice's training provider.");
        }

        var minimum = FundingRules.MinimumDurationMonths(startDate);
        if (plannedEndDate < startDate.AddMonths(minimum))
        {
            refusals.Add(Fields.PlannedEndDate, $"The planned end date must be at least {minimum} months after the start date (the minimum duration).");
        }

        refusals.ThrowIfAny();

        var enrolment = new Enrolment(Guid.NewGuid())
        {
            ApprenticeId = apprentice.Id,
            StandardId = standard.Id,
            TrainingProviderId = apprentice.TrainingProviderId,
            EmployerId = employer.Id,
            CohortId = cohort?.Id,
            StartDate = startDate,
            PlannedEndDate = plannedEndDate,
            MinimumDurationMonths = minimum,
            Status = EnrolmentStatus.Active,
            StatusChangedAt = at,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        enrolment.Record(actor, at, "enrolment.created", $"{apprentice.FullName} on {standard.DisplayReference} from {Dates.Display(startDate)}");
        return enrolment;
    }

    public bool IsAssignedTo(Guid assessorId) => _assignments.Exists(a => a.IsCurrent && a.AssessorId == assessorId);

    /// <summary>Assigns an assessor of the same provider.</summary>
    public void AssignAssessor(Assessor assessor, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        EnsureAllowsAssessorChanges("assign an assessor");
        if (assessor.TrainingProviderId != TrainingProviderId)
        {
            throw new DomainException("Choose an assessor of the apprentice's training provider.", Fields.AssessorId);
        }

        if (IsAssignedTo(assessor.Id))
        {
            throw new DomainException($"{assessor.FullName} is already assigned to this apprentice.", Fields.AssessorId);
        }

        _assignments.Add(new AssessorAssignment(Id, assessor.Id, at));
        Touch();
        Record(actor, at, "enrolment.assessor-assigned", assessor.FullName);
    }

    /// <summary>Ends an assessor's assignment; their past reviews and sign-offs stay.</summary>
    public void UnassignAssessor(Assessor assessor, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(assessor);
        EnsureAllowsAssessorChanges("unassign an assessor");
        var assignment = _assignments.Find(a => a.IsCurrent && a.AssessorId == assessor.Id)
            ?? throw new DomainException($"{assessor.FullName} is not assigned to this apprentice.", Fields.AssessorId);
        assignment.End(at);
        Touch();
        Record(actor, at, "enrolment.assessor-unassigned", assessor.FullName);
    }

    /// <summary>The statuses this enrolment may move to now.</summary>
    public IReadOnlyList<EnrolmentStatus> AllowedNextStatuses() => Transitions[Status];

    /// <summary>Starts a break in learning.</summary>
    public void StartBreakInLearning(string reason, Actor actor, DateTimeOffset at) =>
        MoveTo(EnrolmentStatus.BreakInLearning, "start a break in learning", RequireReason(reason), actor, at);

    /// <summary>Returns from a break in learning.</summary>
    public void ResumeLearning(Actor actor, DateTimeOffset at)
    {
        // Gateway → Active is also an allowed transition, but only through ReturnFromGateway, which requires a reason.
        if (Status != EnrolmentStatus.BreakInLearning)
        {
            throw new DomainException($"Only an apprenticeship on a break in learning can resume learning; this one is {Status.StatePhrase()}.", Fields.Status);
        }

        MoveTo(EnrolmentStatus.Active, "resume learning", null, actor, at);
    }

    /// <summary>Records that the apprentice left the programme. Final.</summary>
    public void Withdraw(string reason, Actor actor, DateTimeOffset at) =>
        MoveTo(EnrolmentStatus.Withdrawn, "be withdrawn", RequireReason(reason), actor, at);

    /// <summary>Passes gateway; every item of the readiness checklist must be met.</summary>
    public void PassGateway(GatewayReadiness readiness, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        if (!readiness.IsReady)
        {
            var missing = string.Join("; ", readiness.Checks.Where(c => !c.IsMet).Select(c => c.Label));
            throw new DomainException($"The apprentice is not ready for gateway. Outstanding: {missing}.");
        }

        MoveTo(EnrolmentStatus.Gateway, "pass gateway", null, actor, at);
        GatewayPassedOn = ServiceClock.DateOf(at);
    }

    /// <summary>Returns from gateway to learning, for example when assessment is deferred.</summary>
    public void ReturnFromGateway(string reason, Actor actor, DateTimeOffset at)
    {
        if (Status != EnrolmentStatus.Gateway)
        {
            throw new DomainException($"Only an apprentice at gateway can return to learning from it; this one is {Status.StatePhrase()}.");
        }

        MoveTo(EnrolmentStatus.Active, "return to learning from gateway", RequireReason(reason), actor, at);
        GatewayPassedOn = null;

        // The employer agreed to the gateway just left; the next one needs their agreement again.
        EmployerAgreedAt = null;
        EmployerAgreedByContactId = null;
        EmployerAgreedByName = null;
        EmployerAgreementDeclaration = null;
    }

    /// <summary>
    /// A contact of the apprentice's employer (with this enrolment's provider) agrees that the apprentice is ready for
    /// gateway, to the declaration given: one of the two confirmations <see cref="PassGateway"/> needs, beside the
    /// provider's. Only while the apprentice is in learning, and once.
    /// </summary>
    /// <param name="declaration">The text the contact read and agreed to, as <see cref="EmployerGatewayDeclaration.For"/> wrote it.</param>
    public void AgreeGatewayReadiness(EmployerContact contact, string declaration, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentException.ThrowIfNullOrWhiteSpace(declaration);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(declaration.Length, EmployerGatewayDeclaration.MaxLength, nameof(declaration));
        if (contact.EmployerId != EmployerId || contact.TrainingProviderId != TrainingProviderId)
        {
            throw new DomainException("Only a contact of the apprentice's employer can agree that they are ready for gateway.");
        }

        if (Status != EnrolmentStatus.Active)
        {
            throw new DomainException($"The employer agrees to gateway while the apprentice is in learning; this apprenticeship is {Status.StatePhrase()}.");
        }

        if (EmployerAgreedAt is { } agreed)
        {
            throw new DomainException($"{EmployerAgreedByName} already agreed on {Dates.Display(agreed)} that the apprentice is ready for gateway.");
        }

        EmployerAgreedAt = at;
        EmployerAgreedByContactId = contact.Id;
        EmployerAgreedByName = contact.NameAndJobTitle;
        EmployerAgreementDeclaration = declaration;
        Touch();
        Record(actor, at, "gateway.employer-agreed", $"{EmployerAgreedByName} agreed that the apprentice is ready for gateway");
    }

    /// <summary>The provider records the apprentice's contracted hours a week (more than 0, at most 48).</summary>
    public void SetContractedHours(decimal hoursPerWeek, Actor actor, DateTimeOffset at)
    {
        EnsureNotFinal("change the contracted hours");
        if (hoursPerWeek <= 0 || hoursPerWeek > MaxContractedHoursPerWeek)
        {
            throw new DomainException($"Enter contracted hours of more than 0 and at most {MaxContractedHoursPerWeek:0} a week.", Fields.ContractedHoursPerWeek);
        }

        ContractedHoursPerWeek = hoursPerWeek;
        Touch();
        Record(actor, at, "enrolment.contracted-hours-set", $"{hoursPerWeek:0.##} hours a week");
    }

    /// <summary>
    /// The provider records how much recognised prior learning reduces the planned off-the-job hours, with the reason;
    /// zero hours removes the reduction.
    /// </summary>
    public void RecordPriorLearning(int reductionHours, string? reason, Actor actor, DateTimeOffset at)
    {
        EnsureNotFinal("record prior learning");
        if (reductionHours < 0)
        {
            throw new DomainException("Enter a reduction of zero hours or more.", Fields.PriorLearningMinutes);
        }

        var why = reductionHours == 0 ? null : Check.Text(reason, ReasonMaxLength, "reason for the reduction", Fields.PriorLearningReason);
        PriorLearningMinutes = reductionHours * 60;
        PriorLearningReason = why;
        Touch();
        Record(actor, at, "enrolment.prior-learning-recorded", why is null ? "No reduction" : $"{reductionHours} hours less: {why}");
    }

    /// <summary>
    /// The provider records the apprentice's unique learner number, or removes it (null). Whether another enrolment of
    /// the provider has it is the caller's to check before saving; the database refuses a duplicate as well. Allowed in
    /// every status: the number names the learner, and a closed record may still need it for an audit.
    /// </summary>
    public void RecordUln(Uln? uln, Actor actor, DateTimeOffset at)
    {
        if (uln?.Value == Uln)
        {
            return;
        }

        Uln = uln?.Value;
        Touch();
        Record(actor, at, "enrolment.uln-recorded", uln is null ? "ULN removed" : $"ULN {uln.Value}");
    }

    /// <summary>Records completion of the apprenticeship after gateway. Final.</summary>
    public void Complete(Actor actor, DateTimeOffset at) => MoveTo(EnrolmentStatus.Completed, "be completed", null, actor, at);

    /// <summary>
    /// Refuses the apprentice's change to evidence unless the apprentice is in learning (see
    /// <see cref="EnrolmentStatusRules.AcceptsEvidence"/>): drafting, editing, attaching and removing files, submitting,
    /// resubmitting and starting a revision all need an active apprenticeship.
    /// </summary>
    /// <param name="action">What the apprentice is doing, as it completes "Evidence can be … only while the apprenticeship is active": <c>logged</c>, <c>changed</c>, <c>submitted</c>, <c>revised</c>.</param>
    public void EnsureAcceptsEvidence(string action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        if (!Status.AcceptsEvidence())
        {
            throw new DomainException($"Evidence can be {action} only while the apprenticeship is active; it is {Status.StatePhrase()}.");
        }
    }

    /// <summary>The sign-off in force for a duty, if any.</summary>
    public DutySignOff? ActiveSignOffFor(Guid dutyId) => _signOffs.Find(s => s.IsActive && s.DutyId == dutyId);

    /// <summary>
    /// An assigned assessor signs off a duty as competent, resting the decision on accepted evidence of this
    /// enrolment mapped to that duty.
    /// </summary>
    public DutySignOff SignOffDuty(
        Standard standard, Guid dutyId, Assessor assessor, IReadOnlyCollection<EvidenceItem> evidence, string declaration, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(assessor);
        ArgumentNullException.ThrowIfNull(evidence);
        if (standard.Id != StandardId)
        {
            throw new ArgumentException("The standard given is not the enrolment's standard version.", nameof(standard));
        }

        var duty = standard.FindDuty(dutyId)
            ?? throw new DomainException($"That duty is not part of {standard.DisplayReference}.", Fields.DutyId);

        // Stricter than the other assessor decisions, which stay open during a break and at gateway: competence is
        // signed off only while the apprentice is in learning, and so never on a closed record either.
        if (!Status.AllowsSignOff())
        {
            throw new DomainException($"Duties are signed off only while the apprenticeship is active; it is {Status.StatePhrase()}.");
        }

        if (!IsAssignedTo(assessor.Id))
        {
            throw new DomainException("Only an assessor assigned to this apprentice can sign off their duties.");
        }

        if (ActiveSignOffFor(dutyId) is not null)
        {
            throw new DomainException($"{duty.Code} is already signed off. Revoke that sign-off first if it must be signed again.", Fields.DutyId);
        }

        if (evidence.Count == 0)
        {
            throw new DomainException($"Choose the accepted evidence the sign-off of {duty.Code} rests on.", Fields.EvidenceIds);
        }

        foreach (var item in evidence)
        {
            if (item.EnrolmentId != Id)
            {
                throw new DomainException("A sign-off can rest only on this apprentice's own evidence.", Fields.EvidenceIds);
            }

            if (item.Status != EvidenceStatus.Accepted)
            {
                throw new DomainException($"'{item.Title}' is {item.Status.StatePhrase()}; a sign-off rests only on accepted evidence.", Fields.EvidenceIds);
            }

            if (!item.Supports(dutyId))
            {
                throw new DomainException($"'{item.Title}' is not mapped to {duty.Code}.", Fields.EvidenceIds);
            }
        }

        var text = Check.Text(declaration, DutySignOff.DeclarationMaxLength, "declaration", Fields.Declaration);
        var signOff = new DutySignOff(Id, dutyId, assessor.Id, assessor.FullName, text, evidence.Select(e => e.Id).Distinct(), at);
        _signOffs.Add(signOff);
        Touch();
        RecordFor(assessor.AsActor(), at, "duty.signed-off", nameof(DutySignOff), signOff.Id, $"{duty.Code} on {evidence.Count} evidence item(s)");
        return signOff;
    }

    /// <summary>
    /// Revokes a sign-off with a reason. The sign-off and the revocation both stay on record. Allowed during a break in
    /// learning and at gateway, where a wrong sign-off must still be correctable; refused once the record is closed.
    /// </summary>
    public void RevokeSignOff(Guid signOffId, string reason, Actor actor, DateTimeOffset at)
    {
        EnsureNotFinal("revoke a sign-off");
        var signOff = _signOffs.Find(s => s.Id == signOffId)
            ?? throw new DomainException("That sign-off does not belong to this apprentice.");
        if (!signOff.IsActive)
        {
            throw new DomainException("That sign-off has already been revoked.");
        }

        var why = Check.Text(reason, DutySignOff.ReasonMaxLength, "reason for revoking", Fields.Reason);
        signOff.Revoke(actor, why, at);
        Touch();
        RecordFor(actor, at, "duty.sign-off-revoked", nameof(DutySignOff), signOff.Id, why);
    }

    /// <summary>
    /// The provider confirms one gateway requirement of the enrolment's standard version; refused once the record is
    /// closed (withdrawn or completed).
    /// </summary>
    public void ConfirmGatewayRequirement(Standard standard, string key, string? note, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(standard);
        if (standard.Id != StandardId)
        {
            throw new ArgumentException("The standard given is not the enrolment's standard version.", nameof(standard));
        }

        EnsureNotFinal("confirm a gateway requirement");

        var requirement = standard.GatewayRequirements.FirstOrDefault(r => r.Key == key)
            ?? throw new DomainException($"'{key}' is not a gateway requirement of {standard.DisplayReference}.", Fields.GatewayRequirement);
        if (_gatewayConfirmations.Exists(c => c.RequirementKey == key))
        {
            throw new DomainException($"'{requirement.Label}' is already confirmed.", Fields.GatewayRequirement);
        }

        var text = Check.OptionalText(note, GatewayConfirmation.NoteMaxLength, "note", Fields.Note);
        _gatewayConfirmations.Add(new GatewayConfirmation(Id, key, actor, text, at));
        Touch();
        Record(actor, at, "gateway.item-confirmed", requirement.Label);
    }

    private static string RequireReason(string reason) =>
        Check.Text(reason, ReasonMaxLength, "reason", Fields.Reason);

    /// <param name="what">The change, as it completes "An apprenticeship that is … cannot …": <c>start a break in learning</c>, <c>be withdrawn</c>.</param>
    private void MoveTo(EnrolmentStatus next, string what, string? reason, Actor actor, DateTimeOffset at)
    {
        if (!Transitions[Status].Contains(next))
        {
            throw new DomainException($"An apprenticeship that is {Status.StatePhrase()} cannot {what}.", Fields.Status);
        }

        var from = Status;
        Status = next;
        StatusChangedAt = at;
        Touch();
        Record(actor, at, "enrolment.status-changed", reason is null
            ? $"{from.DisplayName()} → {next.DisplayName()}"
            : $"{from.DisplayName()} → {next.DisplayName()}: {reason}");
    }

    /// <summary>Refuses <paramref name="what"/> on a withdrawn or completed enrolment, whose record is closed.</summary>
    /// <param name="what">What was tried, as it completes "You cannot …": <c>review evidence</c>, <c>revoke a sign-off</c>.</param>
    internal void EnsureNotFinal(string what)
    {
        if (Status.IsFinal())
        {
            throw new DomainException($"You cannot {what}: the apprenticeship is {Status.StatePhrase()}, and its record is closed.");
        }
    }

    /// <summary>Refuses <paramref name="what"/> unless <see cref="EnrolmentStatusRules.AllowsAssessorChanges"/>.</summary>
    /// <param name="what">What was tried, as it completes "You cannot …": <c>assign an assessor</c>.</param>
    private void EnsureAllowsAssessorChanges(string what)
    {
        if (!Status.AllowsAssessorChanges())
        {
            throw new DomainException($"You cannot {what}: the apprenticeship is {Status.StatePhrase()}, and its record is closed.");
        }
    }

    private void Touch() => ConcurrencyStamp = Guid.NewGuid();
}
