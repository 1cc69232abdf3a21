using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.OffTheJob;

/// <summary>The provider records one taught session for a whole cohort, through real HTTP.</summary>
public sealed class CohortSessionTests : SeededAppFixture
{
    private static string DaysAgo(int days) => ServiceClock.DateOf(DateTimeOffset.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string>[] Session(string date, string hours = "2", string minutes = "0", string taught = "Lecture: cardiac cycle and ECG interpretation.") =>
        [new("Form.ActivityDate", date), new("Form.Hours", hours), new("Form.Minutes", minutes), new("Form.WhatWasTaught", taught)];

    /// <summary>The demo apprentice's cohort and the active enrolments in it.</summary>
    private Task<(Guid CohortId, List<Guid> Active)> DemoCohortAsync() => QueryAsync(async db =>
    {
        var cohortId = await (from e in db.Enrolments join a in db.Apprentices on e.ApprenticeId equals a.Id
                              where a.Email == DemoDataSeeder.ApprenticeEmail select e.CohortId!.Value).SingleAsync();
        var active = await db.Enrolments.Where(e => e.CohortId == cohortId && e.Status == EnrolmentStatus.Active).Select(e => e.Id).ToListAsync();
        return (cohortId, active);
    });

    [Test]
    public async Task A_session_recorded_for_the_cohort_gives_each_apprentice_in_learning_an_approved_entry_they_can_add_to()
    {
        var (cohortId, active) = await DemoCohortAsync();
        using var provider = await SignInAsProviderAdminAsync();
        const string Taught = "Lecture: blood gas analysis, acid-base balance.";

        using var response = await PostFormAsync(provider, $"/off-the-job/cohorts/{cohortId}/session", Session(DaysAgo(3), "1", "30", Taught));

        Assert.That(response.RedirectTarget(), Is.EqualTo($"/off-the-job/cohorts/{cohortId}/session?recorded={active.Count}"));
        var entries = await QueryAsync(db => db.OffTheJobEntries.Where(x => x.WhatWasLearnt == Taught).ToListAsync());
        Assert.That(entries.Select(e => e.EnrolmentId), Is.EquivalentTo(active));
        Assert.That(entries, Has.All.Matches<OffTheJobEntry>(e =>
            e.Status == OffTheJobEntryStatus.Approved && e.Source == OffTheJobEntrySource.CohortSession && e.Kind == OffTheJobActivityKind.TaughtSession && e.Minutes == 90));
        var ids = entries.Select(e => e.Id).ToList();
        var audited = await QueryAsync(db => db.AuditEvents.Where(a => ids.Contains(a.EntityId) && a.Action == "otj.approved").CountAsync());
        Assert.That(audited, Is.EqualTo(active.Count));

        using var apprentice = await SignInAsApprenticeAsync();
        var own = await QueryAsync(db => (from x in db.OffTheJobEntries join e in db.Enrolments on x.EnrolmentId equals e.Id join a in db.Apprentices on e.ApprenticeId equals a.Id
                                          where x.WhatWasLearnt == Taught && a.Email == DemoDataSeeder.ApprenticeEmail select x.Id).SingleAsync());
        using var reflected = await PostFormAsync(apprentice, $"/off-the-job/{own}/edit", [new("Form.Reflection", "How to read a blood gas in four steps.")]);
        Assert.That(reflected.RedirectTarget(), Is.EqualTo("/off-the-job?saved=saved"));
        Assert.That(await QueryAsync(db => db.OffTheJobEntries.Where(x => x.Id == own).Select(x => x.Reflection).SingleAsync()), Is.EqualTo("How to read a blood gas in four steps."));
    }

    [TestCase("2999-01-01", "2", "", "ActivityDate", "future")]
    [TestCase("", "2", "", "ActivityDate", "Enter the date")]
    [TestCase(null, "13", "", "Duration", "at most 12 hours")]
    [TestCase(null, "2", " ", "WhatWasLearnt", "what was taught")]
    public async Task A_refused_session_shows_the_reason_at_its_field_and_saves_nothing(string? date, string hours, string taught, string field, string message)
    {
        var (cohortId, _) = await DemoCohortAsync();
        var before = await QueryAsync(db => db.OffTheJobEntries.CountAsync());
        using var provider = await SignInAsProviderAdminAsync();

        using var response = await PostFormAsync(provider, $"/off-the-job/cohorts/{cohortId}/session", Session(date ?? DaysAgo(2), hours, "0", taught.Length == 0 ? "Lecture." : taught));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector($"#{field}-error")?.TextContent, Does.Contain(message));
        Assert.That(await QueryAsync(db => db.OffTheJobEntries.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task When_one_apprentice_s_day_is_full_nothing_is_recorded_and_the_refusal_names_them()
    {
        var (cohortId, _) = await DemoCohortAsync();
        var day = DaysAgo(5);
        using var apprentice = await SignInAsApprenticeAsync();
        using (await PostFormAsync(apprentice, "/off-the-job/new", [new("Form.ActivityDate", day), new("Form.Hours", "12"), new("Form.Minutes", "0"), new("Form.Kind", "Shadowing"), new("Form.WhatWasLearnt", "Long day one.")])) { }
        using (await PostFormAsync(apprentice, "/off-the-job/new", [new("Form.ActivityDate", day), new("Form.Hours", "11"), new("Form.Minutes", "0"), new("Form.Kind", "Shadowing"), new("Form.WhatWasLearnt", "Long day two.")])) { }
        var before = await QueryAsync(db => db.OffTheJobEntries.CountAsync());
        using var provider = await SignInAsProviderAdminAsync();

        using var response = await PostFormAsync(provider, $"/off-the-job/cohorts/{cohortId}/session", Session(day, "2"));

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#Duration-error")?.TextContent, Does.Contain("Łucja Wójcik").And.Contain("at most 24 hours"));
        Assert.That(await QueryAsync(db => db.OffTheJobEntries.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task The_organisation_page_links_each_cohort_to_its_session_form()
    {
        var (cohortId, _) = await DemoCohortAsync();
        using var provider = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await provider.GetAsync("/provider/organisation"));

        Assert.That(page.QuerySelector($"a[href='/off-the-job/cohorts/{cohortId}/session']"), Is.Not.Null);
    }

    [Test]
    public async Task Another_provider_s_cohort_is_not_found_to_read_or_to_post()
    {
        var (mine, _) = await DemoCohortAsync();
        var theirs = await QueryAsync(async db =>
        {
            var providerB = await (from e in db.Enrolments join a in db.Apprentices on e.ApprenticeId equals a.Id where a.GivenName == "Gruffudd" select e.TrainingProviderId).SingleAsync();
            return await db.Cohorts.Where(c => c.TrainingProviderId == providerB).Select(c => c.Id).FirstAsync();
        });
        var before = await QueryAsync(db => db.OffTheJobEntries.CountAsync());
        using var provider = await SignInAsProviderAdminAsync();
        var form = (await AppFactory.ParseAsync(await provider.GetAsync($"/off-the-job/cohorts/{mine}/session"))).QuerySelector("#cohort-session-form") as IHtmlFormElement;

        // The token and form name of my own cohort's form, sent to provider B's cohort instead.
        form!.SetAttribute("action", $"/off-the-job/cohorts/{theirs}/session");
        using var read = await provider.GetAsync($"/off-the-job/cohorts/{theirs}/session");
        using var post = await Forms.PostAsync(provider, $"/off-the-job/cohorts/{theirs}/session", form, Session(DaysAgo(1)));

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await QueryAsync(db => db.OffTheJobEntries.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task An_apprentice_and_an_assessor_are_refused()
    {
        var (cohortId, _) = await DemoCohortAsync();
        using var apprentice = await SignInAsApprenticeAsync();
        using var assessor = await SignInAsAssessorAsync();

        using var byApprentice = await apprentice.GetAsync($"/off-the-job/cohorts/{cohortId}/session");
        using var byAssessor = await assessor.GetAsync($"/off-the-job/cohorts/{cohortId}/session");

        Assert.That(byApprentice.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byAssessor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
