using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Domain.Tests.OffTheJob;

public class OffTheJobRulesTests
{
    [TestCase("2022-07-31", OffTheJobPlanBasis.ShareOfContractedHours)]
    [TestCase("2022-08-01", OffTheJobPlanBasis.HoursPerWeek)]
    [TestCase("2025-07-31", OffTheJobPlanBasis.HoursPerWeek)]
    [TestCase("2025-08-01", OffTheJobPlanBasis.FixedMinimumPerStandard)]
    public void The_rule_set_is_chosen_by_the_start_date_on_either_side_of_each_boundary(string start, OffTheJobPlanBasis expected)
    {
        var rules = OffTheJobRules.For(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(rules.Basis, Is.EqualTo(expected));
    }

    [Test]
    public void The_rule_sets_cover_every_start_date_without_overlap()
    {
        var sets = OffTheJobRules.RuleSets;

        for (var i = 1; i < sets.Count; i++)
        {
            Assert.That(sets[i].StartsFrom, Is.EqualTo(sets[i - 1].StartsUntil!.Value.AddDays(1)));
        }

        Assert.That(sets[^1].StartsUntil, Is.Null);
    }

    [Test]
    public void A_full_time_start_in_2024_plans_6_hours_a_week_less_statutory_leave()
    {
        // 364 days = 52 weeks; less 5.6 weeks of leave = 46.4 practical weeks; × 6 hours = 278.4 hours.
        var minutes = OffTheJobRules.PlannedMinutesBeforePriorLearning(new DateOnly(2024, 9, 2), new DateOnly(2025, 8, 31), 30m, null);

        Assert.That(minutes, Is.EqualTo(16704));
    }

    [Test]
    public void Contracted_hours_under_30_pro_rate_the_weekly_hours()
    {
        var full = OffTheJobRules.PlannedMinutesBeforePriorLearning(new DateOnly(2024, 9, 2), new DateOnly(2025, 8, 31), 30m, null);

        var part = OffTheJobRules.PlannedMinutesBeforePriorLearning(new DateOnly(2024, 9, 2), new DateOnly(2025, 8, 31), 22.5m, null);

        Assert.That(part, Is.EqualTo(full * 3 / 4));
    }

    [Test]
    public void Contracted_hours_over_30_plan_no_more_than_full_time()
    {
        var full = OffTheJobRules.PlannedMinutesBeforePriorLearning(new DateOnly(2024, 9, 2), new DateOnly(2025, 8, 31), 30m, null);

        var more = OffTheJobRules.PlannedMinutesBeforePriorLearning(new DateOnly(2024, 9, 2), new DateOnly(2025, 8, 31), 37.5m, null);

        Assert.That(more, Is.EqualTo(full));
    }

    [Test]
    public void A_start_before_August_2022_plans_20_per_cent_of_contracted_hours()
    {
        // 46.4 practical weeks × 20 % of 30 hours = 278.4 hours, the same as 6 hours a week at full time.
        var minutes = OffTheJobRules.PlannedMinutesBeforePriorLearning(new DateOnly(2021, 9, 6), new DateOnly(2022, 9, 4), 30m, null);

        Assert.That(minutes, Is.EqualTo(16704));
    }

    [Test]
    public void A_start_from_August_2025_plans_the_standard_s_fixed_minimum_whatever_the_length_or_hours()
    {
        var minutes = OffTheJobRules.PlannedMinutesBeforePriorLearning(new DateOnly(2025, 8, 1), new DateOnly(2028, 7, 31), 20m, 400);

        Assert.That(minutes, Is.EqualTo(400 * 60));
    }

    [Test]
    public void A_start_from_August_2025_on_a_standard_without_a_minimum_has_no_planned_hours()
    {
        var minutes = OffTheJobRules.PlannedMinutesBeforePriorLearning(new DateOnly(2025, 8, 1), new DateOnly(2028, 7, 31), 30m, null);

        Assert.That(minutes, Is.Null);
    }

    [TestCase(45, "45 min")]
    [TestCase(60, "1 h")]
    [TestCase(90, "1 h 30 min")]
    public void Durations_read_in_hours_and_minutes(int minutes, string expected)
    {
        Assert.That(OffTheJobRules.DisplayDuration(minutes), Is.EqualTo(expected));
    }

    [TestCase("shadowing", OffTheJobActivityKind.Shadowing)]
    [TestCase("Taught session", OffTheJobActivityKind.TaughtSession)]
    [TestCase("TaughtSession", OffTheJobActivityKind.TaughtSession)]
    [TestCase("English and maths", OffTheJobActivityKind.EnglishAndMaths)]
    public void Kinds_are_read_by_name_or_label(string text, OffTheJobActivityKind expected)
    {
        Assert.That(OffTheJobActivityKinds.Parse(text), Is.EqualTo(expected));
    }

    [Test]
    public void Nine_kinds_count_and_five_do_not()
    {
        Assert.That(OffTheJobActivityKinds.Counted, Has.Count.EqualTo(9));
        Assert.That(OffTheJobActivityKinds.NotCounted, Has.Count.EqualTo(5));
    }
}
