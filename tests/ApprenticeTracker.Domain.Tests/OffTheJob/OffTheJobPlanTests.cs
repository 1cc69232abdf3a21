using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Domain.Tests.OffTheJob;

public class OffTheJobPlanTests
{
    private static readonly DateOnly Start = new(2025, 9, 1);

    /// <summary>A 100-day plan of 100 hours: one hour a day planned, which keeps the arithmetic readable.</summary>
    private static OffTheJobPlan HundredHoursOverHundredDays(DateOnly? gateway = null, int priorLearningMinutes = 0) =>
        new(Start, Start.AddDays(99), gateway, 30m, 100, priorLearningMinutes);

    [Test]
    public void Prior_learning_reduces_the_planned_hours()
    {
        var plan = HundredHoursOverHundredDays(priorLearningMinutes: 30 * 60);

        Assert.That(plan.PlannedMinutes, Is.EqualTo(70 * 60));
    }

    [Test]
    public void Prior_learning_never_takes_the_planned_hours_below_zero()
    {
        var plan = HundredHoursOverHundredDays(priorLearningMinutes: 200 * 60);

        Assert.That(plan.PlannedMinutes, Is.Zero);
    }

    [Test]
    public void The_hours_planned_to_date_grow_evenly_from_the_first_day_to_the_planned_end()
    {
        var plan = HundredHoursOverHundredDays();

        Assert.That(plan.PlannedToDateMinutes(Start.AddDays(-1)), Is.Zero);
        Assert.That(plan.PlannedToDateMinutes(Start), Is.EqualTo(60));
        Assert.That(plan.PlannedToDateMinutes(Start.AddDays(49)), Is.EqualTo(50 * 60));
        Assert.That(plan.PlannedToDateMinutes(Start.AddDays(99)), Is.EqualTo(100 * 60));
        Assert.That(plan.PlannedToDateMinutes(Start.AddDays(400)), Is.EqualTo(100 * 60));
    }

    [Test]
    public void Nothing_more_is_planned_after_gateway()
    {
        var plan = HundredHoursOverHundredDays(gateway: Start.AddDays(59));

        Assert.That(plan.PlannedToDateMinutes(Start.AddDays(90)), Is.EqualTo(60 * 60));
    }

    [TestCase(50 * 60, 0)]
    [TestCase(60 * 60, 0)]
    [TestCase(45 * 60, 0.1)]
    [TestCase(40 * 60, 0.2)]
    public void The_shortfall_is_the_share_of_the_hours_planned_to_date_not_yet_approved(int approved, decimal expected)
    {
        var plan = HundredHoursOverHundredDays();

        Assert.That(plan.Shortfall(approved, Start.AddDays(49)), Is.EqualTo(expected));
    }

    [Test]
    public void Only_approved_entries_count_and_waiting_ones_are_shown_apart()
    {
        var plan = HundredHoursOverHundredDays();
        var entries = new[]
        {
            new OffTheJobFigure(Start, 120, OffTheJobEntryStatus.Approved),
            new OffTheJobFigure(Start.AddDays(1), 60, OffTheJobEntryStatus.Waiting),
            new OffTheJobFigure(Start.AddDays(2), 30, OffTheJobEntryStatus.Queried),
        };

        var progress = OffTheJobProgress.Compute(plan, entries, Start.AddDays(10));

        Assert.That(progress.ApprovedMinutes, Is.EqualTo(120));
        Assert.That(progress.WaitingMinutes, Is.EqualTo(60));
        Assert.That(progress.QueriedMinutes, Is.EqualTo(30));
        Assert.That(progress.PlannedToDateMinutes, Is.EqualTo(11 * 60));
    }

    [Test]
    public void The_forecast_extends_the_rate_of_the_last_12_weeks_to_the_remaining_hours()
    {
        // Today is day 84: 42 hours approved in the last 84 days is half an hour a day; 58 hours remain: 116 days.
        var plan = HundredHoursOverHundredDays();
        var today = Start.AddDays(84);
        var entries = Enumerable.Range(0, 42).Select(i => new OffTheJobFigure(today.AddDays(-2 * i), 60, OffTheJobEntryStatus.Approved));

        var forecast = OffTheJobProgress.Compute(plan, entries, today).Forecast!;

        Assert.That(forecast.MetOn, Is.EqualTo(today.AddDays(116)));
        Assert.That(forecast.MinutesPerWeek, Is.EqualTo(210));
        Assert.That(forecast.OnTime, Is.False);
    }

    [Test]
    public void Hours_approved_before_the_last_12_weeks_do_not_set_the_rate()
    {
        var plan = HundredHoursOverHundredDays();
        var today = Start.AddDays(95);
        var entries = new[] { new OffTheJobFigure(Start, 600, OffTheJobEntryStatus.Approved) };

        var forecast = OffTheJobProgress.Compute(plan, entries, today).Forecast!;

        Assert.That(forecast.MetOn, Is.Null);
        Assert.That(forecast.AlreadyMet, Is.False);
    }

    [Test]
    public void A_plan_met_already_is_forecast_as_met_and_on_time()
    {
        var plan = HundredHoursOverHundredDays();
        var entries = new[] { new OffTheJobFigure(Start, 100 * 60, OffTheJobEntryStatus.Approved) };

        var progress = OffTheJobProgress.Compute(plan, entries, Start.AddDays(5));

        Assert.That(progress.Forecast!.AlreadyMet, Is.True);
        Assert.That(progress.Forecast.OnTime, Is.True);
        Assert.That(progress.IsComplete, Is.True);
    }

    [Test]
    public void The_chart_has_one_cumulative_point_a_week_to_the_planned_end_and_approved_only_up_to_today()
    {
        var plan = HundredHoursOverHundredDays();
        var entries = new[]
        {
            new OffTheJobFigure(Start, 60, OffTheJobEntryStatus.Approved),
            new OffTheJobFigure(Start.AddDays(8), 90, OffTheJobEntryStatus.Approved),
            new OffTheJobFigure(Start.AddDays(8), 600, OffTheJobEntryStatus.Waiting),
        };

        var weeks = OffTheJobProgress.Compute(plan, entries, Start.AddDays(10)).Weeks;

        Assert.That(weeks, Has.Count.EqualTo(15));
        Assert.That(weeks[0], Is.EqualTo(new OffTheJobWeek(1, Start.AddDays(6), 7 * 60, 60)));
        Assert.That(weeks[1], Is.EqualTo(new OffTheJobWeek(2, Start.AddDays(13), 14 * 60, 150)));
        Assert.That(weeks[2].Approved, Is.Null);
        Assert.That(weeks[^1].EndsOn, Is.EqualTo(Start.AddDays(99)));
        Assert.That(weeks[^1].Planned, Is.EqualTo(100 * 60));
    }
}
