using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Tests.Infrastructure;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

public sealed class CaseloadTableTests
{
    [Test]
    public async Task Each_apprentice_is_a_row_headed_by_their_name_linking_to_their_overview_in_the_order_given()
    {
        var red = Row("Łucja Wójcik", CaseloadRag.Red);
        var green = Row("Emily Clarke", CaseloadRag.Green);

        var page = await RenderAsync(red, green);

        var headers = page.QuerySelectorAll("tbody th[scope=row] a").ToList();
        Assert.That(headers.Select(a => a.TextContent), Is.EqualTo(new[] { "Łucja Wójcik", "Emily Clarke" }));
        Assert.That(headers[0].GetAttribute("href"), Is.EqualTo(AssessorRoutes.Apprentice(red.EnrolmentId)));
    }

    [TestCase(CaseloadRag.Red, "Red", "bi-exclamation-octagon-fill")]
    [TestCase(CaseloadRag.Amber, "Amber", "bi-exclamation-triangle-fill")]
    [TestCase(CaseloadRag.Green, "Green", "bi-check-circle-fill")]
    public async Task The_status_is_written_as_a_word_with_an_icon_not_shown_by_colour_alone(CaseloadRag rag, string word, string icon)
    {
        var page = await RenderAsync(Row("Emily Clarke", rag));

        var badge = page.QuerySelector("td[data-label=Attention] .badge");
        Assert.That(badge?.TextContent.Trim(), Is.EqualTo(word));
        Assert.That(badge?.QuerySelector($"i.{icon}[aria-hidden=true]"), Is.Not.Null);
    }

    [Test]
    public async Task Progress_is_a_bar_with_its_values_and_the_same_figures_in_words()
    {
        var page = await RenderAsync(Row("Emily Clarke", CaseloadRag.Green, signedOff: 6));

        var cell = page.QuerySelector("td[data-label=Progress]")!;
        var bar = cell.QuerySelector("[role=progressbar]")!;
        Assert.That(bar.GetAttribute("aria-valuenow"), Is.EqualTo("6"));
        Assert.That(bar.GetAttribute("aria-valuemax"), Is.EqualTo("10"));
        Assert.That(bar.QuerySelector(".progress-bar")?.ClassList, Does.Contain("width-percent-60"));
        Assert.That(cell.TextContent, Does.Contain("6 of 10 duties signed off"));
    }

    [Test]
    public async Task Waiting_items_show_how_long_the_longest_has_waited_and_dates_read_as_people_write_them()
    {
        var row = Row("Emily Clarke", CaseloadRag.Amber, waiting: 2, longestWait: 9, lastSubmitted: new DateTimeOffset(2026, 11, 12, 17, 0, 0, TimeSpan.Zero));

        var page = await RenderAsync(row);

        Assert.That(page.QuerySelector("td[data-label='Waiting for review']")?.TextContent, Does.Contain("2").And.Contain("longest 9 days"));
        Assert.That(page.QuerySelector("td[data-label='Last submission']")?.TextContent, Is.EqualTo("12 Nov 2026"));
    }

    [Test]
    public async Task An_apprentice_who_never_submitted_and_has_no_cohort_says_so_in_words()
    {
        var page = await RenderAsync(Row("Chidi Okonkwo", CaseloadRag.Red, cohort: null, lastSubmitted: null));

        Assert.That(page.QuerySelector("td[data-label='Last submission']")?.TextContent, Is.EqualTo("Never"));
        Assert.That(page.QuerySelector("td[data-label=Cohort]")?.TextContent, Is.EqualTo("None"));
        Assert.That(page.QuerySelector("td[data-label='Waiting for review']")?.TextContent.Trim(), Is.EqualTo("None"));
    }

    [Test]
    public async Task Every_column_has_a_header_cell_with_a_scope()
    {
        var page = await RenderAsync(Row("Emily Clarke", CaseloadRag.Green));

        var columns = page.QuerySelectorAll("thead th").ToList();
        Assert.That(columns.Select(th => th.GetAttribute("scope")), Is.All.EqualTo("col"));
        Assert.That(columns.Select(th => th.TextContent), Is.EqualTo(new[]
        {
            "Apprentice", "Attention", "Progress", "Waiting for review", "Off-the-job hours", "Last submission", "Employer", "Cohort", "Standard", "Status",
        }));
    }

    private static CaseloadRow Row(
        string name, CaseloadRag rag, int signedOff = 3, int waiting = 0, int? longestWait = null, string? cohort = "September 2025",
        DateTimeOffset? lastSubmitted = null) => new()
        {
            EnrolmentId = Guid.NewGuid(),
            ApprenticeName = name,
            EmployerName = "Northbridge Teaching Hospitals NHS Foundation Trust",
            CohortName = cohort,
            Standard = "ST0413 v1.1",
            Status = EnrolmentStatus.Active,
            DutiesSignedOff = signedOff,
            TotalDuties = 10,
            WaitingForReview = waiting,
            LongestWaitDays = longestWait,
            LastSubmittedAt = lastSubmitted,
            Rag = rag,
        };

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(params CaseloadRow[] rows) =>
        ComponentRendering.RenderAsync<CaseloadTable>(new Dictionary<string, object?> { [nameof(CaseloadTable.Rows)] = rows });
}
