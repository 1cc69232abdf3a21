using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Features.WhatsNew;
using ApprenticeTracker.Web.Security;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Live;
using ApprenticeTracker.Web.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Features.WhatsNew;

/// <summary>
/// The header's count of what is new, the what's-new page and "mark as seen", over HTTP (the static page, as without
/// JavaScript) and in a circuit (bUnit). Marks are per person, so this fixture has its host to itself.
/// </summary>
public sealed class WhatsNewTests : SeededAppFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Test]
    public async Task An_item_submitted_for_review_raises_the_assessor_s_count_and_is_listed_with_a_link_to_review_it()
    {
        using var assessor = await SignInAsAssessorAsync();
        var before = await HeaderCountAsync(assessor, AssessorRoutes.Caseload);

        var item = await SubmitAsync("Whats new: handover to the night team");
        var after = await HeaderCountAsync(assessor, AssessorRoutes.Caseload);
        var page = await PageAsync(assessor);

        Assert.That(after, Is.EqualTo(before + 1));
        var entry = page.QuerySelectorAll(".whats-new li").Single(li => li.TextContent.Contains("Whats new: handover to the night team", StringComparison.Ordinal));
        Assert.That(entry.QuerySelector("a")!.GetAttribute("href"), Is.EqualTo(AssessorRoutes.Review(item)));
        Assert.That(entry.TextContent, Does.Contain("Submitted for your review").And.Contain("Łucja Wójcik"));
    }

    [Test]
    public async Task Marking_as_seen_without_a_circuit_empties_the_list_and_the_count_until_something_new_arrives()
    {
        using var assessor = await SignInAsAssessorAsync();
        await SubmitAsync("Whats new: before marking");

        using var marked = await PostFormAsync(assessor, WhatsNewRoutes.Page, []);
        using var afterMark = await assessor.GetAsync(marked.RedirectTarget());
        var emptied = await AppFactory.ParseAsync(afterMark);
        var countAfterMark = HeaderCount(emptied);
        await SubmitAsync("Whats new: after marking");
        var page = await PageAsync(assessor);

        Assert.That(marked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(emptied.QuerySelector("[role=status]")?.TextContent, Does.Contain("Marked as seen"));
        Assert.That(emptied.QuerySelector(".whats-new-empty")?.TextContent, Does.Contain("Nothing is new for you").And.Contain("Items your apprentices submit"));
        Assert.That(countAfterMark, Is.Zero);
        Assert.That(page.QuerySelectorAll(".whats-new li").Select(li => li.QuerySelector("a")!.TextContent), Is.EqualTo(new[] { "Whats new: after marking" }));
        Assert.That(HeaderCount(page), Is.EqualTo(1));
    }

    [Test]
    public async Task An_apprentice_sees_the_decision_on_their_evidence_and_another_apprentice_does_not()
    {
        var item = await SubmitAsync("Whats new: decided for the apprentice");
        using var assessor = await SignInAsAssessorAsync();
        using var decided = await PostFormAsync(assessor, AssessorRoutes.Review(item),
            [new("Form.Decision", ReviewForm.Accept), new("Form.Feedback", "Well observed.")]);
        var (_, otherEmail) = await EvidenceTestKit.OtherApprenticeAsync(Factory);

        using var apprentice = await SignInAsApprenticeAsync();
        using var other = await SignInAsync(otherEmail);
        var own = await PageAsync(apprentice);
        var others = await PageAsync(other);

        var entry = own.QuerySelectorAll(".whats-new li").Single(li => li.TextContent.Contains("Whats new: decided for the apprentice", StringComparison.Ordinal));
        Assert.That(entry.TextContent, Does.Contain("Accepted by Grace Adeyemi"));
        Assert.That(entry.QuerySelector("a")!.GetAttribute("href"), Is.EqualTo(EvidenceRoutes.Detail(item)));
        Assert.That(others.Body!.TextContent, Does.Not.Contain("Whats new: decided for the apprentice"));
    }

    [Test]
    public async Task A_provider_administrator_is_shown_only_their_own_provider_s_sign_offs()
    {
        using var providerA = await SignInAsProviderAdminAsync();
        using var providerB = await SignInAsProviderBAdminAsync();
        var ownEnrolments = (await EvidenceTestKit.QueryAsync(Factory, db => db.Enrolments
            .Where(e => e.TrainingProviderId == db.Enrolments.Where(x => x.ApprenticeId == db.Apprentices.Where(a => a.Email == DemoDataSeeder.ApprenticeEmail).Select(a => a.Id).First()).Select(x => x.TrainingProviderId).First())
            .Select(e => e.Id).ToListAsync())).Select(ProviderRoutes.Enrolment).ToHashSet();

        var pageA = await PageAsync(providerA);
        var pageB = await PageAsync(providerB);

        var linksA = pageA.QuerySelectorAll(".whats-new li a").Select(a => a.GetAttribute("href")!).ToList();
        var linksB = pageB.QuerySelectorAll(".whats-new li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.That(linksA, Is.All.Matches<string>(ownEnrolments.Contains));
        Assert.That(linksB, Has.None.Matches<string>(ownEnrolments.Contains));
    }

    [Test]
    public async Task Signed_out_the_page_sends_to_sign_in_and_the_header_has_no_count()
    {
        using var anonymous = Factory.CreateBrowser();

        using var page = await anonymous.GetAsync(WhatsNewRoutes.Page);
        using var home = await anonymous.GetAsync(HomeRoutes.Home);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location?.AbsolutePath, Is.EqualTo(SignIn.LoginUrl));
        Assert.That((await AppFactory.ParseAsync(home)).QuerySelector(".whats-new-count"), Is.Null);
    }

    [Test]
    public async Task In_a_circuit_the_header_count_rises_live_and_the_button_marks_everything_seen()
    {
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.AssessorEmail);
        var count = circuit.Render<WhatsNewCount>();
        var view = circuit.Render<WhatsNewView>();
        // The count renders once as 0 before its query answers: wait until it shows what the circuit's own query says.
        var before = await circuit.Services.GetRequiredService<WhatsNewQuery>().CountAsync(CancellationToken.None);
        WaitFor(count, () => count.Find("[data-interactive]").GetAttribute("data-interactive") == "true" && BadgeOf(count) == before);

        await SubmitAsync("Whats new: pushed to the header");
        WaitFor(count, () => BadgeOf(count) == before + 1);
        var risen = BadgeOf(count);
        WaitFor(view, () => view.Markup.Contains("Whats new: pushed to the header", StringComparison.Ordinal));
        view.Find("button").Click();
        WaitFor(count, () => BadgeOf(count) == 0);
        // The list reloads on its own after marking, so on PostgreSQL it may show its empty state after the count.
        WaitFor(view, () => view.FindAll(".whats-new-empty").Count > 0);

        Assert.That(risen, Is.EqualTo(before + 1));
        Assert.That(BadgeOf(count), Is.Zero);
        Assert.That(view.Find(".whats-new-empty").TextContent, Does.Contain("Nothing is new for you"));
        Assert.That(await SeenMarkOfAsync(DemoDataSeeder.AssessorEmail), Is.Not.Null);
    }

    [Test]
    public async Task The_button_refuses_a_circuit_whose_user_is_no_longer_signed_in_and_marks_nothing()
    {
        await SubmitAsync("Whats new: never marked");
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.AssessorEmail);
        var view = circuit.Render<WhatsNewView>();
        WaitFor(view, () => view.FindAll("button").Count > 0);
        var markBefore = await SeenMarkOfAsync(DemoDataSeeder.AssessorEmail);

        circuit.Services.GetRequiredService<CurrentUser>().SignOut();
        view.Find("button").Click();

        Assert.That(view.Find("[role=alert]").TextContent, Does.Contain("no longer signed in"));
        Assert.That(await SeenMarkOfAsync(DemoDataSeeder.AssessorEmail), Is.EqualTo(markBefore));
    }

    private async Task<Guid> SubmitAsync(string title)
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var saved = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields(title, [duties["D4"]], action: "submit"));
        return EvidenceTestKit.SavedItemId(saved);
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client)
    {
        using var response = await client.GetAsync(WhatsNewRoutes.Page);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await AppFactory.ParseAsync(response);
    }

    private static async Task<int> HeaderCountAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return HeaderCount(await AppFactory.ParseAsync(response));
    }

    /// <summary>The number in the header's badge; 0 when it shows none.</summary>
    private static int HeaderCount(IHtmlDocument page)
    {
        Assert.That(page.QuerySelector(".whats-new-count"), Is.Not.Null, "the header shows what's new");
        var badge = page.QuerySelector(".whats-new-count .badge");
        return badge is null ? 0 : int.Parse(badge.TextContent.Replace("new", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    private static int BadgeOf(IRenderedComponent<WhatsNewCount> count)
    {
        var badges = count.FindAll(".badge");
        var badge = badges.Count == 0 ? null : badges[0];
        return badge is null ? 0 : int.Parse(badge.TextContent.Replace("new", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    private Task<DateTimeOffset?> SeenMarkOfAsync(string email) =>
        EvidenceTestKit.QueryAsync(Factory, db => db.SeenMarks
            .Where(m => m.UserId == db.Users.Where(u => u.Email == email).Select(u => u.Id).First())
            .Select(m => (DateTimeOffset?)m.SeenUpTo).SingleOrDefaultAsync());

    private static void WaitFor<T>(IRenderedComponent<T> rendered, Func<bool> state)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        try
        {
            rendered.WaitForState(state, Patience);
        }
        catch (Bunit.Extensions.WaitForHelpers.WaitForFailedException)
        {
            // The assertion that follows says what was seen instead.
        }
    }
}
