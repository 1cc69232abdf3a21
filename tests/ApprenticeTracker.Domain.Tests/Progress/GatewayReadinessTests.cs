namespace ApprenticeTracker.Domain.Tests.Progress;

/// <summary>The gateway checklist: duties signed off, minimum duration, and provider-confirmed requirements.</summary>
public class GatewayReadinessTests
{
    [Test]
    public void When_every_item_is_met_the_apprentice_is_ready()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).ReadyForGateway().Build();

        var readiness = Computed.ReadinessOf(enrolment, standard, Clock.Today);

        Assert.That(readiness.IsReady, Is.True);
        Assert.That(readiness.MetCount, Is.EqualTo(9));
    }

    [Test]
    public void The_checklist_lists_duties_then_minimum_duration_then_each_requirement_in_order_then_the_employers_agreement()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).Build();

        var readiness = Computed.ReadinessOf(enrolment, standard, Clock.Today);

        Assert.That(
            readiness.Checks.Select(c => c.Key),
            Is.EqualTo(new[] { GatewayReadiness.AllDutiesKey, GatewayReadiness.MinimumDurationKey }
                .Concat(GatewayRequirement.Defaults.Select(d => d.Key))
                .Append(GatewayReadiness.EmployerAgreementKey)));
    }

    [Test]
    public void Duties_not_all_signed_off_are_reported_with_how_many_are()
    {
        var standard = SampleStandards.St0413();
        var assessor = new AssessorBuilder().Build();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).WithAssessor(assessor).Build();
        var evidence = new EvidenceBuilder(enrolment, standard).MappedTo([.. standard.Duties]).Accepted(by: assessor).Build();
        foreach (var duty in standard.Duties.Take(7))
        {
            enrolment.SignOffDuty(standard, duty.Id, assessor, [evidence], "Competent.", Clock.Now);
        }

        var check = Check(Computed.ReadinessOf(enrolment, standard, Clock.Today), GatewayReadiness.AllDutiesKey);

        Assert.That(check, Is.EqualTo(new GatewayCheck(GatewayReadiness.AllDutiesKey, "All duties signed off", false, "7 of 10 duties signed off")));
    }

    [Test]
    public void The_minimum_duration_is_met_on_the_day_it_is_reached()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).StartingOn(new DateOnly(2025, 9, 1)).Build();

        var check = Check(Computed.ReadinessOf(enrolment, standard, new DateOnly(2026, 5, 1)), GatewayReadiness.MinimumDurationKey);

        Assert.That(check, Is.EqualTo(new GatewayCheck(GatewayReadiness.MinimumDurationKey, "Minimum duration of 8 months met", true, "Met on 1 May 2026")));
    }

    [Test]
    public void The_minimum_duration_is_not_met_the_day_before()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).StartingOn(new DateOnly(2025, 9, 1)).Build();

        var check = Check(Computed.ReadinessOf(enrolment, standard, new DateOnly(2026, 4, 30)), GatewayReadiness.MinimumDurationKey);

        Assert.That(check, Is.EqualTo(new GatewayCheck(GatewayReadiness.MinimumDurationKey, "Minimum duration of 8 months met", false, "Met on 1 May 2026, not yet reached")));
    }

    [Test]
    public void A_start_before_Aug_2025_needs_12_months()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).StartingOn(new DateOnly(2024, 9, 2)).Build();

        var readiness = Computed.ReadinessOf(enrolment, standard, new DateOnly(2025, 9, 1));

        Assert.That(Check(readiness, GatewayReadiness.MinimumDurationKey).Detail, Is.EqualTo("Met on 2 Sep 2025, not yet reached"));
    }

    [Test]
    public void A_requirement_not_confirmed_is_reported_as_outstanding()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).Build();

        var check = Check(Computed.ReadinessOf(enrolment, standard, Clock.Today), "english-maths-l2");

        Assert.That(check, Is.EqualTo(new GatewayCheck("english-maths-l2", "English and maths at Level 2 achieved", false, "Not yet confirmed by the provider")));
    }

    [Test]
    public void A_confirmed_requirement_is_met_and_says_who_confirmed_it_and_when()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).Build();
        enrolment.ConfirmGatewayRequirement(standard, "english-maths-l2", null, Actors.ProviderAdmin, new DateTimeOffset(2026, 11, 3, 14, 0, 0, TimeSpan.Zero));

        var check = Check(Computed.ReadinessOf(enrolment, standard, Clock.Today), "english-maths-l2");

        Assert.That(check.IsMet, Is.True);
        Assert.That(check.Detail, Is.EqualTo("Confirmed by Priya Shah on 3 Nov 2026"));
    }

    [Test]
    public void One_item_unmet_keeps_the_apprentice_from_being_ready()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).ReadyForGateway().Build();

        var readiness = Computed.ReadinessOf(enrolment, standard, enrolment.MinimumDurationMetOn.AddDays(-1));

        Assert.That(readiness.IsReady, Is.False);
        Assert.That(readiness.Checks.Where(c => !c.IsMet).Select(c => c.Key), Is.EqualTo(new[] { GatewayReadiness.MinimumDurationKey }));
    }

    [Test]
    public void Each_unmet_item_is_reported()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).StartingOn(new DateOnly(2026, 9, 1)).Build();
        enrolment.ConfirmGatewayRequirement(standard, "modules-passed", null, Actors.ProviderAdmin, Clock.Now);

        var readiness = Computed.ReadinessOf(enrolment, standard, Clock.Today);

        Assert.That(readiness.Checks.Count(c => !c.IsMet), Is.EqualTo(8));
        Assert.That(readiness.MetCount, Is.EqualTo(1));
    }

    private static GatewayCheck Check(GatewayReadiness readiness, string key) => readiness.Checks.Single(c => c.Key == key);
}
