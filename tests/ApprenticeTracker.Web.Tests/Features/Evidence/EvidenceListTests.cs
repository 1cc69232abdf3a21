using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>The evidence list: filters in the query string, sorting by activity date, 20 a page, empty states.</summary>
public sealed class EvidenceListTests : SeededAppFixture
{
    private HttpClient _client = null!;
    private IReadOnlyDictionary<string, Guid> _duties = null!;
    private List<(string Title, DateOnly Date, EvidenceStatus Status, EvidenceType Type)> _own = null!;

    [OneTimeSetUp]
    public async Task LogEnoughForTwoPages()
    {
        _client = await SignInAsApprenticeAsync();
        _duties = await DutyIdsAsync(_client);

        // The demo apprentice has about fifteen items; a dozen more makes two pages.
        for (var i = 1; i <= 12; i++)
        {
            using var saved = await PostFormAsync(_client, EvidenceRoutes.New, Fields($"Weekly log {i:00}", [_duties["D7"]], date: $"2026-0{1 + (i % 9)}-1{i % 10}", type: nameof(EvidenceType.CpdRecord)));
            SavedItemId(saved);
        }

        var apprentice = await DemoApprenticeIdAsync(Factory);
        _own = await QueryAsync(Factory, db => (
                from i in db.EvidenceItems
                join e in db.Enrolments on i.EnrolmentId equals e.Id
                where e.ApprenticeId == apprentice
                select new { i.Title, i.ActivityDate, i.Status, i.Type, i.CreatedAt })
            .ToListAsync()
            .ContinueWith(t => t.Result.OrderByDescending(x => x.ActivityDate).ThenByDescending(x => x.CreatedAt).Select(x => (x.Title, x.ActivityDate, x.Status, x.Type)).ToList()));
    }

    [OneTimeTearDown]
    public void SignOut() => _client.Dispose();

    [Test]
    public async Task The_list_shows_twenty_a_page_newest_activity_first()
    {
        var first = await PageAsync(EvidenceRoutes.List);
        var second = await PageAsync(EvidenceRoutes.List + "?page=2");

        Assert.That(Titles(first), Is.EqualTo(_own.Take(20).Select(o => o.Title)));
        Assert.That(Titles(second), Is.EqualTo(_own.Skip(20).Take(20).Select(o => o.Title)));
        Assert.That(first.QuerySelector("nav[aria-label='Pages of evidence'] [aria-current=page]")?.TextContent, Is.EqualTo("Page 1"));
        Assert.That(first.QuerySelector("a[rel=next]")?.GetAttribute("href"), Is.EqualTo(EvidenceRoutes.List + "?page=2"));
    }

    [Test]
    public async Task The_sort_link_turns_the_order_round_and_keeps_the_filters()
    {
        var newest = await PageAsync($"{EvidenceRoutes.List}?type=CpdRecord");
        var sortLink = newest.QuerySelector("th[aria-sort] a")!.GetAttribute("href")!;

        var oldest = await PageAsync(sortLink);

        var expected = _own.Where(o => o.Type == EvidenceType.CpdRecord).Reverse().Select(o => o.Title).Take(20);
        Assert.That(sortLink, Is.EqualTo(EvidenceRoutes.List + "?type=CpdRecord&sort=oldest"));
        Assert.That(Titles(oldest), Is.EqualTo(expected));
        Assert.That(oldest.QuerySelector("th[aria-sort]")?.GetAttribute("aria-sort"), Is.EqualTo("ascending"));
    }

    [Test]
    public async Task Filters_by_duty_status_and_type_come_from_the_query_string_and_stay_selected()
    {
        var page = await PageAsync($"{EvidenceRoutes.List}?duty={_duties["D7"]}&status=Draft&type=CpdRecord");

        Assert.That(Titles(page), Has.Length.EqualTo(12).And.All.StartWith("Weekly log"));
        Assert.That((page.QuerySelector("#filter-duty") as IHtmlSelectElement)?.Value, Is.EqualTo(_duties["D7"].ToString()));
        Assert.That((page.QuerySelector("#filter-status") as IHtmlSelectElement)?.Value, Is.EqualTo("Draft"));
        Assert.That((page.QuerySelector("#filter-type") as IHtmlSelectElement)?.Value, Is.EqualTo("CpdRecord"));
    }

    [Test]
    public async Task A_status_filter_shows_only_that_status()
    {
        var page = await PageAsync(EvidenceRoutes.List + "?status=Accepted");

        Assert.That(page.QuerySelectorAll("tbody .status-badge").Select(b => b.TextContent).Distinct(), Is.EqualTo(new[] { "Accepted" }));
        Assert.That(Titles(page), Has.Length.EqualTo(Math.Min(20, _own.Count(o => o.Status == EvidenceStatus.Accepted))));
    }

    [Test]
    public async Task Filters_that_match_nothing_say_so_and_offer_to_clear_them()
    {
        var page = await PageAsync($"{EvidenceRoutes.List}?duty={_duties["D7"]}&type=Recording&status=Accepted");

        Assert.That(page.QuerySelector(".empty-state h2")?.TextContent, Is.EqualTo("No evidence matches these filters"));
        Assert.That(page.QuerySelectorAll(".empty-state a").Select(a => a.GetAttribute("href")), Does.Contain(EvidenceRoutes.List));
    }

    [Test]
    public async Task Nonsense_in_the_query_string_is_ignored_not_an_error()
    {
        using var response = await _client.GetAsync(EvidenceRoutes.List + "?duty=nonsense&status=7&type=Executable&page=-3&sort=sideways");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Titles(await AppFactory.ParseAsync(response)), Is.EqualTo(_own.Take(20).Select(o => o.Title)));
    }

    [Test]
    public async Task An_apprentice_with_no_evidence_is_invited_to_log_their_first()
    {
        var apprentice = await QueryAsync(Factory, db => db.Apprentices.Where(a => a.GivenName == "Chidi").Select(a => a.Email).SingleAsync());
        await QueryAsync(Factory, async db =>
        {
            // A fresh apprentice: the demo gives everyone evidence, so this one's is taken away.
            var items = await (from i in db.EvidenceItems join e in db.Enrolments on i.EnrolmentId equals e.Id join a in db.Apprentices on e.ApprenticeId equals a.Id where a.Email == apprentice select i).ToListAsync();
            var signOffs = await (from s in db.DutySignOffs join e in db.Enrolments on s.EnrolmentId equals e.Id join a in db.Apprentices on e.ApprenticeId equals a.Id where a.Email == apprentice select s).ToListAsync();
            Assert.That(signOffs, Is.Empty);
            db.EvidenceItems.RemoveRange(items);
            return await db.SaveChangesAsync();
        });
        using var client = await SignInAsync(apprentice);

        var page = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.List));

        Assert.That(page.QuerySelector(".empty-state a")?.TextContent, Is.EqualTo("Log your first evidence"));
        Assert.That(page.QuerySelector(".empty-state a")?.GetAttribute("href"), Is.EqualTo(EvidenceRoutes.New));
        Assert.That(page.QuerySelector("table"), Is.Null);
    }

    private async Task<IHtmlDocument> PageAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return await AppFactory.ParseAsync(response);
    }

    private static string[] Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("table.evidence-list tbody th a").Select(a => a.TextContent).ToArray();
}
