namespace ApprenticeTracker.Domain.Tests.Common;

/// <summary>The one way dates are shown to people.</summary>
public class DatesTests
{
    [Test]
    public void A_date_is_shown_as_day_short_month_and_year()
    {
        Assert.That(Dates.Display(new DateOnly(2026, 11, 21)), Is.EqualTo("21 Nov 2026"));
    }

    [Test]
    public void A_single_digit_day_has_no_leading_zero()
    {
        Assert.That(Dates.Display(new DateOnly(2026, 5, 1)), Is.EqualTo("1 May 2026"));
    }

    [Test]
    public void An_instant_is_shown_as_its_date()
    {
        Assert.That(Dates.Display(new DateTimeOffset(2026, 11, 21, 23, 30, 0, TimeSpan.Zero)), Is.EqualTo("21 Nov 2026"));
    }

    [Test]
    [SetCulture("de-DE")]
    public void The_display_does_not_follow_the_current_culture()
    {
        Assert.That(Dates.Display(new DateOnly(2026, 3, 21)), Is.EqualTo("21 Mar 2026"));
    }

    [Test]
    public void A_start_after_today_reads_starts_and_one_on_or_before_today_reads_started()
    {
        var today = new DateOnly(2026, 12, 7);

        Assert.That(Dates.Started(new DateOnly(2027, 1, 4), today), Is.EqualTo("starts 4 Jan 2027"));
        Assert.That(Dates.Started(today, today), Is.EqualTo("started 7 Dec 2026"));
    }
}
