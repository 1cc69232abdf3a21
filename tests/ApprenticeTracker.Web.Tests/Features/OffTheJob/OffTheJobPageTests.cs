using System.Globalization;
using System.Net;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.OffTheJob;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Features.Reports;

namespace ApprenticeTracker.Web.Tests.Features.OffTheJob;

/// <summary>
/// Off-the-job training through real HTTP: the apprentice logs, the assessor approves, and every refusal and
/// permission of the pages.
/// </summary>
public sealed class OffTheJobPageTests : SeededAppFixture
{
    private static string Today => ServiceClock.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string>[] Entry(string? date = null, string hours = "1", string minutes = "0", string kind = "Shadowing", string learnt = "How the echo clinic triages referrals.") =>
    [
        new("Form.ActivityDate", date ?? Today), new("Form.Hours", hours), new("Form.Minutes", minutes), new("Form.Kind", kind), new("Form.WhatWasLearnt", learnt),
    ];

    [Test]
    public async Task An_hour_of_shadowing_logged_by_the_apprentice_waits_then_counts_once_the_assessor_approves_it()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var before = await FiguresAsync(apprentice);

        using var logged = await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry(learnt: "Shadowed the cardiac physiologist in the echo clinic."));
        Assert.That(logged.RedirectTarget(), Is.EqualTo(OffTheJobRoutes.Mine + "?saved=saved"));
        var waiting = await FiguresAsync(apprentice);
        Assert.That(waiting.Waiting, Is.EqualTo(before.Waiting + 1));
        Assert.That(waiting.Approved, Is.EqualTo(before.Approved));

        var entryId = await QueryAsync(db => db.OffTheJobEntries.Where(e => e.WhatWasLearnt == "Shadowed the cardiac physiologist in the echo clinic.").Select(e => e.Id).SingleAsync());
        using var assessor = await SignInAsAssessorAsync();
        var queue = await AppFactory.ParseAsync(await assessor.GetAsync(OffTheJobRoutes.Review));
        Assert.That(queue.QuerySelector($"a[href='{OffTheJobRoutes.Decide(entryId)}']"), Is.Not.Null);
        using var approved = await PostFormAsync(assessor, OffTheJobRoutes.Decide(entryId), [new("Form.Decision", OffTheJobDecisionFormValues.Approve)]);
        Assert.That(approved.RedirectTarget(), Is.EqualTo($"{OffTheJobRoutes.Decide(entryId)}?done=true"));

        var after = await FiguresAsync(apprentice);
        Assert.That(after.Approved, Is.EqualTo(before.Approved + 1));
        Assert.That(after.Waiting, Is.EqualTo(before.Waiting));
        var page = await AppFactory.ParseAsync(await apprentice.GetAsync(OffTheJobRoutes.Mine));
        Assert.That(page.QuerySelector("figure.otj-chart svg polyline"), Is.Not.Null);
        Assert.That(page.QuerySelector("details.otj-chart-table table tbody tr"), Is.Not.Null);
        var events = await QueryAsync(db => db.AuditEvents.Where(e => e.EntityId == entryId).Select(e => e.Action).ToListAsync());
        Assert.That(events, Is.EqualTo(new[] { "otj.logged", "otj.approved" }));
    }

    [TestCase("2999-01-01", "1", "0", "Shadowing", "x", "ActivityDate", "future")]
    [TestCase("2000-01-01", "1", "0", "Shadowing", "x", "ActivityDate", "before the apprenticeship started")]
    [TestCase(null, "0", "0", "Shadowing", "x", "Duration", "more than zero")]
    [TestCase(null, "12", "30", "Shadowing", "x", "Duration", "at most 12 hours")]
    [TestCase(null, "1", "0", "Induction", "x", "Kind", "Induction is not off-the-job training")]
    [TestCase(null, "1", "0", "EnglishAndMaths", "x", "Kind", "English and maths")]
    [TestCase(null, "1", "0", "Shadowing", " ", "WhatWasLearnt", "Enter what you learnt")]
    [TestCase("", "1", "0", "Shadowing", "x", "ActivityDate", "Enter the date")]
    public async Task A_refused_entry_shows_the_reason_at_its_field_and_saves_nothing(
        string? date, string hours, string minutes, string kind, string learnt, string field, string message)
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var count = await QueryAsync(db => db.OffTheJobEntries.CountAsync());

        using var response = await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry(date, hours, minutes, kind, learnt));

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector($"#{field}-error")?.TextContent, Does.Contain(message));
        Assert.That(await QueryAsync(db => db.OffTheJobEntries.CountAsync()), Is.EqualTo(count));
    }

    [Test]
    public async Task More_than_24_hours_on_one_day_is_refused_at_the_duration()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var day = ServiceClock.DateOf(DateTimeOffset.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry(day, "12"))) { }
        using (await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry(day, "11", "30"))) { }

        using var response = await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry(day, "1"));

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#Duration-error")?.TextContent, Does.Contain("at most 24 hours"));
    }

    [Test]
    public async Task A_query_without_a_reason_is_refused_at_the_reason_and_leaves_the_entry_waiting()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        using (await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry(learnt: "Ward round with the charge nurse."))) { }
        var entryId = await QueryAsync(db => db.OffTheJobEntries.Where(e => e.WhatWasLearnt == "Ward round with the charge nurse.").Select(e => e.Id).SingleAsync());
        using var assessor = await SignInAsAssessorAsync();

        using var response = await PostFormAsync(assessor, OffTheJobRoutes.Decide(entryId), [new("Form.Decision", OffTheJobDecisionFormValues.Query), new("Form.Reason", "  ")]);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("#Reason-error")?.TextContent, Does.Contain("reason"));
        Assert.That(await QueryAsync(db => db.OffTheJobEntries.Where(e => e.Id == entryId).Select(e => e.Status).SingleAsync()), Is.EqualTo(OffTheJobEntryStatus.Waiting));
    }

    [Test]
    public async Task A_queried_entry_shows_the_reason_to_the_apprentice_who_can_amend_and_resubmit_it()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        using (await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry(learnt: "Simulation suite: arrest scenario."))) { }
        var entryId = await QueryAsync(db => db.OffTheJobEntries.Where(e => e.WhatWasLearnt == "Simulation suite: arrest scenario.").Select(e => e.Id).SingleAsync());
        using var assessor = await SignInAsAssessorAsync();

        using var queried = await PostFormAsync(assessor, OffTheJobRoutes.Decide(entryId), [new("Form.Decision", OffTheJobDecisionFormValues.Query), new("Form.Reason", "Which scenario was it?")]);
        Assert.That(queried.RedirectTarget(), Is.EqualTo($"{OffTheJobRoutes.Decide(entryId)}?done=true"));

        var edit = await AppFactory.ParseAsync(await apprentice.GetAsync(OffTheJobRoutes.Edit(entryId)));
        Assert.That(edit.QuerySelector("main .alert-warning")?.TextContent, Does.Contain("Which scenario was it?"));
        using var amended = await PostFormAsync(apprentice, OffTheJobRoutes.Edit(entryId), Entry(learnt: "Simulation suite: adult arrest scenario, team roles."));
        Assert.That(amended.RedirectTarget(), Is.EqualTo(OffTheJobRoutes.Mine + "?saved=saved"));
        Assert.That(await QueryAsync(db => db.OffTheJobEntries.Where(e => e.Id == entryId).Select(e => e.Status).SingleAsync()), Is.EqualTo(OffTheJobEntryStatus.Waiting));
        var events = await QueryAsync(db => db.AuditEvents.Where(e => e.EntityId == entryId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.That(events, Is.EqualTo(new[] { "otj.logged", "otj.queried", "otj.resubmitted" }));
    }

    [Test]
    public async Task Approving_several_from_the_list_refuses_them_all_when_one_changed_since_the_list_was_opened()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        using (await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry(learnt: "Bulk one."))) { }
        using (await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry(learnt: "Bulk two."))) { }
        var ids = await QueryAsync(db => db.OffTheJobEntries.Where(e => e.WhatWasLearnt.StartsWith("Bulk ")).Select(e => new { e.Id, e.ConcurrencyStamp }).ToListAsync());
        using var assessor = await SignInAsAssessorAsync();
        var stale = ids.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}:{(i == ids[0] ? Guid.NewGuid() : i.ConcurrencyStamp)}")).ToArray();

        using var refused = await PostFormAsync(assessor, OffTheJobRoutes.Review, stale);
        Assert.That((await AppFactory.ParseAsync(refused)).QuerySelector(".error-summary")?.TextContent, Does.Contain("nothing was approved"));
        Assert.That(await ApprovedAsync(ids.Select(i => i.Id)), Is.Zero);

        var fresh = ids.Select(i => new KeyValuePair<string, string>("Selected", $"{i.Id}:{i.ConcurrencyStamp}")).ToArray();
        using var approved = await PostFormAsync(assessor, OffTheJobRoutes.Review, fresh);
        Assert.That(approved.RedirectTarget(), Is.EqualTo(OffTheJobRoutes.Review + "?approved=true"));
        Assert.That(await ApprovedAsync(ids.Select(i => i.Id)), Is.EqualTo(2));
    }

    [Test]
    public async Task Another_apprentice_s_entry_by_id_is_not_found_and_another_provider_cannot_see_or_decide_it()
    {
        var (enrolmentId, entryId) = await QueryAsync(async db =>
        {
            var other = await (from e in db.Enrolments join a in db.Apprentices on e.ApprenticeId equals a.Id
                               where a.Email != DemoDataSeeder.ApprenticeEmail && a.GivenName == "Ayşe" select e.Id).SingleAsync();
            var entry = await db.OffTheJobEntries.Where(x => x.EnrolmentId == other && x.Status == OffTheJobEntryStatus.Waiting).Select(x => x.Id).FirstAsync();
            return (other, entry);
        });
        using var apprentice = await SignInAsApprenticeAsync();
        using var providerB = await SignInAsProviderBAdminAsync();

        using var edit = await apprentice.GetAsync(OffTheJobRoutes.Edit(entryId));
        using var decide = await providerB.GetAsync(OffTheJobRoutes.Decide(entryId));
        using var view = await providerB.GetAsync(OffTheJobRoutes.Apprentice(enrolmentId));
        using var post = await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry());

        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(decide.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(view.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_report_preview_and_the_gateway_checklist_show_the_approved_hours_of_the_log()
    {
        var (enrolmentId, approved) = await QueryAsync(async db =>
        {
            var id = await (from e in db.Enrolments join a in db.Apprentices on e.ApprenticeId equals a.Id
                            where a.Email == DemoDataSeeder.ApprenticeEmail select e.Id).SingleAsync();
            return (id, await db.OffTheJobEntries.Where(x => x.EnrolmentId == id && x.Status == OffTheJobEntryStatus.Approved).SumAsync(x => x.Minutes));
        });
        using var provider = await SignInAsProviderAdminAsync();

        var report = await AppFactory.ParseAsync(await provider.GetAsync(ReportsRoutes.Preview(enrolmentId)));
        var enrolment = await AppFactory.ParseAsync(await provider.GetAsync(ProviderRoutes.Enrolment(enrolmentId)));

        Assert.That(report.QuerySelector("#report-otj-approved")?.TextContent.Trim(), Is.EqualTo(OffTheJobRules.Hours(approved)));
        var line = enrolment.QuerySelectorAll(".gateway-checklist li").SingleOrDefault(li => li.TextContent.Contains("Off-the-job training completed", StringComparison.Ordinal));
        Assert.That(line?.TextContent, Does.Contain($"{OffTheJobRules.Hours(approved)} of ").And.Contain("planned hours approved"));
    }

    [TestCase(OffTheJobRoutes.Review)]
    public async Task An_apprentice_cannot_open_the_approvals(string url)
    {
        using var apprentice = await SignInAsApprenticeAsync();

        using var response = await apprentice.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task An_assessor_cannot_open_the_apprentice_s_log_form()
    {
        using var assessor = await SignInAsAssessorAsync();

        using var response = await assessor.GetAsync(OffTheJobRoutes.New);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task<(decimal Approved, decimal Waiting)> FiguresAsync(HttpClient apprentice)
    {
        var page = await AppFactory.ParseAsync(await apprentice.GetAsync(OffTheJobRoutes.Mine));
        return (Number(page.QuerySelector("#otj-approved")!.TextContent), Number(page.QuerySelector("#otj-waiting")!.TextContent));
    }

    private static decimal Number(string text) => decimal.Parse(text.Trim(), CultureInfo.InvariantCulture);

    private Task<int> ApprovedAsync(IEnumerable<Guid> ids)
    {
        var list = ids.ToList();
        return QueryAsync(db => db.OffTheJobEntries.CountAsync(e => list.Contains(e.Id) && e.Status == OffTheJobEntryStatus.Approved));
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>The decision values the page's buttons post.</summary>
    private static class OffTheJobDecisionFormValues
    {
        public const string Approve = "approve";
        public const string Query = "query";
    }
}
