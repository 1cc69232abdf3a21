namespace ApprenticeTracker.Domain.Tests.Enrolments;

public sealed class EmployerGatewayAgreementTests
{
    private readonly Standard _standard = SampleStandards.St0413();
    private Employer _employer = null!;
    private EmployerContact _zoe = null!;

    [SetUp]
    public void Arrange()
    {
        _employer = SampleOrganisations.EmployerOf(SampleOrganisations.Provider);
        _zoe = SampleOrganisations.ContactOf(_employer);
    }

    [Test]
    public void Pass_gateway_is_refused_until_the_employer_agrees_even_with_every_provider_confirmation()
    {
        var enrolment = ReadyButForTheEmployer();

        var refused = Assert.Throws<DomainException>(() => enrolment.PassGateway(Computed.ReadinessOf(enrolment, _standard, Clock.Today), Actors.ProviderAdmin, Clock.Now));

        Assert.That(refused!.Message, Is.EqualTo($"The apprentice is not ready for gateway. Outstanding: {GatewayReadiness.EmployerAgreementLabel}."));
        Assert.That(enrolment.Status, Is.EqualTo(EnrolmentStatus.Active));
    }

    [Test]
    public void Once_the_employer_agrees_beside_the_provider_gateway_is_passed()
    {
        var enrolment = ReadyButForTheEmployer();
        enrolment.AgreeGatewayReadiness(_zoe, "Ready, on behalf of the trust.", Actors.Employer, Clock.Now);

        enrolment.PassGateway(Computed.ReadinessOf(enrolment, _standard, Clock.Today), Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.Status, Is.EqualTo(EnrolmentStatus.Gateway));
    }

    [Test]
    public void The_agreement_records_who_agreed_to_which_declaration_and_when_and_is_audited()
    {
        var enrolment = ReadyButForTheEmployer();

        enrolment.AgreeGatewayReadiness(_zoe, "Ready, on behalf of the trust.", Actors.Employer, Clock.Now);

        Assert.That(enrolment.EmployerAgreement, Is.EqualTo(new EmployerGatewayAgreement("Zoë Hartley, Workplace mentor", "Ready, on behalf of the trust.", Clock.Now)));
        Assert.That(enrolment.EmployerAgreedByContactId, Is.EqualTo(_zoe.Id));
        Assert.That(enrolment.DequeueAuditEvents().Select(e => e.Action), Is.EqualTo(new[] { "gateway.employer-agreed" }));
        var check = Computed.ReadinessOf(enrolment, _standard, Clock.Today).Checks.Single(c => c.Key == GatewayReadiness.EmployerAgreementKey);
        Assert.That((check.IsMet, check.Detail), Is.EqualTo((true, $"Agreed by Zoë Hartley, Workplace mentor on {Dates.Display(Clock.Now)}")));
    }

    [Test]
    public void A_contact_of_another_employer_cannot_agree()
    {
        var enrolment = ReadyButForTheEmployer();
        var stranger = SampleOrganisations.ContactOf(SampleOrganisations.EmployerOf(SampleOrganisations.Provider, "Elsewhere Trust"), "Gareth");

        Assert.Throws<DomainException>(() => enrolment.AgreeGatewayReadiness(stranger, "Ready.", Actors.Employer, Clock.Now));
        Assert.That(enrolment.EmployerAgreement, Is.Null);
    }

    [Test]
    public void The_employer_agrees_once()
    {
        var enrolment = ReadyButForTheEmployer();
        enrolment.AgreeGatewayReadiness(_zoe, "Ready.", Actors.Employer, Clock.Now);

        var refused = Assert.Throws<DomainException>(() => enrolment.AgreeGatewayReadiness(_zoe, "Ready again.", Actors.Employer, Clock.Now.AddDays(1)));

        Assert.That(refused!.Message, Does.Contain("already agreed"));
        Assert.That(enrolment.EmployerAgreement!.Declaration, Is.EqualTo("Ready."));
    }

    [Test]
    public void The_employer_cannot_agree_during_a_break_in_learning()
    {
        var enrolment = new EnrolmentBuilder().OnStandard(_standard).WithEmployer(_employer).InStatus(EnrolmentStatus.BreakInLearning).Build();

        Assert.Throws<DomainException>(() => enrolment.AgreeGatewayReadiness(_zoe, "Ready.", Actors.Employer, Clock.Now));
    }

    [Test]
    public void Returning_from_gateway_asks_the_employer_to_agree_again()
    {
        var enrolment = new EnrolmentBuilder().OnStandard(_standard).WithEmployer(_employer).InStatus(EnrolmentStatus.Gateway).Build();

        enrolment.ReturnFromGateway("Assessment deferred", Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.EmployerAgreement, Is.Null);
        Assert.That(Computed.ReadinessOf(enrolment, _standard, Clock.Today).Checks.Single(c => c.Key == GatewayReadiness.EmployerAgreementKey).IsMet, Is.False);
    }

    [Test]
    public void A_gateway_passed_before_the_agreement_was_asked_for_keeps_the_line_met()
    {
        var progress = EnrolmentProgress.Compute([], [], []);

        var readiness = GatewayReadiness.Assess(progress, new DateOnly(2023, 9, 1), 12, [], [], new DateOnly(2026, 12, 8), status: EnrolmentStatus.Completed);

        var check = readiness.Checks.Single(c => c.Key == GatewayReadiness.EmployerAgreementKey);
        Assert.That((check.IsMet, check.Detail), Is.EqualTo((true, "Gateway was passed before the employer's agreement was recorded")));
    }

    [Test]
    public void The_declaration_names_the_apprentice_the_employer_and_the_standard()
    {
        var text = EmployerGatewayDeclaration.For("Łucja Wójcik", "Northfield Hospitals NHS Trust", _standard);

        Assert.That(text, Does.Contain("Łucja Wójcik").And.Contain("Northfield Hospitals NHS Trust").And.Contain(_standard.DisplayReference));
    }

    /// <summary>Every duty signed off and every requirement confirmed by the provider, without the employer's agreement.</summary>
    private Enrolment ReadyButForTheEmployer()
    {
        var enrolment = new EnrolmentBuilder().OnStandard(_standard).WithEmployer(_employer).Build();
        var assessor = new AssessorBuilder().Of(SampleOrganisations.Provider).Build();
        enrolment.AssignAssessor(assessor, Actors.ProviderAdmin, Clock.Now);
        var evidence = new EvidenceBuilder(enrolment, _standard).MappedTo([.. _standard.Duties]).Accepted(by: assessor).Build();
        foreach (var duty in _standard.Duties)
        {
            enrolment.SignOffDuty(_standard, duty.Id, assessor, [evidence], "I confirm competence in this duty.", Clock.Now);
        }

        foreach (var requirement in _standard.GatewayRequirements)
        {
            enrolment.ConfirmGatewayRequirement(_standard, requirement.Key, null, Actors.ProviderAdmin, Clock.Now);
        }

        enrolment.DequeueAuditEvents();
        return enrolment;
    }
}
