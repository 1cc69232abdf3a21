namespace ApprenticeTracker.Domain.Tests.Builders;

/// <summary>
/// Builds an enrolment through <see cref="Enrolment.Enrol"/> and the real status methods. Audit events of the set-up are
/// dequeued, so a test sees only the events of what it does itself.
/// </summary>
internal sealed class EnrolmentBuilder
{
    private readonly List<Assessor> _assessors = new();
    private TrainingProvider _provider = SampleOrganisations.Provider;
    private Standard? _standard;
    private Apprentice? _apprentice;
    private Employer? _employer;
    private Cohort? _cohort;
    private DateOnly _start = new(2024, 9, 2);
    private DateOnly? _plannedEnd;
    private EnrolmentStatus _status = EnrolmentStatus.Active;
    private bool _readyForGateway;

    public EnrolmentBuilder Of(TrainingProvider provider)
    {
        _provider = provider;
        return this;
    }

    public EnrolmentBuilder OnStandard(Standard standard)
    {
        _standard = standard;
        return this;
    }

    public EnrolmentBuilder For(Apprentice apprentice)
    {
        _apprentice = apprentice;
        return this;
    }

    public EnrolmentBuilder WithEmployer(Employer employer)
    {
        _employer = employer;
        return this;
    }

    public EnrolmentBuilder InCohort(Cohort cohort)
    {
        _cohort = cohort;
        return this;
    }

    public EnrolmentBuilder StartingOn(DateOnly start)
    {
        _start = start;
        return this;
    }

    public EnrolmentBuilder PlannedToEndOn(DateOnly plannedEnd)
    {
        _plannedEnd = plannedEnd;
        return this;
    }

    public EnrolmentBuilder WithAssessor(Assessor assessor)
    {
        _assessors.Add(assessor);
        return this;
    }

    /// <summary>
    /// Signs off every duty, confirms every gateway requirement and records the employer's agreement while active, so that
    /// only the status rules stand in the way of gateway.
    /// </summary>
    public EnrolmentBuilder ReadyForGateway()
    {
        _readyForGateway = true;
        return this;
    }

    /// <summary>Moves the enrolment to <paramref name="status"/> along allowed transitions; gateway and completion make it ready first.</summary>
    public EnrolmentBuilder InStatus(EnrolmentStatus status)
    {
        _status = status;
        return this;
    }

    public Enrolment Build()
    {
        var standard = _standard ??= SampleStandards.St0413();
        var apprentice = _apprentice ?? new ApprenticeBuilder().Of(_provider).Build();
        var employer = _employer ?? SampleOrganisations.EmployerOf(_provider);
        var enrolment = Enrolment.Enrol(
            apprentice, standard, employer, _cohort, _start, _plannedEnd ?? _start.AddMonths(36), Actors.ProviderAdmin, Clock.Now);
        foreach (var assessor in _assessors)
        {
            enrolment.AssignAssessor(assessor, Actors.ProviderAdmin, Clock.Now);
        }

        if (_readyForGateway || _status is EnrolmentStatus.Gateway or EnrolmentStatus.Completed)
        {
            MakeReadyForGateway(enrolment, standard, employer);
        }

        MoveTo(enrolment, standard, _status);
        enrolment.DequeueAuditEvents();
        return enrolment;
    }

    /// <summary>
    /// Moves an active enrolment to <paramref name="status"/> along allowed transitions, for a test that must set up
    /// records while it is active and then act on it in another status. Gateway and completion need it ready for gateway.
    /// </summary>
    public static void MoveTo(Enrolment enrolment, Standard standard, EnrolmentStatus status)
    {
        switch (status)
        {
            case EnrolmentStatus.BreakInLearning:
                enrolment.StartBreakInLearning("Parental leave", Actors.ProviderAdmin, Clock.Now);
                break;
            case EnrolmentStatus.Withdrawn:
                enrolment.Withdraw("Left the employer", Actors.ProviderAdmin, Clock.Now);
                break;
            case EnrolmentStatus.Gateway:
                enrolment.PassGateway(Computed.ReadinessOf(enrolment, standard, Clock.Today), Actors.ProviderAdmin, Clock.Now);
                break;
            case EnrolmentStatus.Completed:
                enrolment.PassGateway(Computed.ReadinessOf(enrolment, standard, Clock.Today), Actors.ProviderAdmin, Clock.Now);
                enrolment.Complete(Actors.ProviderAdmin, Clock.Now);
                break;
        }
    }

    private Assessor AssessorFor(Enrolment enrolment)
    {
        if (_assessors.Count > 0)
        {
            return _assessors[0];
        }

        var assessor = new AssessorBuilder().Of(_provider).Build();
        enrolment.AssignAssessor(assessor, Actors.ProviderAdmin, Clock.Now);
        _assessors.Add(assessor);
        return assessor;
    }

    private void MakeReadyForGateway(Enrolment enrolment, Standard standard, Employer employer)
    {
        var assessor = AssessorFor(enrolment);
        var evidence = new EvidenceBuilder(enrolment, standard).MappedTo([.. standard.Duties]).Accepted(by: assessor).Build();
        foreach (var duty in standard.Duties)
        {
            enrolment.SignOffDuty(standard, duty.Id, assessor, [evidence], "I confirm competence in this duty.", Clock.Now);
        }

        foreach (var requirement in standard.GatewayRequirements)
        {
            enrolment.ConfirmGatewayRequirement(standard, requirement.Key, null, Actors.ProviderAdmin, Clock.Now);
        }

        enrolment.AgreeGatewayReadiness(SampleOrganisations.ContactOf(employer), "The apprentice is ready.", Actors.Employer, Clock.Now);
    }
}
