namespace ApprenticeTracker.Domain.Tests.Enrolments;

/// <summary>Signing off a duty on accepted evidence, and revoking a sign-off.</summary>
public class DutySignOffTests
{
    private const string Declaration = "I confirm competence in this duty.";

    private Standard _standard = null!;
    private Assessor _assessor = null!;
    private Enrolment _enrolment = null!;
    private Duty _d1 = null!;

    [SetUp]
    public void SetUp()
    {
        _standard = SampleStandards.St0413();
        _assessor = new AssessorBuilder().Named("Grace", "Adeyemi").Build();
        _enrolment = new EnrolmentBuilder().OnStandard(_standard).WithAssessor(_assessor).Build();
        _d1 = _standard.Duties[0];
    }

    [Test]
    public void An_assigned_assessor_signs_off_a_duty_on_accepted_evidence_mapped_to_it()
    {
        var evidence = AcceptedEvidenceFor(_d1);

        var signOff = _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Later(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(signOff.DutyId, Is.EqualTo(_d1.Id));
            Assert.That(signOff.EnrolmentId, Is.EqualTo(_enrolment.Id));
            Assert.That(signOff.AssessorId, Is.EqualTo(_assessor.Id));
            Assert.That(signOff.AssessorName, Is.EqualTo("Grace Adeyemi"));
            Assert.That(signOff.Declaration, Is.EqualTo(Declaration));
            Assert.That(signOff.SignedAt, Is.EqualTo(Clock.Later(30)));
            Assert.That(signOff.Evidence.Select(e => e.EvidenceItemId), Is.EqualTo(new[] { evidence.Id }));
            Assert.That(signOff.IsActive, Is.True);
            Assert.That(_enrolment.ActiveSignOffFor(_d1.Id), Is.SameAs(signOff));
        }
    }

    [Test]
    public void A_sign_off_can_rest_on_several_items_and_lists_each_once()
    {
        var first = AcceptedEvidenceFor(_d1);
        var second = AcceptedEvidenceFor(_d1, _standard.Duties[1]);

        var signOff = _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [first, second, first], Declaration, Clock.Now);

        Assert.That(signOff.Evidence.Select(e => e.EvidenceItemId), Is.EquivalentTo(new[] { first.Id, second.Id }));
    }

    [Test]
    public void Signing_off_records_an_audit_event_by_the_assessor()
    {
        var evidence = AcceptedEvidenceFor(_d1);

        var signOff = _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Later(30));

        var recorded = _enrolment.DequeueAuditEvents().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded.Action, Is.EqualTo("duty.signed-off"));
            Assert.That(recorded.EntityType, Is.EqualTo(nameof(DutySignOff)));
            Assert.That(recorded.EntityId, Is.EqualTo(signOff.Id));
            Assert.That(recorded.EnrolmentId, Is.EqualTo(_enrolment.Id));
            Assert.That(recorded.ActorUserId, Is.EqualTo(_assessor.UserId));
            Assert.That(recorded.ActorName, Is.EqualTo("Grace Adeyemi"));
            Assert.That(recorded.OccurredAt, Is.EqualTo(Clock.Later(30)));
            Assert.That(recorded.Details, Does.StartWith("D1 on 1 evidence item"));
        }
    }

    [Test]
    public void Signing_off_changes_the_enrolments_concurrency_stamp()
    {
        var evidence = AcceptedEvidenceFor(_d1);
        var before = _enrolment.ConcurrencyStamp;

        _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Now);

        Assert.That(_enrolment.ConcurrencyStamp, Is.Not.EqualTo(before));
    }

    [Test]
    public void Signing_off_by_an_assessor_who_is_not_assigned_is_refused()
    {
        var evidence = AcceptedEvidenceFor(_d1);
        var other = new AssessorBuilder().Build();

        var refusal = Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, _d1.Id, other, [evidence], Declaration, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("Only an assessor assigned to this apprentice can sign off their duties."));
        Assert.That(_enrolment.SignOffs, Is.Empty);
    }

    [Test]
    public void Signing_off_by_an_assessor_whose_assignment_has_ended_is_refused()
    {
        var evidence = AcceptedEvidenceFor(_d1);
        _enrolment.UnassignAssessor(_assessor, Actors.ProviderAdmin, Clock.Now);

        Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Now));

        Assert.That(_enrolment.SignOffs, Is.Empty);
    }

    [Test]
    public void Signing_off_a_duty_of_another_standard_is_refused()
    {
        var evidence = AcceptedEvidenceFor(_d1);
        var otherDuty = SampleStandards.St0413("1.0").Duties[0];

        var refusal = Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, otherDuty.Id, _assessor, [evidence], Declaration, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("DutyId").And.Message.EqualTo("That duty is not part of ST0413 v1.1."));
    }

    [Test]
    public void Signing_off_against_a_standard_other_than_the_enrolments_is_refused()
    {
        var other = SampleStandards.St0413("1.0");
        var evidence = AcceptedEvidenceFor(_d1);

        Assert.Throws<ArgumentException>(() => _enrolment.SignOffDuty(other, other.Duties[0].Id, _assessor, [evidence], Declaration, Clock.Now));
    }

    [Test]
    public void Signing_off_without_evidence_is_refused()
    {
        var refusal = Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [], Declaration, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("EvidenceIds").And.Message.Contains("D1"));
    }

    [TestCase(EvidenceStatus.Draft, "a draft")]
    [TestCase(EvidenceStatus.Submitted, "submitted")]
    [TestCase(EvidenceStatus.ReferredBack, "referred back")]
    public void Signing_off_on_evidence_that_is_not_accepted_is_refused(EvidenceStatus status, string named)
    {
        var evidence = new EvidenceBuilder(_enrolment, _standard).Titled("Ward round").MappedTo(_d1).InStatus(status, _assessor).Build();

        var refusal = Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("EvidenceIds")
            .And.Message.EqualTo($"'Ward round' is {named}; a sign-off rests only on accepted evidence."));
    }

    [Test]
    public void Signing_off_when_one_of_several_items_is_not_accepted_is_refused()
    {
        var accepted = AcceptedEvidenceFor(_d1);
        var submitted = new EvidenceBuilder(_enrolment, _standard).MappedTo(_d1).Submitted().Build();

        Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [accepted, submitted], Declaration, Clock.Now));

        Assert.That(_enrolment.SignOffs, Is.Empty);
    }

    [Test]
    public void Signing_off_on_evidence_not_mapped_to_that_duty_is_refused()
    {
        var evidence = new EvidenceBuilder(_enrolment, _standard).Titled("Ward round").MappedTo(_standard.Duties[1]).Accepted(by: _assessor).Build();

        var refusal = Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("'Ward round' is not mapped to D1."));
    }

    [Test]
    public void Signing_off_on_evidence_of_another_enrolment_is_refused()
    {
        var otherEnrolment = new EnrolmentBuilder().OnStandard(_standard).WithAssessor(_assessor).Build();
        var othersEvidence = new EvidenceBuilder(otherEnrolment, _standard).MappedTo(_d1).Accepted(by: _assessor).Build();

        var refusal = Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [othersEvidence], Declaration, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("A sign-off can rest only on this apprentice's own evidence."));
    }

    [Test]
    public void Signing_off_a_duty_already_signed_off_is_refused()
    {
        var evidence = AcceptedEvidenceFor(_d1);
        _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Now);

        var refusal = Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Later(1)));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("DutyId").And.Message.StartsWith("D1 is already signed off."));
        Assert.That(_enrolment.SignOffs, Has.Count.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Signing_off_without_a_declaration_is_refused(string declaration)
    {
        var evidence = AcceptedEvidenceFor(_d1);

        var refusal = Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], declaration, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Declaration"));
        Assert.That(_enrolment.SignOffs, Is.Empty);
    }

    [TestCase(EnrolmentStatus.BreakInLearning)]
    [TestCase(EnrolmentStatus.Withdrawn)]
    public void Signing_off_when_the_enrolment_is_not_active_is_refused(EnrolmentStatus status)
    {
        var evidence = AcceptedEvidenceFor(_d1);
        if (status == EnrolmentStatus.BreakInLearning)
        {
            _enrolment.StartBreakInLearning("Illness", Actors.ProviderAdmin, Clock.Now);
        }
        else
        {
            _enrolment.Withdraw("Left the employer", Actors.ProviderAdmin, Clock.Now);
        }

        var refusal = Assert.Throws<DomainException>(() => _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Now));

        Assert.That(refusal, Has.Message.StartsWith("Duties are signed off only while the apprenticeship is active"));
    }

    [Test]
    public void Revoking_a_sign_off_records_who_when_and_why_and_keeps_it_on_record()
    {
        var signOff = SignOffD1();
        var revoker = new Actor("user-lead", "Amir Haddad");

        _enrolment.RevokeSignOff(signOff.Id, "  Evidence found to be another apprentice's work ", revoker, Clock.Later(60));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_enrolment.SignOffs, Does.Contain(signOff));
            Assert.That(signOff.IsActive, Is.False);
            Assert.That(signOff.RevokedAt, Is.EqualTo(Clock.Later(60)));
            Assert.That(signOff.RevokedByUserId, Is.EqualTo("user-lead"));
            Assert.That(signOff.RevokedByName, Is.EqualTo("Amir Haddad"));
            Assert.That(signOff.RevocationReason, Is.EqualTo("Evidence found to be another apprentice's work"));
            Assert.That(_enrolment.ActiveSignOffFor(_d1.Id), Is.Null);
        }
    }

    [Test]
    public void Revoking_a_sign_off_records_an_audit_event_with_the_reason()
    {
        var signOff = SignOffD1();

        _enrolment.RevokeSignOff(signOff.Id, "Signed in error", Actors.ProviderAdmin, Clock.Later(60));

        var recorded = _enrolment.DequeueAuditEvents().Single();
        Assert.That(
            (recorded.Action, recorded.EntityType, recorded.EntityId, recorded.ActorUserId, recorded.Details),
            Is.EqualTo(("duty.sign-off-revoked", nameof(DutySignOff), signOff.Id, Actors.ProviderAdmin.UserId, "Signed in error")));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Revoking_a_sign_off_without_a_reason_is_refused(string reason)
    {
        var signOff = SignOffD1();

        var refusal = Assert.Throws<DomainException>(() => _enrolment.RevokeSignOff(signOff.Id, reason, Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Property(nameof(DomainException.Field)).EqualTo("Reason"));
        Assert.That(signOff.IsActive, Is.True);
    }

    [Test]
    public void Revoking_a_sign_off_twice_is_refused()
    {
        var signOff = SignOffD1();
        _enrolment.RevokeSignOff(signOff.Id, "Signed in error", Actors.ProviderAdmin, Clock.Later(1));

        var refusal = Assert.Throws<DomainException>(() => _enrolment.RevokeSignOff(signOff.Id, "Again", Actors.ProviderAdmin, Clock.Later(2)));

        Assert.That(refusal, Has.Message.EqualTo("That sign-off has already been revoked."));
        Assert.That(signOff.RevocationReason, Is.EqualTo("Signed in error"));
    }

    [Test]
    public void Revoking_a_sign_off_of_another_enrolment_is_refused()
    {
        var otherEnrolment = new EnrolmentBuilder().OnStandard(_standard).WithAssessor(_assessor).Build();
        var evidence = new EvidenceBuilder(otherEnrolment, _standard).MappedTo(_d1).Accepted(by: _assessor).Build();
        var othersSignOff = otherEnrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Now);

        var refusal = Assert.Throws<DomainException>(() => _enrolment.RevokeSignOff(othersSignOff.Id, "Wrong", Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal, Has.Message.EqualTo("That sign-off does not belong to this apprentice."));
    }

    [TestCase(EnrolmentStatus.Gateway)]
    [TestCase(EnrolmentStatus.Completed)]
    public void Signing_off_at_gateway_or_after_completion_is_refused_before_anything_else_is_checked(EnrolmentStatus status)
    {
        var enrolment = ReadyForGateway();
        EnrolmentBuilder.MoveTo(enrolment, _standard, status);
        var signOffs = enrolment.SignOffs.Count;

        var refusal = Assert.Throws<DomainException>(() => enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [], Declaration, Clock.Later(1)));

        Assert.That(refusal, Has.Message.EqualTo($"Duties are signed off only while the apprenticeship is active; it is {status.StatePhrase()}."));
        Assert.That(enrolment.SignOffs, Has.Count.EqualTo(signOffs));
    }

    [TestCase(EnrolmentStatus.Withdrawn)]
    [TestCase(EnrolmentStatus.Completed)]
    public void Revoking_a_sign_off_is_refused_once_the_apprenticeship_is_withdrawn_or_completed(EnrolmentStatus status)
    {
        var enrolment = ReadyForGateway();
        var signOff = enrolment.ActiveSignOffFor(_d1.Id)!;
        EnrolmentBuilder.MoveTo(enrolment, _standard, status);
        var stamp = enrolment.ConcurrencyStamp;

        var refusal = Assert.Throws<DomainException>(() => enrolment.RevokeSignOff(signOff.Id, "Signed in error", Actors.ProviderAdmin, Clock.Later(1)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal, Has.Message.EqualTo($"You cannot revoke a sign-off: the apprenticeship is {status.StatePhrase()}, and its record is closed."));
            Assert.That(signOff.IsActive, Is.True);
            Assert.That(enrolment.ConcurrencyStamp, Is.EqualTo(stamp));
        }
    }

    [TestCase(EnrolmentStatus.BreakInLearning)]
    [TestCase(EnrolmentStatus.Gateway)]
    public void Revoking_a_sign_off_stays_open_during_a_break_in_learning_and_at_gateway(EnrolmentStatus status)
    {
        var enrolment = ReadyForGateway();
        var signOff = enrolment.ActiveSignOffFor(_d1.Id)!;
        EnrolmentBuilder.MoveTo(enrolment, _standard, status);

        enrolment.RevokeSignOff(signOff.Id, "Signed in error", Actors.ProviderAdmin, Clock.Later(1));

        Assert.That(signOff.IsActive, Is.False);
    }

    [Test]
    public void A_duty_can_be_signed_off_again_after_its_sign_off_is_revoked()
    {
        var first = SignOffD1();
        _enrolment.RevokeSignOff(first.Id, "Signed in error", Actors.ProviderAdmin, Clock.Later(1));
        var evidence = AcceptedEvidenceFor(_d1);

        var second = _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [evidence], Declaration, Clock.Later(2));

        Assert.That(_enrolment.SignOffs, Is.EquivalentTo(new[] { first, second }));
        Assert.That(_enrolment.ActiveSignOffFor(_d1.Id), Is.SameAs(second));
    }

    [Test]
    public void The_declaration_names_the_apprentice_the_standard_and_the_duty_code_and_statement()
    {
        var d4 = _standard.Duties[3];

        var text = SignOffDeclaration.For("Łucja Wójcik", _standard, d4);

        Assert.That(text, Is.EqualTo(
            "I confirm that Łucja Wójcik has demonstrated competence in duty D4 of ST0413 v1.1 "
            + "(\u201cCommunicate with others using techniques that facilitate understanding.\u201d), "
            + "and that the evidence I have chosen is valid, authentic, current and sufficient."));
    }

    /// <summary>An enrolment with every duty signed off and every gateway item confirmed, so it can move to any status.</summary>
    private Enrolment ReadyForGateway() =>
        new EnrolmentBuilder().OnStandard(_standard).WithAssessor(_assessor).ReadyForGateway().Build();

    private EvidenceItem AcceptedEvidenceFor(params Duty[] duties) =>
        new EvidenceBuilder(_enrolment, _standard).MappedTo(duties).Accepted(by: _assessor).Build();

    private DutySignOff SignOffD1()
    {
        var signOff = _enrolment.SignOffDuty(_standard, _d1.Id, _assessor, [AcceptedEvidenceFor(_d1)], Declaration, Clock.Now);
        _enrolment.DequeueAuditEvents();
        return signOff;
    }
}
