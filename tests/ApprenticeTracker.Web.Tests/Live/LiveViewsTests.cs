using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Live;
using ApprenticeTracker.Web.Security;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Live;

/// <summary>
/// The live views in a circuit (bUnit), each signed in as a person of the demo data, while other people change things
/// through the real pages over HTTP: what they see changes without a reload, and only with what they may see.
/// </summary>
public sealed class LiveViewsTests : SeededAppFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Test]
    public async Task The_assessor_s_open_review_queue_gains_the_row_when_their_apprentice_submits()
    {
        var apprenticeEnrolment = await ApprenticeEnrolmentAsync();
        Assume.That(await Factory.EnrolmentsOfAsync(), Does.Contain(apprenticeEnrolment), "the demo apprentice is the demo assessor's");
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.AssessorEmail);
        var queue = circuit.Render<ReviewQueueView>();

        // On PostgreSQL the first query completes after the first render; the demo assessor has items waiting.
        WaitFor(queue, () => queue.FindAll("tbody tr").Count > 0);
        var before = queue.FindAll("tbody tr").Count;

        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var saved = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Leading the morning huddle live", [duties["D4"]], action: "submit"));

        WaitFor(queue, () => queue.FindAll("tbody tr").Count == before + 1);

        Assert.That(queue.FindAll("tbody tr"), Has.Count.EqualTo(before + 1));
        Assert.That(queue.Markup, Does.Contain("Leading the morning huddle live"));
        Assert.That(queue.Find("[data-interactive]").GetAttribute("data-interactive"), Is.EqualTo("true"));
    }

    [Test]
    public async Task The_apprentice_s_open_item_shows_the_decision_and_feedback_the_moment_the_assessor_saves_it()
    {
        var item = await EvidenceTestKit.ItemOfAsync(Factory, await EvidenceTestKit.DemoApprenticeIdAsync(Factory), EvidenceStatus.Submitted);
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.ApprenticeEmail);
        var page = circuit.Render<EvidenceDetailView>(p => p.Add(v => v.ItemId, item));
        WaitFor(page, () => page.FindAll("h1 + p").Count > 0);
        Assert.That(page.Find("h1 + p").TextContent, Does.Contain("Submitted"));

        using var assessor = await SignInAsAssessorAsync();
        using var decided = await PostFormAsync(assessor, AssessorRoutes.Review(item),
            [new("Form.Decision", ReviewForm.Accept), new("Form.Feedback", "Seen live: a clear account.")]);

        WaitFor(page, () => page.Markup.Contains("Seen live: a clear account.", StringComparison.Ordinal));

        Assert.That(page.FindAll(".reviews .feedback").Select(f => f.TextContent), Has.Some.EqualTo("Seen live: a clear account."));
        Assert.That(page.Find("h1 + p").TextContent, Does.Contain("Accepted"));
    }

    [Test]
    public async Task The_apprentice_s_evidence_list_is_never_given_another_apprentice_s_event()
    {
        var (other, _) = await EvidenceTestKit.OtherApprenticeAsync(Factory);
        var othersItem = await EvidenceTestKit.ItemOfAsync(Factory, other, EvidenceStatus.Submitted);
        var ownItem = await EvidenceTestKit.ItemOfAsync(Factory, await EvidenceTestKit.DemoApprenticeIdAsync(Factory), EvidenceStatus.Accepted);
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.ApprenticeEmail);
        var list = circuit.Render<EvidenceListView>();
        var hub = Factory.Services.GetRequiredService<ILiveEventHub>();

        hub.Publish(LiveEvent.Reviewed(await EnrolmentOfAsync(othersItem), othersItem));
        await Task.Delay(300);
        var afterOthers = Delivered(list);
        hub.Publish(LiveEvent.Reviewed(await EnrolmentOfAsync(ownItem), ownItem));

        WaitFor(list, () => Delivered(list) >= 1);

        Assert.That(Delivered(list), Is.EqualTo(1));
        Assert.That(afterOthers, Is.Zero);
    }

    [Test]
    public async Task The_provider_dashboard_reads_its_cells_again_for_its_own_provider_s_events_only()
    {
        var ownProviders = (await Factory.EnrolmentsOfAsync())[0];
        var otherProviders = await Factory.OtherProvidersEnrolmentAsync();
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.ProviderEmail);
        var dashboard = circuit.Render<DashboardView>();
        var hub = Factory.Services.GetRequiredService<ILiveEventHub>();

        hub.Publish(LiveEvent.SignOffChanged(otherProviders));
        await Task.Delay(300);
        var afterOthers = Delivered(dashboard);
        hub.Publish(LiveEvent.SignOffChanged(ownProviders));

        WaitFor(dashboard, () => Delivered(dashboard) >= 1);

        Assert.That(Delivered(dashboard), Is.EqualTo(1));
        Assert.That(afterOthers, Is.Zero);
        Assert.That(dashboard.FindAll("table").Count, Is.GreaterThan(0));
    }

    [Test]
    public async Task The_caseload_is_given_its_own_apprentices_events_and_not_a_colleague_s()
    {
        var mine = (await Factory.EnrolmentsOfAsync())[0];
        var colleagues = await Factory.ColleaguesEnrolmentAsync();
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.AssessorEmail);
        var caseload = circuit.Render<CaseloadView>();
        var hub = Factory.Services.GetRequiredService<ILiveEventHub>();

        hub.Publish(LiveEvent.SignOffChanged(colleagues));
        await Task.Delay(300);
        var afterColleagues = Delivered(caseload);
        hub.Publish(LiveEvent.SignOffChanged(mine));

        WaitFor(caseload, () => Delivered(caseload) >= 1);

        Assert.That(Delivered(caseload), Is.EqualTo(1));
        Assert.That(afterColleagues, Is.Zero);
    }

    [Test]
    public async Task Without_a_circuit_a_view_renders_its_figures_and_says_it_is_not_interactive()
    {
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.AssessorEmail);
        circuit.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var queue = circuit.Render<ReviewQueueView>();

        Assert.That(queue.Find("[data-interactive]").GetAttribute("data-interactive"), Is.EqualTo("false"));
        WaitFor(queue, () => queue.FindAll("tbody tr").Count > 0);
        Assert.That(queue.FindAll("tbody tr"), Is.Not.Empty);
    }

    [Test]
    public async Task A_view_whose_circuit_is_signed_out_stops_listening_and_loads_the_page_again()
    {
        var mine = (await Factory.EnrolmentsOfAsync())[0];
        await using var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.AssessorEmail);
        var caseload = circuit.Render<CaseloadView>();
        var navigation = circuit.Services.GetRequiredService<BunitNavigationManager>();
        var hub = Factory.Services.GetRequiredService<ILiveEventHub>();

        circuit.Services.GetRequiredService<CircuitUser>().SignOut();
        circuit.Services.GetRequiredService<CurrentUser>().SignOut();
        hub.Publish(LiveEvent.SignOffChanged(mine));
        WaitFor(caseload, () => navigation.History.Count > 0);
        await Task.Delay(300);

        Assert.That(navigation.History, Has.Count.EqualTo(1));
        Assert.That(navigation.History.Single().Options.ForceLoad, Is.True);
        Assert.That(navigation.History.Single().Uri, Is.EqualTo(navigation.Uri));
        Assert.That(Delivered(caseload), Is.Zero);
    }

    /// <summary>
    /// Waits for a state without asserting inside the wait: NUnit records every failed assertion, even one a retry
    /// later passes, so the test asserts once the wait is over.
    /// </summary>
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

    private static int Delivered<T>(IRenderedComponent<T> rendered)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        int.Parse(rendered.Find("[data-live-events]").GetAttribute("data-live-events")!, System.Globalization.CultureInfo.InvariantCulture);

    private Task<Guid> EnrolmentOfAsync(Guid item) =>
        EvidenceTestKit.QueryAsync(Factory, db => db.EvidenceItems.Where(i => i.Id == item).Select(i => i.EnrolmentId).SingleAsync());

    private async Task<Guid> ApprenticeEnrolmentAsync()
    {
        var apprentice = await EvidenceTestKit.DemoApprenticeIdAsync(Factory);
        return await EvidenceTestKit.QueryAsync(Factory, db => db.Enrolments.Where(e => e.ApprenticeId == apprentice).Select(e => e.Id).FirstAsync());
    }
}
