using AngleSharp.Html.Dom;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

/// <summary>
/// The review queue's filters as a browser without JavaScript uses them: a GET form whose choices land in the address,
/// and the page rendered for that address. The same rendering a circuit filters in place (ReviewQueueViewTests).
/// </summary>
public sealed class ReviewQueueFilterTests : SeededAppFixture
{
    private HttpClient _assessor = null!;

    [OneTimeSetUp]
    public async Task SignInTheDemoAssessor() => _assessor = await SignInAsAssessorAsync();

    [OneTimeTearDown]
    public void SignOut() => _assessor.Dispose();

    [Test]
    public async Task The_filters_are_a_form_that_gets_the_queue_with_its_choices_in_the_address()
    {
        var page = await QueueAsync(ReviewQueueFilter.None);

        var form = page.QuerySelector("form[aria-label='Filter the review queue']") as IHtmlFormElement;
        Assert.That(form, Is.Not.Null);
        Assert.That(form!.Method, Is.EqualTo("get"));
        Assert.That(form.GetAttribute("action"), Is.EqualTo(AssessorRoutes.Reviews));
        Assert.That(form.QuerySelectorAll("select").Select(s => s.GetAttribute("name")), Is.EqualTo(new[] { "apprentice", "duty", "age" }));
        Assert.That(form.QuerySelector("button[type=submit]")?.TextContent.Trim(), Is.EqualTo("Apply"));
        Assert.That(Options(page, "queue-age"), Is.EqualTo(new[] { "Any time", "Waiting 1 week or more", "Waiting 2 weeks or more", "Waiting 4 weeks or more" }));
    }

    [Test]
    public async Task Filtered_by_an_apprentice_the_queue_lists_only_their_waiting_items_and_keeps_the_choice()
    {
        var all = await QueueAsync(ReviewQueueFilter.None);
        var enrolment = Guid.Parse(OptionValues(all, "queue-apprentice").First());
        var waiting = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(e => e.EnrolmentId == enrolment && e.Status == Domain.Evidence.EvidenceStatus.Submitted)
            .Select(e => e.Title)
            .ToListAsync());

        var page = await QueueAsync(new ReviewQueueFilter(enrolment, null, null));

        Assert.That(Titles(page), Is.EquivalentTo(waiting));
        Assert.That(Rows(page).Select(r => r.QuerySelector("td[data-label=Apprentice] a")!.GetAttribute("href")).Distinct(), Is.EqualTo(new[] { AssessorRoutes.Apprentice(enrolment) }));
        Assert.That(Selected(page, "queue-apprentice"), Is.EqualTo(enrolment.ToString()));
        Assert.That(page.QuerySelector("p[role=status]")!.TextContent, Does.StartWith($"Showing {waiting.Count} of the {Rows(all).Count} items"));
        Assert.That(page.QuerySelector("a.btn-link")?.GetAttribute("href"), Is.EqualTo(AssessorRoutes.Reviews));
    }

    [Test]
    public async Task Filtered_by_a_duty_the_queue_lists_only_the_items_that_evidence_it()
    {
        var all = await QueueAsync(ReviewQueueFilter.None);
        var duty = Guid.Parse(OptionValues(all, "queue-duty").Last());
        var evidencing = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(e => e.Status == Domain.Evidence.EvidenceStatus.Submitted && e.Duties.Any(d => d.DutyId == duty))
            .Select(e => e.Title)
            .ToListAsync());

        var page = await QueueAsync(new ReviewQueueFilter(null, duty, null));

        Assert.That(Titles(page), Is.Not.Empty);
        Assert.That(Titles(page), Is.SubsetOf(evidencing));
        Assert.That(Selected(page, "queue-duty"), Is.EqualTo(duty.ToString()));
    }

    [Test]
    public async Task Filtered_by_age_the_queue_lists_only_the_items_waiting_at_least_that_long()
    {
        var all = await QueueAsync(ReviewQueueFilter.None);
        var longWaiting = Rows(all).Where(r => DaysWaiting(r) >= 7).Select(Title).ToList();

        var page = await QueueAsync(new ReviewQueueFilter(null, null, 7));

        Assert.That(Titles(page), Is.EqualTo(longWaiting));
        Assert.That(Selected(page, "queue-age"), Is.EqualTo("7"));
    }

    [Test]
    public async Task Another_provider_s_apprentice_in_the_address_shows_nothing_of_theirs()
    {
        var others = await Factory.OtherProvidersEnrolmentAsync();
        var theirTitles = await Factory.QueryAsync(db => db.EvidenceItems.Where(e => e.EnrolmentId == others).Select(e => e.Title).ToListAsync());

        var page = await QueueAsync(new ReviewQueueFilter(others, null, null));

        Assert.That(Rows(page), Is.Empty);
        Assert.That(page.QuerySelector(".empty-state h2")?.TextContent, Is.EqualTo("No waiting item matches these filters"));
        Assert.That(OptionValues(page, "queue-apprentice"), Does.Not.Contain(others.ToString()));
        Assert.That(page.Body!.TextContent, Does.Not.Contain(theirTitles.FirstOrDefault() ?? "never"));
    }

    [Test]
    public async Task A_value_in_the_address_that_means_nothing_is_ignored()
    {
        var all = await QueueAsync(ReviewQueueFilter.None);

        var page = await AppFactory.ParseAsync(await _assessor.GetAsync($"{AssessorRoutes.Reviews}?apprentice=someone&duty=D1&age=3"));

        Assert.That(Titles(page), Is.EqualTo(Titles(all)));
        Assert.That(page.QuerySelector("a.btn-link"), Is.Null);
    }

    private async Task<IHtmlDocument> QueueAsync(ReviewQueueFilter filter)
    {
        using var response = await _assessor.GetAsync(filter.Link());
        Assert.That(response.IsSuccessStatusCode, Is.True, filter.Link());
        return await AppFactory.ParseAsync(response);
    }

    private static List<AngleSharp.Dom.IElement> Rows(IHtmlDocument page) => page.QuerySelectorAll("tbody tr").ToList();

    private static List<string> Titles(IHtmlDocument page) => Rows(page).Select(Title).ToList();

    private static string Title(AngleSharp.Dom.IElement row) => row.QuerySelector("th a")!.TextContent.Trim();

    private static int DaysWaiting(AngleSharp.Dom.IElement row) =>
        int.Parse(row.QuerySelector("td[data-label=Waiting]")!.TextContent.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Options(IHtmlDocument page, string select) =>
        page.QuerySelectorAll($"#{select} option").Select(o => o.TextContent.Trim()).ToList();

    private static List<string> OptionValues(IHtmlDocument page, string select) =>
        page.QuerySelectorAll($"#{select} option").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).ToList();

    private static string? Selected(IHtmlDocument page, string select) =>
        page.QuerySelectorAll($"#{select} option").SingleOrDefault(o => o.HasAttribute("selected"))?.GetAttribute("value");
}
