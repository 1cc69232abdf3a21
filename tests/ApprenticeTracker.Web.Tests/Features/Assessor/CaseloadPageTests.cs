using ApprenticeTracker.Domain.People;
using System.Net;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Assessor;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

/// <summary>The caseload and apprentice overview pages as the demo assessor sees them.</summary>
public sealed class CaseloadPageTests : SeededAppFixture
{
    private static readonly string[] RagOrder = ["Red", "Amber", "Green"];
    private HttpClient _assessor = null!;

    [OneTimeSetUp]
    public async Task SignInTheDemoAssessor() => _assessor = await SignInAsAssessorAsync();

    [OneTimeTearDown]
    public void SignOut() => _assessor.Dispose();

    [Test]
    public async Task The_demo_caseload_shows_the_rule_at_work_with_apprentices_red_amber_and_green()
    {
        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Caseload));

        var rags = page.QuerySelectorAll("table.caseload td[data-label=Attention]").Select(td => td.TextContent.Trim()).ToList();
        Assert.That(rags, Does.Contain("Red").And.Contain("Amber").And.Contain("Green"));
        Assert.That(rags.Count(r => r == "Green"), Is.GreaterThanOrEqualTo(rags.Count(r => r == "Red")));
    }

    [Test]
    public async Task The_caseload_states_its_rule_and_lists_red_first_then_amber_then_green()
    {
        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Caseload));

        var rule = page.QuerySelector("section[aria-labelledby=rag-rule-title]")!.TextContent;
        Assert.That(rule, Does.Contain("Nothing submitted for 8 weeks, or an item waiting over 14 days, or (while active) off-the-job hours more than 20 % behind plan"));
        Assert.That(rule, Does.Contain("Otherwise, nothing submitted for 4 weeks, or an item waiting over 7 days, or (while active) off-the-job hours more than 10 % behind plan, or a progress review due within 14 days."));
        var rags = page.QuerySelectorAll("table.caseload td[data-label=Attention]").Select(td => td.TextContent.Trim()).ToList();
        Assert.That(rags, Is.Not.Empty);
        Assert.That(rags.Select(r => Array.IndexOf(RagOrder, r)), Is.Ordered);
        Assert.That(rags, Has.None.EqualTo(""));
    }

    [Test]
    public async Task Each_row_counts_the_duties_signed_off_and_the_items_waiting_as_stored()
    {
        var enrolmentId = (await Factory.EnrolmentsOfAsync()).Order().First();
        var signedOff = (await Factory.EnrolmentAsync(enrolmentId)).SignOffs.Count(s => s.IsActive);
        var waiting = (await Factory.EvidenceAsync(enrolmentId, EvidenceStatus.Submitted)).Count;

        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Caseload));

        var row = page.QuerySelectorAll("table.caseload tbody tr").Single(r => r.QuerySelector($"a[href='{AssessorRoutes.Apprentice(enrolmentId)}']") is not null);
        Assert.That(row.QuerySelector("td[data-label=Progress]")?.TextContent, Does.Contain($"{signedOff} of 10 duties signed off"));
        Assert.That(row.QuerySelector("td[data-label='Waiting for review']")?.TextContent.Trim(), Does.StartWith(waiting == 0 ? "None" : waiting.ToString()));
    }

    [Test]
    public async Task The_rule_follows_the_configured_thresholds()
    {
        using var configured = Factory.WithWebHostBuilder(b => b
            .UseSetting("Assessor:RedAfterWeeksWithoutSubmission", "12")
            .UseSetting("Assessor:RedAfterDaysWaiting", "21")
            .UseSetting("Reviews:AmberDueWithinDays", "21")
            .UseSetting("Reviews:RedAfterDaysOverdue", "7"));
        using var client = await SignInThroughAsync(configured);

        var page = await AppFactory.ParseAsync(await client.GetAsync(AssessorRoutes.Caseload));

        Assert.That(page.QuerySelector("section[aria-labelledby=rag-rule-title]")?.TextContent, Does.Contain("Nothing submitted for 12 weeks, or an item waiting over 21 days, or (while active) off-the-job hours more than 20 % behind plan, or a progress review more than 7 days overdue.")
            .And.Contain("or a progress review due within 21 days."));
    }

    [Test]
    public async Task An_assessor_with_no_apprentices_is_told_what_to_do()
    {
        await RegisterAssessorWithoutApprenticesAsync("new.assessor@example.org");
        using var client = await SignInAsync("new.assessor@example.org", "a long enough password");

        var page = await AppFactory.ParseAsync(await client.GetAsync(AssessorRoutes.Caseload));
        var queue = await AppFactory.ParseAsync(await client.GetAsync(AssessorRoutes.Reviews));

        Assert.That(page.QuerySelector("table"), Is.Null);
        Assert.That(page.QuerySelector("main")?.TextContent, Does.Contain("No apprentices are assigned to you at the moment"));
        Assert.That(queue.QuerySelector("main")?.TextContent, Does.Contain("Nothing is waiting for your review."));
    }

    [Test]
    public async Task The_overview_shows_progress_per_duty_and_every_item_but_the_drafts()
    {
        var enrolmentId = (await Factory.EnrolmentsOfAsync()).Order().First();
        var expected = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(e => e.EnrolmentId == enrolmentId && e.Status != EvidenceStatus.Draft)
            .Select(e => e.Id)
            .ToListAsync());
        var drafts = await Factory.EvidenceAsync(enrolmentId, EvidenceStatus.Draft);

        using var response = await _assessor.GetAsync(AssessorRoutes.Apprentice(enrolmentId));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelectorAll("table.duty-progress tbody th[scope=row]").Select(th => th.TextContent), Is.EqualTo(Enumerable.Range(1, 10).Select(n => $"D{n}")));
        var listed = page.QuerySelectorAll("section[aria-labelledby=evidence-title] tbody a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[^1])).ToList();
        Assert.That(drafts, Is.Not.Empty);
        Assert.That(listed, Is.EquivalentTo(expected));
    }

    private static async Task<HttpClient> SignInThroughAsync(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await SignIn.PostLoginAsync(client, ApprenticeTracker.Persistence.Seeding.DemoDataSeeder.AssessorEmail, ApprenticeTracker.Persistence.Seeding.DemoDataSeeder.DemoPassword);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return client;
    }

    private async Task RegisterAssessorWithoutApprenticesAsync(string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = "New Assessor", EmailConfirmed = true };
        Assert.That((await users.CreateAsync(user, "a long enough password")).Succeeded, Is.True);
        Assert.That((await users.AddToRoleAsync(user, Roles.Assessor)).Succeeded, Is.True);
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var provider = await db.TrainingProviders.OrderBy(p => p.Name).FirstAsync();
        db.Assessors.Add(Domain.People.Assessor.Register(provider, user.Id, "New", "Assessor", NameOrder.GivenFirst, email, null, Actor.System, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
