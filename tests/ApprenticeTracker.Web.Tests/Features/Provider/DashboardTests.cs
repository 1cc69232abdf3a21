using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.OffTheJob;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Features.Reports;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>The cohort dashboard and its CSV export through the real pipeline, on the demo data.</summary>
public sealed class DashboardTests : SeededAppFixture
{
    [Test]
    public async Task Each_row_has_a_cell_per_duty_that_says_in_words_what_it_shows()
    {
        using var client = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Dashboard));

        var row = page.QuerySelectorAll(".heat-map tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Łucja Wójcik");
        var cells = row.QuerySelectorAll("td.heat-cell").ToList();
        Assert.That(cells, Has.Count.EqualTo(10));
        Assert.That(cells.Count(c => c.ClassList.Contains("heat-signed-off")), Is.EqualTo(6));
        Assert.That(cells.Select(c => c.QuerySelector(".visually-hidden")!.TextContent), Has.All.Match("^D\\d+: "));
        Assert.That(row.TextContent, Does.Contain("6 of 10"));
        Assert.That(page.QuerySelector("#heat-map-legend")!.TextContent, Does.Contain("signed off").And.Contain("accepted").And.Contain("no evidence"));
    }

    [Test]
    public async Task The_status_filter_is_a_linkable_get_query()
    {
        using var client = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Dashboard + "?status=Gateway"));

        var names = page.QuerySelectorAll(".heat-map tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "Siobhán Ó Súilleabháin" }));
        Assert.That(page.QuerySelector("#filter-status option[selected]")?.GetAttribute("value"), Is.EqualTo("Gateway"));
        Assert.That(page.QuerySelector("a[download]")?.GetAttribute("href"), Is.EqualTo(ProviderRoutes.DashboardCsv + "?status=Gateway"));
    }

    [Test]
    public async Task The_cohort_and_assessor_filters_narrow_the_rows()
    {
        using var client = await SignInAsProviderAdminAsync();
        var all = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Dashboard));
        var cohort = all.QuerySelectorAll("#filter-cohort option")[^1].GetAttribute("value");
        var grace = all.QuerySelectorAll("#filter-assessor option").Single(o => o.TextContent == "Grace Adeyemi").GetAttribute("value");

        var byCohort = await AppFactory.ParseAsync(await client.GetAsync($"{ProviderRoutes.Dashboard}?cohort={cohort}"));
        var byAssessor = await AppFactory.ParseAsync(await client.GetAsync($"{ProviderRoutes.Dashboard}?assessor={grace}"));

        Assert.That(byCohort.QuerySelectorAll(".heat-map tbody tr"), Has.Length.EqualTo(10));
        Assert.That(byAssessor.QuerySelectorAll(".heat-map tbody tr td:nth-child(4)").Select(td => td.TextContent), Has.All.Contain("Grace Adeyemi"));
        Assert.That(byAssessor.QuerySelectorAll(".heat-map tbody tr"), Has.Length.EqualTo(12));
    }

    [Test]
    public async Task Filtered_to_one_cohort_the_dashboard_offers_a_zip_of_that_cohorts_reports()
    {
        using var client = await SignInAsProviderAdminAsync();
        var all = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Dashboard));
        var cohort = all.QuerySelectorAll("#filter-cohort option")[^1].GetAttribute("value");

        var byCohort = await AppFactory.ParseAsync(await client.GetAsync($"{ProviderRoutes.Dashboard}?cohort={cohort}"));
        var link = byCohort.QuerySelectorAll("a[href$='.zip']").Select(a => a.GetAttribute("href")).ToList();
        using var zip = await client.GetAsync(link.Single());
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());

        Assert.That(all.QuerySelectorAll("a[href$='.zip']"), Is.Empty);
        Assert.That(link, Is.EqualTo(new[] { ReportsRoutes.CohortZip(Guid.Parse(cohort!)) }));
        Assert.That(zip.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
        Assert.That(archive.Entries, Has.Count.EqualTo(byCohort.QuerySelectorAll(".heat-map tbody tr").Length));
    }

    [Test]
    public async Task Sorting_by_progress_puts_the_most_duties_signed_off_first()
    {
        using var client = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Dashboard + "?sort=progress"));

        var signedOff = page.QuerySelectorAll(".heat-map tbody tr td:nth-child(6)").Select(td => int.Parse(td.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(signedOff, Is.Ordered.Descending);
        Assert.That(signedOff[0], Is.EqualTo(10));
    }

    [Test]
    public async Task A_heat_map_cell_is_its_symbol_and_its_words_and_the_page_stays_within_its_size_budget()
    {
        using var client = await SignInAsProviderAdminAsync();

        using var response = await client.GetAsync(ProviderRoutes.Dashboard);
        var html = await response.Content.ReadAsByteArrayAsync();
        var page = await new HtmlParser().ParseDocumentAsync(Encoding.UTF8.GetString(html));

        // Decision 81: no tooltip repeating the words, no attribute repeating the class, no scoped-CSS attribute.
        var cell = page.QuerySelector(".heat-map td.heat-cell")!;
        Assert.That(cell.Attributes.Select(a => a.Name), Is.EqualTo(new[] { "class" }));
        Assert.That(cell.Children.Select(c => c.LocalName), Is.EqualTo(new[] { "span", "span" }));
        Assert.That(cell.Children[0].GetAttribute("aria-hidden"), Is.EqualTo("true"));
        Assert.That(cell.Children[1].ClassName, Is.EqualTo("visually-hidden"));
        Assert.That(html, Has.Length.LessThanOrEqualTo(70 * 1024), "the dashboard of the demo data's 20 apprentices was 88 KB before decision 81 and 57 KB after");
    }

    [Test]
    public async Task The_coverage_chart_is_an_svg_image_with_a_table_of_its_figures()
    {
        using var client = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Dashboard));

        var svg = page.QuerySelector("svg[role=img]");
        Assert.That(svg?.GetAttribute("aria-label"), Does.StartWith("Duty coverage of 20 apprentices"));
        Assert.That(svg!.QuerySelectorAll("rect.bar"), Has.Length.EqualTo(30));
        Assert.That(page.QuerySelectorAll(".coverage-table tbody tr"), Has.Length.EqualTo(10));
    }

    [Test]
    public async Task The_csv_export_is_utf8_with_a_byte_order_mark_one_row_per_apprentice_with_the_duties_in_words()
    {
        using var client = await SignInAsProviderAdminAsync();

        using var response = await client.GetAsync(ProviderRoutes.DashboardCsv);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(lines[0], Is.EqualTo("Apprentice,ULN,Cohort,Employer,Assessors,Status,Duties signed off,Duties,Last evidence,"
            + "Off-the-job planned hours,Off-the-job approved hours,Off-the-job waiting hours,Off-the-job planned to date hours,Last progress review,Next progress review due,Progress review overdue days,D1,D2,D3,D4,D5,D6,D7,D8,D9,D10"));
        Assert.That(lines, Has.Length.EqualTo(21));
        var lucja = lines.Single(l => l.StartsWith("Łucja Wójcik,", StringComparison.Ordinal));
        Assert.That(lucja.Split(',').Count(c => c.StartsWith("Signed off", StringComparison.Ordinal)), Is.EqualTo(6));
    }

    [Test]
    public async Task The_csv_export_follows_the_filters()
    {
        using var client = await SignInAsProviderAdminAsync();

        var csv = await client.GetStringAsync(ProviderRoutes.DashboardCsv + "?status=Gateway");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[1], Does.StartWith("Siobhán Ó Súilleabháin,"));
    }

    [Test]
    public async Task The_csv_gives_the_off_the_job_hours_as_numbers()
    {
        var (approved, waiting) = await OffTheJobMinutesAsync(DemoDataSeeder.ApprenticeEmail);
        using var client = await SignInAsProviderAdminAsync();

        var csv = await client.GetStringAsync(ProviderRoutes.DashboardCsv);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headings = lines[0].TrimStart('\uFEFF').Split(',');
        var lucja = lines.Single(l => l.StartsWith("Łucja Wójcik,", StringComparison.Ordinal)).Split(',');
        decimal Cell(string heading) => decimal.Parse(lucja[Array.IndexOf(headings, heading)], CultureInfo.InvariantCulture);
        Assert.That(Cell("Off-the-job approved hours"), Is.EqualTo(Math.Round(approved / 60m, 2)));
        Assert.That(Cell("Off-the-job waiting hours"), Is.EqualTo(Math.Round(waiting / 60m, 2)));
        Assert.That(Cell("Off-the-job planned hours"), Is.GreaterThan(Cell("Off-the-job planned to date hours")));
    }

    [Test]
    public async Task Behind_on_off_the_job_keeps_exactly_the_active_apprentices_more_than_10_percent_behind_the_plan_to_date()
    {
        var expected = await FactoryQueryAsync(async (db, today) =>
        {
            var names = new List<string>();
            // The demo apprentice is of the demo provider's organisation.
            var providerA = await (from e in db.Enrolments join a in db.Apprentices on e.ApprenticeId equals a.Id
                                   where a.Email == DemoDataSeeder.ApprenticeEmail select e.TrainingProviderId).SingleAsync();
            var rows = await (from e in db.Enrolments join a in db.Apprentices on e.ApprenticeId equals a.Id
                              where e.Status == EnrolmentStatus.Active && e.TrainingProviderId == providerA
                              select new { e.Id, a.GivenName, a.FamilyName, a.NameOrder }).ToListAsync();
            foreach (var row in rows)
            {
                var progress = (await OffTheJobReader.ProgressAsync(db, row.Id, today, CancellationToken.None))!;
                if (progress.Shortfall > 0.10m)
                {
                    names.Add(PersonName.Full(row.GivenName, row.FamilyName, row.NameOrder));
                }
            }

            return names;
        });
        using var client = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Dashboard + "?otj=behind"));

        var names = page.QuerySelectorAll(".heat-map tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.That(expected, Is.Not.Empty, "The demo data has apprentices behind on off-the-job training, or this test proves nothing.");
        Assert.That(names, Is.EquivalentTo(expected));
        Assert.That(page.QuerySelectorAll(".heat-map tbody .otj-behind").Length, Is.EqualTo(expected.Count));
        Assert.That(page.QuerySelector("#filter-otj option[selected]")?.GetAttribute("value"), Is.EqualTo("behind"));
        Assert.That(page.QuerySelector("a[download]")?.GetAttribute("href"), Is.EqualTo(ProviderRoutes.DashboardCsv + "?otj=behind"));
    }

    private Task<(int Approved, int Waiting)> OffTheJobMinutesAsync(string email) => FactoryQueryAsync(async (db, _) =>
    {
        var id = await (from e in db.Enrolments join a in db.Apprentices on e.ApprenticeId equals a.Id where a.Email == email select e.Id).SingleAsync();
        var entries = db.OffTheJobEntries.Where(x => x.EnrolmentId == id);
        return (await entries.Where(x => x.Status == OffTheJobEntryStatus.Approved).SumAsync(x => x.Minutes),
            await entries.Where(x => x.Status == OffTheJobEntryStatus.Waiting).SumAsync(x => x.Minutes));
    });

    private async Task<T> FactoryQueryAsync<T>(Func<AppDbContext, DateOnly, Task<T>> query)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db, ServiceClock.DateOf(Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
    }
}
