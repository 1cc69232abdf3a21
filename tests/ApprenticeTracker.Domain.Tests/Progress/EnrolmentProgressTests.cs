namespace ApprenticeTracker.Domain.Tests.Progress;

/// <summary>Progress per duty and overall, computed from evidence mappings and sign-offs in force.</summary>
public class EnrolmentProgressTests
{
    private Standard _standard = null!;
    private Assessor _assessor = null!;
    private Enrolment _enrolment = null!;

    [SetUp]
    public void SetUp()
    {
        _standard = SampleStandards.St0413();
        _assessor = new AssessorBuilder().Named("Grace", "Adeyemi").Build();
        _enrolment = new EnrolmentBuilder().OnStandard(_standard).WithAssessor(_assessor).Build();
    }

    [Test]
    public void Progress_with_no_evidence_lists_every_duty_in_order_with_nothing_against_it()
    {
        var progress = Computed.ProgressOf(_standard, _enrolment);

        Assert.That(progress.Duties.Select(d => d.Duty.Code), Is.EqualTo(_standard.Duties.Select(d => d.Code)));
        Assert.That(progress.Duties.Select(d => d.HasNoEvidence), Is.All.True);
        Assert.That((progress.TotalDuties, progress.DutiesSignedOff, progress.PercentSignedOff, progress.AllDutiesSignedOff), Is.EqualTo((10, 0, 0, false)));
    }

    [Test]
    public void Duties_given_out_of_order_are_listed_in_duty_order()
    {
        var duties = _standard.Duties.Reverse().Select(d => new DutyRef(d.Id, d.Number, d.Code, d.Statement));

        var progress = EnrolmentProgress.Compute(duties, [], []);

        Assert.That(progress.Duties.Select(d => d.Duty.Number), Is.EqualTo(Enumerable.Range(1, 10)));
    }

    [Test]
    public void Evidence_is_counted_by_status_per_duty()
    {
        var d1 = _standard.Duties[0];
        var evidence = new[]
        {
            Evidence(EvidenceStatus.Draft, d1),
            Evidence(EvidenceStatus.Submitted, d1),
            Evidence(EvidenceStatus.Submitted, d1),
            Evidence(EvidenceStatus.Accepted, d1),
            Evidence(EvidenceStatus.ReferredBack, d1),
        };

        var d1Progress = Computed.ProgressOf(_standard, _enrolment, evidence).Duties[0];

        Assert.That(
            (d1Progress.Draft, d1Progress.Submitted, d1Progress.Accepted, d1Progress.ReferredBack, d1Progress.Total, d1Progress.HasNoEvidence),
            Is.EqualTo((1, 2, 1, 1, 5, false)));
    }

    [Test]
    public void An_item_mapped_to_two_duties_counts_on_both()
    {
        var item = Evidence(EvidenceStatus.Accepted, _standard.Duties[0], _standard.Duties[2]);

        var progress = Computed.ProgressOf(_standard, _enrolment, item);

        Assert.That(progress.Duties.Select(d => d.Accepted), Is.EqualTo(new[] { 1, 0, 1, 0, 0, 0, 0, 0, 0, 0 }));
    }

    [Test]
    public void The_same_mapping_given_twice_counts_once()
    {
        var d1 = _standard.Duties[0];
        var item = Guid.NewGuid();
        var mappings = new[]
        {
            new EvidenceMapping(item, d1.Id, EvidenceStatus.Submitted),
            new EvidenceMapping(item, d1.Id, EvidenceStatus.Submitted),
        };

        var progress = EnrolmentProgress.Compute(DutyRefs(), mappings, []);

        Assert.That(progress.Duties[0].Submitted, Is.EqualTo(1));
    }

    [Test]
    public void Mappings_to_duties_of_another_standard_are_ignored()
    {
        var mappings = new[] { new EvidenceMapping(Guid.NewGuid(), SampleStandards.Another().Duties[0].Id, EvidenceStatus.Accepted) };

        var progress = EnrolmentProgress.Compute(DutyRefs(), mappings, []);

        Assert.That(progress.Duties.Sum(d => d.Total), Is.Zero);
    }

    [Test]
    public void Signed_off_duties_are_counted_with_their_sign_off()
    {
        var d1 = _standard.Duties[0];
        var d2 = _standard.Duties[1];
        var evidence = Evidence(EvidenceStatus.Accepted, d1, d2);
        _enrolment.SignOffDuty(_standard, d1.Id, _assessor, [evidence], "Competent.", Clock.Later(1));
        _enrolment.SignOffDuty(_standard, d2.Id, _assessor, [evidence], "Competent.", Clock.Later(2));

        var progress = Computed.ProgressOf(_standard, _enrolment, evidence);

        Assert.That(progress.Duties.Select(d => d.IsSignedOff), Is.EqualTo(new[] { true, true, false, false, false, false, false, false, false, false }));
        Assert.That(progress.Duties[0].SignOff!.AssessorName, Is.EqualTo("Grace Adeyemi"));
        Assert.That((progress.DutiesSignedOff, progress.PercentSignedOff, progress.AllDutiesSignedOff), Is.EqualTo((2, 20, false)));
    }

    [Test]
    public void The_percentage_signed_off_is_rounded_down()
    {
        var duties = DutyRefs().Take(3).ToList();
        var signOff = new SignOffRef(Guid.NewGuid(), duties[0].DutyId, "Grace Adeyemi", Clock.Now);

        var progress = EnrolmentProgress.Compute(duties, [], [signOff]);

        Assert.That(progress.PercentSignedOff, Is.EqualTo(33));
    }

    [Test]
    public void A_revoked_sign_off_no_longer_counts()
    {
        var d1 = _standard.Duties[0];
        var signOff = _enrolment.SignOffDuty(_standard, d1.Id, _assessor, [Evidence(EvidenceStatus.Accepted, d1)], "Competent.", Clock.Now);
        _enrolment.RevokeSignOff(signOff.Id, "Signed in error", Actors.ProviderAdmin, Clock.Later(1));

        var progress = Computed.ProgressOf(_standard, _enrolment);

        Assert.That(progress.DutiesSignedOff, Is.Zero);
    }

    [Test]
    public void Every_duty_signed_off_makes_all_duties_signed_off_and_100_percent()
    {
        var enrolment = new EnrolmentBuilder().OnStandard(_standard).ReadyForGateway().Build();

        var progress = Computed.ProgressOf(_standard, enrolment);

        Assert.That((progress.DutiesSignedOff, progress.PercentSignedOff, progress.AllDutiesSignedOff), Is.EqualTo((10, 100, true)));
    }

    [Test]
    public void A_standard_without_duties_is_never_all_signed_off()
    {
        var progress = EnrolmentProgress.Compute([], [], []);

        Assert.That((progress.AllDutiesSignedOff, progress.PercentSignedOff), Is.EqualTo((false, 0)));
    }

    private IEnumerable<DutyRef> DutyRefs() => _standard.Duties.Select(d => new DutyRef(d.Id, d.Number, d.Code, d.Statement));

    private EvidenceItem Evidence(EvidenceStatus status, params Duty[] duties) =>
        new EvidenceBuilder(_enrolment, _standard).MappedTo(duties).InStatus(status, _assessor).Build();
}
