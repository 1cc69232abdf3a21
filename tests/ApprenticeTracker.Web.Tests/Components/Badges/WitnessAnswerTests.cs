using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Web.Components.Badges;
using ApprenticeTracker.Web.Tests.Infrastructure;

namespace ApprenticeTracker.Web.Tests.Components.Badges;

/// <summary>The witness of a testimony and their answer, in the words every role reads.</summary>
public sealed class WitnessAnswerTests
{
    private static readonly DateTimeOffset Answered = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_declined_testimony_shows_the_witness_the_date_and_the_reason()
    {
        var page = await RenderAsync("Zoë Hartley, Workplace mentor", WitnessResponse.Declined, Answered, "I was not on the ward that day.");

        var answer = page.QuerySelector("#witness-answer")!.TextContent;
        Assert.That(answer, Does.Contain("Zoë Hartley, Workplace mentor").And.Contain("Declined").And.Contain("21 Nov 2026").And.Contain("I was not on the ward that day."));
    }

    [Test]
    public async Task A_confirmed_testimony_shows_when_and_an_unanswered_one_says_so()
    {
        var confirmed = await RenderAsync("Zoë Hartley, Workplace mentor", WitnessResponse.Confirmed, Answered, null);
        var waiting = await RenderAsync("Zoë Hartley, Workplace mentor", null, null, null);

        Assert.That(confirmed.QuerySelector("#witness-answer")!.TextContent, Does.Contain("Confirmed").And.Contain("on 21 Nov 2026"));
        Assert.That(waiting.QuerySelector("#witness-answer")!.TextContent, Does.Contain("Not yet confirmed"));
    }

    [Test]
    public async Task Nothing_is_shown_when_no_witness_is_named()
    {
        var page = await RenderAsync(null, null, null, null);

        Assert.That(page.QuerySelector("dt"), Is.Null);
    }

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(string? name, WitnessResponse? response, DateTimeOffset? at, string? reason) =>
        ComponentRendering.RenderAsync<WitnessAnswer>(new()
        {
            [nameof(WitnessAnswer.Name)] = name,
            [nameof(WitnessAnswer.Response)] = response,
            [nameof(WitnessAnswer.RespondedAt)] = at,
            [nameof(WitnessAnswer.DeclineReason)] = reason,
        });
}
