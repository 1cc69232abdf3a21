using ApprenticeTracker.Domain.Reviews;

namespace ApprenticeTracker.Domain.Tests.Reviews;

/// <summary>When the next progress review is due: the dated funding rules, their edges, agreed intervals and breaks.</summary>
public class ProgressReviewRulesTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Test]
    public void Under_the_2022_rules_the_first_review_is_due_12_weeks_after_the_start()
    {
        Assert.That(ProgressReviewRules.NextDue(D(2023, 9, 1), null, null, []), Is.EqualTo(D(2023, 11, 24)));
    }

    [Test]
    public void Under_the_2022_rules_the_next_review_is_due_12_weeks_after_the_last_one()
    {
        Assert.That(ProgressReviewRules.NextDue(D(2023, 9, 1), D(2024, 6, 3), null, []), Is.EqualTo(D(2024, 8, 26)));
    }

    [Test]
    public void Twelve_weeks_across_29_February_count_the_leap_day()
    {
        Assert.That(ProgressReviewRules.NextDue(D(2023, 9, 1), D(2024, 1, 1), null, []), Is.EqualTo(D(2024, 3, 25)));
    }

    [TestCase(2025, 8, 1, 2025, 11, 30, TestName = "A review on 1 Aug 2025 makes the next due by 30 Nov 2025 (the funding rules' example)")]
    [TestCase(2025, 8, 31, 2025, 11, 30, TestName = "A review on the last day of a month counts from that month: 31 Aug 2025 gives 30 Nov 2025")]
    [TestCase(2025, 11, 30, 2026, 2, 28, TestName = "A review on 30 Nov 2025 gives the last day of February 2026, the 28th")]
    [TestCase(2027, 11, 15, 2028, 2, 29, TestName = "A review in November 2027 gives 29 Feb 2028 in a leap year")]
    [TestCase(2026, 10, 31, 2027, 1, 31, TestName = "A review on 31 Oct 2026 runs across the year end to 31 Jan 2027")]
    public void Under_the_2025_rules_the_next_review_is_due_by_the_end_of_the_third_calendar_month_after(int y, int m, int d, int dueY, int dueM, int dueD)
    {
        Assert.That(ProgressReviewRules.NextDue(D(2025, 8, 1), D(y, m, d), null, []), Is.EqualTo(D(dueY, dueM, dueD)));
    }

    [Test]
    public void Under_the_2025_rules_the_first_review_counts_from_the_start_date()
    {
        Assert.That(ProgressReviewRules.NextDue(D(2025, 9, 15), null, null, []), Is.EqualTo(D(2025, 12, 31)));
    }

    [Test]
    public void The_start_date_chooses_the_rules_on_either_side_of_1_August_2025()
    {
        Assert.That(ProgressReviewRules.For(D(2025, 7, 31)).Basis, Is.EqualTo(ReviewIntervalBasis.Weeks));
        Assert.That(ProgressReviewRules.For(D(2025, 8, 1)).Basis, Is.EqualTo(ReviewIntervalBasis.CalendarMonthsToMonthEnd));
        Assert.That(ProgressReviewRules.NextDue(D(2025, 7, 31), null, null, []), Is.EqualTo(D(2025, 10, 23)));
        Assert.That(ProgressReviewRules.NextDue(D(2025, 8, 1), null, null, []), Is.EqualTo(D(2025, 11, 30)));
    }

    [Test]
    public void The_rule_sets_cover_every_start_date_without_overlap()
    {
        var sets = ProgressReviewRules.RuleSets;
        for (var i = 1; i < sets.Count; i++)
        {
            Assert.That(sets[i - 1].StartsUntil!.Value.AddDays(1), Is.EqualTo(sets[i].StartsFrom));
        }

        Assert.That((sets[0].StartsFrom, sets[^1].StartsUntil), Is.EqualTo((DateOnly.MinValue, (DateOnly?)null)));
    }

    [Test]
    public void An_agreed_interval_replaces_the_rules_interval()
    {
        var agreed = AgreedReviewInterval.Of(6, "Rotations change every six weeks; the employer asked to review at each.");

        Assert.That(ProgressReviewRules.NextDue(D(2025, 9, 1), D(2025, 10, 6), agreed, []), Is.EqualTo(D(2025, 11, 17)));
    }

    [Test]
    public void An_agreed_interval_without_a_reason_or_in_range_weeks_is_refused_with_both_at_once()
    {
        var refusal = Assert.Throws<DomainException>(() => AgreedReviewInterval.Of(0, " "));

        Assert.That(refusal!.Refusals.Select(r => r.Field), Is.EquivalentTo(new[] { AgreedReviewInterval.Fields.Weeks, AgreedReviewInterval.Fields.Reason }));
        Assert.Throws<DomainException>(() => AgreedReviewInterval.Of(AgreedReviewInterval.MaxWeeks + 1, "Too long"));
    }

    [Test]
    public void A_break_in_learning_within_the_interval_moves_the_due_date_by_its_length()
    {
        LearningBreak[] breaks = [new(D(2024, 7, 1), D(2024, 7, 15))];

        Assert.That(ProgressReviewRules.NextDue(D(2023, 9, 1), D(2024, 6, 3), null, breaks), Is.EqualTo(D(2024, 9, 9)));
    }

    [Test]
    public void Only_the_days_of_a_break_after_the_last_review_pause_the_clock()
    {
        // The break began 10 days before the review and ended 4 days after it: 3 days of it (4, 5 and 6 June) count.
        LearningBreak[] breaks = [new(D(2024, 5, 24), D(2024, 6, 7))];

        Assert.That(ProgressReviewRules.NextDue(D(2023, 9, 1), D(2024, 6, 3), null, breaks), Is.EqualTo(D(2024, 8, 29)));
    }

    [Test]
    public void A_break_after_the_due_date_changes_nothing_and_one_that_the_moved_date_reaches_moves_it_further()
    {
        LearningBreak[] later = [new(D(2024, 8, 27), D(2024, 9, 30))];
        LearningBreak[] chained = [new(D(2024, 7, 1), D(2024, 7, 15)), new(D(2024, 9, 1), D(2024, 9, 8))];

        Assert.That(ProgressReviewRules.NextDue(D(2023, 9, 1), D(2024, 6, 3), null, later), Is.EqualTo(D(2024, 8, 26)));
        Assert.That(ProgressReviewRules.NextDue(D(2023, 9, 1), D(2024, 6, 3), null, chained), Is.EqualTo(D(2024, 9, 16)));
    }

    [Test]
    public void A_break_that_starts_on_the_due_date_pauses_that_day_too()
    {
        LearningBreak[] breaks = [new(D(2025, 11, 30), D(2025, 12, 2))];

        Assert.That(ProgressReviewRules.NextDue(D(2025, 8, 1), D(2025, 8, 1), null, breaks), Is.EqualTo(D(2025, 12, 2)));
    }

    [Test]
    public void While_a_break_lasts_no_review_is_due()
    {
        LearningBreak[] breaks = [new(D(2025, 10, 1), null)];

        Assert.That(ProgressReviewRules.NextDue(D(2025, 8, 1), D(2025, 8, 1), null, breaks), Is.Null);
    }
}
