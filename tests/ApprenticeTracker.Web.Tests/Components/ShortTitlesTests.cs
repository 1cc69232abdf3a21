using ApprenticeTracker.Web.Components;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.Components;

public sealed class ShortTitlesTests
{
    [TestCase(0, "Practice according to the legal…")]
    [TestCase(1, "Provide, plan, monitor, assess and troubleshoot…")]
    [TestCase(3, "Communicate with others using techniques that…")]
    [TestCase(4, "Lead and support colleagues to work in…")]
    [TestCase(5, "Maintain a healthy, safe and secure workplace…")]
    [TestCase(6, "Monitor the quality of service…")]
    public void A_duty_s_short_title_is_its_opening_cut_at_a_word_with_an_ellipsis(int duty, string expected)
    {
        var title = ShortTitles.For(St0413.Duties[duty]);

        Assert.That(title, Is.EqualTo(expected));
    }

    [Test]
    public void Every_ST0413_short_title_fits_and_ends_at_a_whole_word()
    {
        var titles = St0413.Duties.Select(ShortTitles.For).ToList();

        Assert.That(titles, Has.All.Length.LessThanOrEqualTo(ShortTitles.MaxLength + 1));
        Assert.That(titles.Select((t, i) => St0413.Duties[i].StartsWith(t.TrimEnd('…'), StringComparison.Ordinal)), Has.All.True);
        Assert.That(titles.Select(t => t.TrimEnd('…')), Has.None.EndsWith(" ").And.None.EndsWith(","));
    }

    [Test]
    public void A_short_statement_is_its_own_title()
    {
        Assert.That(ShortTitles.For("Communicate with others."), Is.EqualTo("Communicate with others"));
    }
}
