using System.Globalization;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.OffTheJob;

/// <summary>
/// Issue 13's "done when", end to end through real HTTP on the demo data: the apprentice logs an hour of shadowing and
/// sees it wait, the assessor approves it, and the chart, the caseload, the dashboard, its CSV and the EPA report all
/// count it.
/// </summary>
public sealed class OffTheJobJourneyTests : SeededAppFixture
{
    [Test]
    public async Task An_hour_of_shadowing_logged_waits_then_once_approved_shows_on_every_page_that_counts_off_the_job_hours()
    {
        var (enrolmentId, approvedBefore) = await QueryAsync(async db =>
        {
            var id = await (from e in db.Enrolments join a in db.Apprentices on e.ApprenticeId equals a.Id
                            where a.Email == DemoDataSeeder.ApprenticeEmail select e.Id).SingleAsync();
            return (id, await db.OffTheJobEntries.Where(x => x.EnrolmentId == id && x.Status == OffTheJobEntryStatus.Approved).SumAsync(x => x.Minutes));
        });
        var approvedAfter = OffTheJobRules.Hours(approvedBefore + 60);
        using var apprentice = await SignInAsApprenticeAsync();
        var today = ServiceClock.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var waitingBefore = Number((await AppFactory.ParseAsync(await apprentice.GetAsync("/off-the-job"))).QuerySelector("#otj-waiting")!.TextContent);

        using (await PostFormAsync(apprentice, "/off-the-job/new",
            [new("Form.ActivityDate", today), new("Form.Hours", "1"), new("Form.Minutes", "0"), new("Form.Kind", "Shadowing"), new("Form.WhatWasLearnt", "Shadowed the sleep clinic's overnight set-up.")])) { }
        var waiting = await AppFactory.ParseAsync(await apprentice.GetAsync("/off-the-job"));
        Assert.That(Number(waiting.QuerySelector("#otj-waiting")!.TextContent), Is.EqualTo(waitingBefore + 1));
        var entryId = await QueryAsync(db => db.OffTheJobEntries.Where(x => x.WhatWasLearnt == "Shadowed the sleep clinic's overnight set-up.").Select(x => x.Id).SingleAsync());
        Assert.That(waiting.QuerySelector($"#entry-{entryId}")?.TextContent, Does.Contain("Waiting"));

        using var assessor = await SignInAsAssessorAsync();
        using (await PostFormAsync(assessor, $"/off-the-job/review/{entryId}", [new("Form.Decision", "approve")])) { }

        var chart = await AppFactory.ParseAsync(await apprentice.GetAsync("/off-the-job"));
        Assert.That(chart.QuerySelector("#otj-approved")?.TextContent.Trim(), Is.EqualTo(approvedAfter));
        Assert.That(chart.QuerySelector("figure.otj-chart svg polyline"), Is.Not.Null);
        Assert.That(chart.QuerySelector("details.otj-chart-table table")?.TextContent, Does.Contain(approvedAfter));

        var caseload = await AppFactory.ParseAsync(await assessor.GetAsync("/assessor"));
        Assert.That(caseload.QuerySelector($"td[data-label='Off-the-job hours'] a[href='/off-the-job/apprentices/{enrolmentId}']")?.TextContent.Trim(), Does.StartWith($"{approvedAfter} of "));

        using var provider = await SignInAsProviderAdminAsync();
        var dashboard = await AppFactory.ParseAsync(await provider.GetAsync("/provider"));
        var row = dashboard.QuerySelectorAll("table.heat-map tbody tr").Single(tr => tr.QuerySelector($"a[href='/provider/enrolments/{enrolmentId}']") is not null);
        Assert.That(row.QuerySelector("td.otj-hours")?.TextContent.Trim(), Does.StartWith($"{approvedAfter} of "));

        var csv = (await provider.GetStringAsync("/provider/dashboard.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headings = Cells(csv[0]);
        var line = Cells(csv.Single(l => l.Contains("Łucja Wójcik", StringComparison.Ordinal)));
        Assert.That(decimal.Parse(line[headings.IndexOf("Off-the-job approved hours")], CultureInfo.InvariantCulture), Is.EqualTo(Math.Round((approvedBefore + 60) / 60m, 2)));

        var report = await AppFactory.ParseAsync(await provider.GetAsync($"/reports/enrolments/{enrolmentId}"));
        Assert.That(report.QuerySelector("#report-otj-approved")?.TextContent.Trim(), Is.EqualTo(approvedAfter));
    }

    private static List<string> Cells(string line) => line.Split(',').Select(c => c.Trim('"')).ToList();

    private static decimal Number(string text) => decimal.Parse(text.Trim(), CultureInfo.InvariantCulture);

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
