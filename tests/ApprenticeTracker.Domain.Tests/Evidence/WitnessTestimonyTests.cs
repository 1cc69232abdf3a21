namespace ApprenticeTracker.Domain.Tests.Evidence;

public sealed class WitnessTestimonyTests
{
    private readonly Standard _standard = SampleStandards.St0413();
    private Employer _employer = null!;
    private Enrolment _enrolment = null!;
    private EmployerContact _zoe = null!;

    [SetUp]
    public void Arrange()
    {
        _employer = SampleOrganisations.EmployerOf(SampleOrganisations.Provider);
        _enrolment = new EnrolmentBuilder().OnStandard(_standard).WithEmployer(_employer).Build();
        _zoe = SampleOrganisations.ContactOf(_employer);
    }

    [Test]
    public void A_testimony_names_a_contact_of_the_apprentices_employer_with_their_job_title()
    {
        var item = Testimony().Build();

        Assert.That((item.WitnessContactId, item.WitnessName, item.WitnessResponse), Is.EqualTo(((Guid?)_zoe.Id, "Zoë Hartley, Workplace mentor", (WitnessResponse?)null)));
    }

    [Test]
    public void Naming_a_witness_on_another_type_of_evidence_is_refused()
    {
        var content = new EvidenceContent("Calibration", EvidenceType.Observation, _enrolment.StartDate.AddMonths(1), null, _zoe);

        var refused = Assert.Throws<DomainException>(() => EvidenceItem.Draft(_enrolment, _standard, content, [], [], Clock.Today, Actors.Apprentice, Clock.Now));

        Assert.That(refused!.Refusals.Select(r => r.Field), Is.EqualTo(new[] { EvidenceItem.Fields.WitnessContactId }));
    }

    [Test]
    public void Naming_a_contact_of_another_employer_is_refused()
    {
        var stranger = SampleOrganisations.ContactOf(SampleOrganisations.EmployerOf(SampleOrganisations.Provider, "Elsewhere Trust"), "Gareth");
        var content = new EvidenceContent("Calibration", EvidenceType.WitnessTestimony, _enrolment.StartDate.AddMonths(1), null, stranger);

        var refused = Assert.Throws<DomainException>(() => EvidenceItem.Draft(_enrolment, _standard, content, [], [], Clock.Today, Actors.Apprentice, Clock.Now));

        Assert.That(refused!.Message, Does.Contain("your employer's contacts"));
    }

    [Test]
    public void The_witness_confirms_a_submitted_testimony_and_it_is_audited()
    {
        var item = Testimony().Submitted().Build();

        item.ConfirmWitnessTestimony(_enrolment, _zoe, Actors.Employer, Clock.Now);

        Assert.That((item.WitnessResponse, item.WitnessRespondedAt, item.AwaitsWitness), Is.EqualTo(((WitnessResponse?)WitnessResponse.Confirmed, (DateTimeOffset?)Clock.Now, false)));
        Assert.That(item.DequeueAuditEvents().Select(e => e.Action), Is.EqualTo(new[] { "evidence.witness-confirmed" }));
    }

    [Test]
    public void The_witness_declines_with_a_reason_which_is_recorded()
    {
        var item = Testimony().Submitted().Build();

        item.DeclineWitnessTestimony(_enrolment, _zoe, "  I was not on the ward that day. ", Actors.Employer, Clock.Now);

        Assert.That((item.WitnessResponse, item.WitnessDeclineReason), Is.EqualTo(((WitnessResponse?)WitnessResponse.Declined, "I was not on the ward that day.")));
        Assert.That(item.DequeueAuditEvents().Single().Details, Does.Contain("I was not on the ward that day."));
    }

    [Test]
    public void Declining_without_a_reason_is_refused_and_changes_nothing()
    {
        var item = Testimony().Submitted().Build();
        var stamp = item.ConcurrencyStamp;

        var refused = Assert.Throws<DomainException>(() => item.DeclineWitnessTestimony(_enrolment, _zoe, "  ", Actors.Employer, Clock.Now));

        Assert.That(refused!.Refusals.Single().Field, Is.EqualTo(EvidenceItem.Fields.WitnessReason));
        Assert.That((item.WitnessResponse, item.ConcurrencyStamp), Is.EqualTo(((WitnessResponse?)null, stamp)));
    }

    [Test]
    public void Someone_other_than_the_named_witness_cannot_answer()
    {
        var item = Testimony().Submitted().Build();
        var colleague = SampleOrganisations.ContactOf(_employer, "Amara");

        Assert.Throws<DomainException>(() => item.ConfirmWitnessTestimony(_enrolment, colleague, Actors.Employer, Clock.Now));
        Assert.That(item.WitnessResponse, Is.Null);
    }

    [Test]
    public void A_draft_cannot_be_answered()
    {
        var item = Testimony().Build();

        Assert.Throws<DomainException>(() => item.ConfirmWitnessTestimony(_enrolment, _zoe, Actors.Employer, Clock.Now));
    }

    [Test]
    public void A_testimony_is_answered_once()
    {
        var item = Testimony().Submitted().Build();
        item.ConfirmWitnessTestimony(_enrolment, _zoe, Actors.Employer, Clock.Now);

        var refused = Assert.Throws<DomainException>(() => item.DeclineWitnessTestimony(_enrolment, _zoe, "Changed my mind", Actors.Employer, Clock.Now));

        Assert.That(refused!.Message, Does.StartWith("You already confirmed this testimony"));
        Assert.That(item.WitnessResponse, Is.EqualTo(WitnessResponse.Confirmed));
    }

    [Test]
    public void Editing_a_testimony_referred_back_asks_the_witness_again()
    {
        var assessor = new AssessorBuilder().Of(SampleOrganisations.Provider).Build();
        _enrolment.AssignAssessor(assessor, Actors.ProviderAdmin, Clock.Now);
        var item = Testimony().Submitted().Build();
        item.ConfirmWitnessTestimony(_enrolment, _zoe, Actors.Employer, Clock.Now);
        item.ReferBack(_enrolment, assessor, "Say what you did yourself.", Clock.Now);

        item.Edit(_enrolment, _standard, new EvidenceContent("Calibration, my part", EvidenceType.WitnessTestimony, _enrolment.StartDate.AddMonths(1), null, _zoe),
            [_standard.Duties[0].Id], [], Clock.Today, Actors.Apprentice, Clock.Now);

        Assert.That((item.WitnessContactId, item.WitnessResponse), Is.EqualTo(((Guid?)_zoe.Id, (WitnessResponse?)null)));
    }

    [Test]
    public void A_revision_names_the_same_witness_who_answers_it_afresh()
    {
        var assessor = new AssessorBuilder().Of(SampleOrganisations.Provider).Build();
        _enrolment.AssignAssessor(assessor, Actors.ProviderAdmin, Clock.Now);
        var item = Testimony().Accepted(assessor).Build();
        item.ConfirmWitnessTestimony(_enrolment, _zoe, Actors.Employer, Clock.Now);

        var revision = item.Revise(_enrolment, Actors.Apprentice, Clock.Now);

        Assert.That((revision.WitnessContactId, revision.WitnessResponse), Is.EqualTo(((Guid?)_zoe.Id, (WitnessResponse?)null)));
        Assert.That(item.WitnessResponse, Is.EqualTo(WitnessResponse.Confirmed));
    }

    [Test]
    public void Nothing_is_answered_once_the_apprenticeship_is_withdrawn()
    {
        var item = Testimony().Submitted().Build();
        _enrolment.Withdraw("Left the employer", Actors.ProviderAdmin, Clock.Now);

        Assert.Throws<DomainException>(() => item.ConfirmWitnessTestimony(_enrolment, _zoe, Actors.Employer, Clock.Now));
    }

    private EvidenceBuilder Testimony() =>
        new EvidenceBuilder(_enrolment, _standard).MappedTo(_standard.Duties[0]).WitnessedBy(_zoe);
}
