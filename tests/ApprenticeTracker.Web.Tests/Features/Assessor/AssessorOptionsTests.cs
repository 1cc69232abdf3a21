using ApprenticeTracker.Web.Features.Assessor;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

public sealed class AssessorOptionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly AssessorOptions _rule = new();

    [TestCase(0, CaseloadRag.Green)]
    [TestCase(27, CaseloadRag.Green)]
    [TestCase(28, CaseloadRag.Amber)]
    [TestCase(55, CaseloadRag.Amber)]
    [TestCase(56, CaseloadRag.Red)]
    public void Weeks_without_a_submission_turn_an_active_apprentice_amber_at_four_and_red_at_eight(int daysQuiet, CaseloadRag expected)
    {
        var rag = _rule.Classify(isActive: true, Now.AddDays(-daysQuiet), oldestWaitingSince: null, Now);

        Assert.That(rag, Is.EqualTo(expected));
    }

    [TestCase(7, CaseloadRag.Green)]
    [TestCase(8, CaseloadRag.Amber)]
    [TestCase(14, CaseloadRag.Amber)]
    [TestCase(15, CaseloadRag.Red)]
    public void An_item_waiting_over_seven_days_is_amber_and_over_fourteen_red(int daysWaiting, CaseloadRag expected)
    {
        var rag = _rule.Classify(isActive: true, Now.AddDays(-daysWaiting), Now.AddDays(-daysWaiting), Now);

        Assert.That(rag, Is.EqualTo(expected));
    }

    [Test]
    public void Silence_does_not_count_against_an_apprentice_who_is_not_in_learning()
    {
        var rag = _rule.Classify(isActive: false, Now.AddDays(-200), oldestWaitingSince: null, Now);

        Assert.That(rag, Is.EqualTo(CaseloadRag.Green));
    }

    [Test]
    public void A_waiting_item_counts_whatever_the_apprenticeship_status()
    {
        var rag = _rule.Classify(isActive: false, Now.AddDays(-20), Now.AddDays(-20), Now);

        Assert.That(rag, Is.EqualTo(CaseloadRag.Red));
    }

    [Test]
    public void The_rule_in_words_is_written_from_the_thresholds()
    {
        var rule = new AssessorOptions { RedAfterWeeksWithoutSubmission = 10, RedAfterDaysWaiting = 21, AmberAfterWeeksWithoutSubmission = 5, AmberAfterDaysWaiting = 10 };

        Assert.That(rule.RedRule, Is.EqualTo("nothing submitted for 10 weeks, or an item waiting over 21 days"));
        Assert.That(rule.AmberRule, Is.EqualTo("nothing submitted for 5 weeks, or an item waiting over 10 days"));
    }
}
