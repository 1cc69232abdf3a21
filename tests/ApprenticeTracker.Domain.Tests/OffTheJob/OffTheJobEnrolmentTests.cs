using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Domain.Tests.OffTheJob;

public class OffTheJobEnrolmentTests
{
    [Test]
    public void Prior_learning_is_recorded_with_its_reason_and_reduces_the_plan()
    {
        var standard = SampleStandards.St0413();
        var enrolment = new EnrolmentBuilder().OnStandard(standard).Build();
        var before = OffTheJobPlan.Of(enrolment, standard).PlannedMinutes;

        enrolment.RecordPriorLearning(40, "Foundation degree in healthcare science", Actors.ProviderAdmin, Clock.Now);

        Assert.That(enrolment.PriorLearningReason, Is.EqualTo("Foundation degree in healthcare science"));
        Assert.That(OffTheJobPlan.Of(enrolment, standard).PlannedMinutes, Is.EqualTo(before - (40 * 60)));
        Assert.That(enrolment.PendingAuditEvents().Single().Action, Is.EqualTo("enrolment.prior-learning-recorded"));
    }

    [Test]
    public void A_prior_learning_reduction_needs_a_reason()
    {
        var enrolment = new EnrolmentBuilder().Build();

        var refusal = Assert.Throws<DomainException>(() => enrolment.RecordPriorLearning(10, "", Actors.ProviderAdmin, Clock.Now));

        Assert.That(refusal!.Field, Is.EqualTo(nameof(Enrolment.PriorLearningReason)));
    }

    [TestCase(0)]
    [TestCase(48.5)]
    public void Contracted_hours_outside_0_to_48_are_refused(decimal hours)
    {
        var enrolment = new EnrolmentBuilder().Build();

        Assert.That(() => enrolment.SetContractedHours(hours, Actors.ProviderAdmin, Clock.Now), Throws.TypeOf<DomainException>());
    }

    [Test]
    public void Passing_gateway_records_the_day_and_returning_from_it_clears_it()
    {
        var enrolment = new EnrolmentBuilder().InStatus(EnrolmentStatus.Gateway).Build();
        var passedOn = enrolment.GatewayPassedOn;

        enrolment.ReturnFromGateway("Assessment deferred", Actors.ProviderAdmin, Clock.Later(1));

        Assert.That(passedOn, Is.EqualTo(Clock.Today));
        Assert.That(enrolment.GatewayPassedOn, Is.Null);
    }

    [Test]
    public void The_provider_sets_the_standard_s_fixed_minimum_and_the_page_can_say_who()
    {
        var standard = SampleStandards.St0413();

        standard.SetOffTheJobMinimum(420, Actors.ProviderAdmin, Clock.Now);

        Assert.That(standard.OffTheJobMinimumHours, Is.EqualTo(420));
        Assert.That(standard.OffTheJobMinimumSource, Is.EqualTo("Set by Priya Shah on 21 Nov 2026"));
    }

    [Test]
    public void An_imported_file_with_the_minimum_sets_it_and_one_without_keeps_it()
    {
        var standard = Standard.Create(SampleStandards.St0413Definition() with { OffTheJobMinimumHours = 500 }, Actor.System, Clock.Now);

        standard.Redefine(SampleStandards.St0413Definition(), new HashSet<Guid>(), Actor.System, Clock.Later(1));

        Assert.That(standard.OffTheJobMinimumHours, Is.EqualTo(500));
        Assert.That(standard.OffTheJobMinimumSource, Is.EqualTo("The standard's file"));
    }

    [TestCase(0)]
    [TestCase(10_001)]
    public void A_minimum_outside_1_to_10000_hours_is_refused(int hours)
    {
        var standard = SampleStandards.St0413();

        Assert.That(() => standard.SetOffTheJobMinimum(hours, Actors.ProviderAdmin, Clock.Now), Throws.TypeOf<DomainException>());
    }

    [Test]
    public void The_gateway_line_for_off_the_job_training_needs_the_hours_and_the_provider_s_confirmation()
    {
        var standard = SampleStandards.St0413();
        standard.SetOffTheJobMinimum(1, Actors.ProviderAdmin, Clock.Now);
        var enrolment = new EnrolmentBuilder().OnStandard(standard).StartingOn(new DateOnly(2025, 9, 1)).Build();
        var plan = OffTheJobPlan.Of(enrolment, standard);
        var done = OffTheJobProgress.Compute(plan, [new OffTheJobFigure(Clock.Today, 60, OffTheJobEntryStatus.Approved)], Clock.Today);
        var progress = Computed.ProgressOf(standard, enrolment, []);

        var unconfirmed = GatewayReadiness.Assess(enrolment, standard, progress, Clock.Today, done).Checks.Single(c => c.Key == GatewayReadiness.OffTheJobKey);
        enrolment.ConfirmGatewayRequirement(standard, GatewayReadiness.OffTheJobKey, null, Actors.ProviderAdmin, Clock.Now);
        var confirmed = GatewayReadiness.Assess(enrolment, standard, progress, Clock.Today, done).Checks.Single(c => c.Key == GatewayReadiness.OffTheJobKey);
        var short_ = GatewayReadiness.Assess(enrolment, standard, progress, Clock.Today, OffTheJobProgress.Compute(plan, [], Clock.Today)).Checks.Single(c => c.Key == GatewayReadiness.OffTheJobKey);

        Assert.That(unconfirmed.IsMet, Is.False);
        Assert.That(unconfirmed.Detail, Is.EqualTo("1 of 1 planned hours approved; not yet confirmed by the provider"));
        Assert.That(confirmed.IsMet, Is.True);
        Assert.That(short_.IsMet, Is.False);
        Assert.That(short_.Detail, Does.StartWith("0 of 1 planned hours approved; confirmed by Priya Shah"));
    }

    [TestCase(EnrolmentStatus.Gateway, true)]
    [TestCase(EnrolmentStatus.Completed, true)]
    [TestCase(EnrolmentStatus.Active, false)]
    [TestCase(EnrolmentStatus.Withdrawn, false)]
    public void Past_gateway_the_confirmed_off_the_job_line_stays_met_as_recorded_when_the_log_falls_short(EnrolmentStatus status, bool met)
    {
        var standard = SampleStandards.St0413();
        standard.SetOffTheJobMinimum(100, Actors.ProviderAdmin, Clock.Now);
        var enrolment = new EnrolmentBuilder().OnStandard(standard).StartingOn(new DateOnly(2025, 9, 1)).Build();
        enrolment.ConfirmGatewayRequirement(standard, GatewayReadiness.OffTheJobKey, null, Actors.ProviderAdmin, Clock.Now);
        var shortLog = OffTheJobProgress.Compute(OffTheJobPlan.Of(enrolment, standard), [], Clock.Today);

        var line = GatewayReadiness.Assess(
                Computed.ProgressOf(standard, enrolment, []), enrolment.StartDate, enrolment.MinimumDurationMonths, standard.GatewayRequirements,
                enrolment.GatewayConfirmations, Clock.Today, shortLog, status)
            .Checks.Single(c => c.Key == GatewayReadiness.OffTheJobKey);

        Assert.That(line.IsMet, Is.EqualTo(met));
        Assert.That(line.Detail.EndsWith("met as recorded when gateway was passed", StringComparison.Ordinal), Is.EqualTo(met));
    }
}
