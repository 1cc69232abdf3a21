using ApprenticeTracker.Web.Components;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Tests.Infrastructure;

namespace ApprenticeTracker.Web.Tests.Features.Portfolio;

public sealed class DutyGridTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Each_duty_is_a_tile_with_its_code_short_title_and_a_link_to_its_page()
    {
        var duties = Duties();

        var page = await RenderAsync(duties);

        var headings = page.QuerySelectorAll(".duty-tile h3 a").ToList();
        Assert.That(headings.Select(h => h.TextContent.Trim()), Is.EqualTo(new[] { "D1 Practice according to the legal…", "D2 Communicate with others" }));
        Assert.That(headings.Select(h => h.GetAttribute("href")), Is.EqualTo(duties.Select(d => PortfolioRoutes.Duty(d.DutyId))));
    }

    [Test]
    public async Task The_full_statement_is_one_click_away()
    {
        var page = await RenderAsync(Duties());

        Assert.That(page.QuerySelector(".duty-tile details p")?.TextContent, Is.EqualTo(St0413Duty1));
    }

    [Test]
    public async Task Evidence_counts_are_labelled_by_status()
    {
        var page = await RenderAsync(Duties());

        var counts = page.QuerySelectorAll(".duty-tile")[0].QuerySelectorAll(".evidence-counts div")
            .ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.That(counts, Is.EqualTo(new Dictionary<string, string> { ["Accepted"] = "3", ["Submitted"] = "2", ["Referred back"] = "1", ["Drafts"] = "4" }));
    }

    [Test]
    public async Task A_signed_off_duty_says_who_signed_it_and_when_in_words()
    {
        var page = await RenderAsync(Duties());

        var signOffs = page.QuerySelectorAll(".duty-tile .sign-off").Select(p => string.Join(" ", p.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.That(signOffs, Is.EqualTo(new[] { "Signed off by Grace Adeyemi on 4 Mar 2026", "Not signed off yet: no evidence yet" }));
    }

    private static readonly string St0413Duty1 = Support.St0413.Duties[0];

    private static List<DutyTile> Duties() =>
    [
        new(Guid.NewGuid(), "D1", ShortTitles.For(St0413Duty1), St0413Duty1, 4, 2, 3, 1, "Grace Adeyemi", SignedAt),
        new(Guid.NewGuid(), "D2", "Communicate with others", "Communicate with others", 0, 0, 0, 0, null, null),
    ];

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(IReadOnlyList<DutyTile> duties) =>
        ComponentRendering.RenderAsync<DutyGrid>(new() { [nameof(DutyGrid.Duties)] = duties });
}
