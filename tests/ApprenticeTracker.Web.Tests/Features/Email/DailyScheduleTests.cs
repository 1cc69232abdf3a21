using ApprenticeTracker.Web.Features.Email;

namespace ApprenticeTracker.Web.Tests.Features.Email;

/// <summary>When the daily job next runs: a time of day in the United Kingdom, through the changes of the clocks.</summary>
public sealed class DailyScheduleTests
{
    [Test]
    public void Before_the_time_it_runs_today()
    {
        var next = DailyMailJob.NextRun(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero), new TimeOnly(7, 0));

        Assert.That(next, Is.EqualTo(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void At_or_after_the_time_it_runs_tomorrow()
    {
        var next = DailyMailJob.NextRun(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero), new TimeOnly(7, 0));

        Assert.That(next, Is.EqualTo(new DateTimeOffset(2026, 12, 8, 7, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void In_summer_seven_in_the_morning_is_six_o_clock_utc()
    {
        var next = DailyMailJob.NextRun(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero), new TimeOnly(7, 0));

        Assert.That(next, Is.EqualTo(new DateTimeOffset(2026, 7, 2, 6, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void A_time_the_clocks_skip_runs_an_hour_later()
    {
        // 29 March 2026: the clocks go from 01:00 to 02:00, so 01:30 does not happen; 02:30 BST is 01:30 UTC.
        var next = DailyMailJob.NextRun(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), new TimeOnly(1, 30));

        Assert.That(next, Is.EqualTo(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero)));
    }
}
