using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Employers;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.WhatsNew;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Live;
using ApprenticeTracker.Web.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.WhatsNew;

/// <summary>
/// What is new for an employer contact: the witness testimonies that name them and wait for their answer, counted in the
/// header and listed on the page, live in a circuit, and never another employer's. Marks are per person, so this fixture
/// has its host to itself.
/// </summary>
public sealed class EmployerWhatsNewTests : SeededAppFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Test]
    public async Task A_testimony_naming_the_employer_raises_their_count_and_is_listed_with_a_link_to_answer_it_and_not_for_another_employer()
    {
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);
        using var gareth = await SignInAsync(DemoDataSeeder.EmployerBEmail);
        var before = await HeaderCountAsync(zoe);
        var garethBefore = await HeaderCountAsync(gareth);

        var item = await LogTestimonyAsync("Whats new: Zoë saw the calibration");
        var after = await HeaderCountAsync(zoe);
        var page = await PageAsync(zoe);
        var garethsPage = await PageAsync(gareth);

        Assert.That(after, Is.EqualTo(before + 1));
        var entry = page.QuerySelectorAll(".whats-new li").Single(li => li.TextContent.Contains("Whats new: Zoë saw the calibration", StringComparison.Ordinal));
        Assert.That(entry.QuerySelector("a")!.GetAttribute("href"), Is.EqualTo(EmployerRoutes.Evidence(item.EnrolmentId, item.Id)));
        Assert.That(entry.TextContent, Does.Contain("Witness testimony waiting for you to confirm").And.Contain("Łucja Wójcik"));
        Assert.That(await HeaderCountAsync(gareth), Is.EqualTo(garethBefore));
        Assert.That(garethsPage.QuerySelector("main")!.TextContent, Does.Not.Contain("Whats new: Zoë saw the calibration"));
    }

    [Test]
    public async Task In_a_circuit_the_employers_count_rises_when_a_testimony_names_them_and_falls_when_they_answer_it()
    {
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.EmployerEmail);
        var count = circuit.Render<WhatsNewCount>();
        var before = await LoadedCountAsync(circuit, count);

        var item = await LogTestimonyAsync("Whats new: pushed to the employer");
        WaitFor(count, () => BadgeOf(count) == before + 1);
        var risen = BadgeOf(count);
        using var zoe = await SignInAsync(DemoDataSeeder.EmployerEmail);
        using var answered = await PostFormAsync(zoe, EmployerRoutes.Evidence(item.EnrolmentId, item.Id), [new("Form.Answer", TestimonyAnswerForm.Confirm)]);
        WaitFor(count, () => BadgeOf(count) == before);

        Assert.That(risen, Is.EqualTo(before + 1));
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(BadgeOf(count), Is.EqualTo(before));
    }

    [Test]
    public async Task Another_employers_open_count_does_not_move_when_a_testimony_names_someone_else()
    {
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.EmployerBEmail);
        var count = circuit.Render<WhatsNewCount>();
        var before = await LoadedCountAsync(circuit, count);
        await using var zoesCircuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.EmployerEmail);
        var zoesCount = zoesCircuit.Render<WhatsNewCount>();
        var zoesBefore = await LoadedCountAsync(zoesCircuit, zoesCount);

        await LogTestimonyAsync("Whats new: not for Gareth");
        WaitFor(zoesCount, () => BadgeOf(zoesCount) == zoesBefore + 1);

        Assert.That(BadgeOf(zoesCount), Is.EqualTo(zoesBefore + 1), "the event was delivered to the contact it names");
        Assert.That(BadgeOf(count), Is.EqualTo(before));
    }

    /// <summary>
    /// The count once loaded: it renders once as 0 before its query answers, so wait until it shows what the circuit's
    /// own query says.
    /// </summary>
    private static async Task<int> LoadedCountAsync(BunitContext circuit, IRenderedComponent<WhatsNewCount> count)
    {
        var loaded = await circuit.Services.GetRequiredService<WhatsNewQuery>().CountAsync(CancellationToken.None);
        WaitFor(count, () => count.Find("[data-interactive]").GetAttribute("data-interactive") == "true" && BadgeOf(count) == loaded);
        return loaded;
    }

    /// <summary>The demo apprentice logs and submits a witness testimony naming the demo employer's contact.</summary>
    private async Task<EvidenceItem> LogTestimonyAsync(string title)
    {
        var zoe = await EvidenceTestKit.QueryAsync(Factory, db => db.EmployerContacts.Where(c => c.Email == DemoDataSeeder.EmployerEmail).Select(c => c.Id).SingleAsync());
        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var saved = await PostFormAsync(apprentice, EvidenceRoutes.New,
            [.. EvidenceTestKit.Fields(title, [duties["D2"]], action: "submit", type: nameof(EvidenceType.WitnessTestimony)), new("Form.WitnessContactId", zoe.ToString())]);
        var id = EvidenceTestKit.SavedItemId(saved);
        return await EvidenceTestKit.QueryAsync(Factory, db => db.EvidenceItems.AsNoTracking().SingleAsync(i => i.Id == id));
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client)
    {
        using var response = await client.GetAsync(WhatsNewRoutes.Page);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await AppFactory.ParseAsync(response);
    }

    private static async Task<int> HeaderCountAsync(HttpClient client)
    {
        using var response = await client.GetAsync(EmployerRoutes.Home);
        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector(".whats-new-count"), Is.Not.Null, "the header shows what's new");
        var badge = page.QuerySelector(".whats-new-count .badge");
        return badge is null ? 0 : int.Parse(badge.TextContent.Replace("new", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    private static int BadgeOf(IRenderedComponent<WhatsNewCount> count)
    {
        var badges = count.FindAll(".badge");
        return badges.Count == 0 ? 0 : int.Parse(badges[0].TextContent.Replace("new", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

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
