using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Components;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Live;

/// <summary>
/// The review queue's filters in a circuit (bUnit, against the running app): a choice filters the rows in place and
/// writes itself into the address, without a page load; a submission while filtered still reaches the queue.
/// </summary>
public sealed class ReviewQueueViewTests : SeededAppFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Test]
    public async Task Choosing_an_apprentice_filters_the_rows_in_place_and_puts_the_choice_in_the_address()
    {
        await using var circuit = await OpenAsync();
        var queue = circuit.Render<ReviewQueueView>();
        WaitForLoaded(queue);
        var all = Rows(queue);
        var enrolment = Guid.Parse(queue.FindAll("#queue-apprentice option").Select(o => o.GetAttribute("value")!).First(v => v.Length > 0));

        queue.Find("#queue-apprentice").Change(enrolment.ToString());

        Assert.That(Rows(queue), Is.Not.Empty.And.Count.LessThanOrEqualTo(all.Count));
        Assert.That(queue.FindAll("tbody td[data-label=Apprentice] a").Select(a => a.GetAttribute("href")).Distinct(), Is.EqualTo(new[] { AssessorRoutes.Apprentice(enrolment) }));
        Assert.That(Addresses(circuit), Is.EqualTo(new[] { new ReviewQueueFilter(enrolment, null, null).Link() }));
        Assert.That(queue.FindAll("button[type=submit]"), Is.Empty, "in a circuit the filters apply as they change");
    }

    [Test]
    public async Task Clearing_the_filters_shows_every_row_again_and_clears_the_address()
    {
        await using var circuit = await OpenAsync();
        var queue = circuit.Render<ReviewQueueView>();
        WaitForLoaded(queue);
        var all = Rows(queue);
        queue.Find("#queue-age").Change("28");

        queue.Find("a.btn-link").Click();

        Assert.That(Rows(queue), Is.EqualTo(all));
        Assert.That(queue.Find("#queue-age").GetAttribute("value"), Is.Empty);
        Assert.That(Addresses(circuit), Is.EqualTo(new[] { new ReviewQueueFilter(null, null, 28).Link(), AssessorRoutes.Reviews }));
        Assert.That(queue.FindAll("a.btn-link"), Is.Empty);
    }

    [Test]
    public async Task A_queue_opened_at_a_filtered_address_is_filtered_and_a_submission_outside_the_filter_only_raises_the_total()
    {
        var apprenticeEnrolment = await EvidenceTestKit.QueryAsync(Factory, async db =>
        {
            var apprentice = await EvidenceTestKit.DemoApprenticeIdAsync(Factory);
            return db.Enrolments.Where(e => e.ApprenticeId == apprentice).Select(e => e.Id).First();
        });
        var others = (await Factory.EnrolmentsOfAsync()).First(e => e != apprenticeEnrolment);
        await using var circuit = await OpenAsync();
        circuit.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().NavigateTo(new ReviewQueueFilter(others, null, null).Link());
        var queue = circuit.Render<ReviewQueueView>();
        WaitForLoaded(queue);
        var shown = Rows(queue);
        var status = queue.Find("p[role=status]").TextContent;

        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var saved = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Filtered out of the queue", [duties["D2"]], action: "submit"));
        WaitFor(queue, () => queue.Find("p[role=status]").TextContent != status);

        Assert.That(queue.Find("#queue-apprentice").GetAttribute("value"), Is.EqualTo(others.ToString()));
        Assert.That(Rows(queue), Is.EqualTo(shown));
        Assert.That(queue.Markup, Does.Not.Contain("Filtered out of the queue"));
        Assert.That(queue.Find("p[role=status]").TextContent, Does.StartWith($"Showing {shown.Count} of the "));
    }

    private async Task<BunitContext> OpenAsync()
    {
        var circuit = await LiveCircuits.OpenAsync(Factory, DemoDataSeeder.AssessorEmail);
        circuit.JSInterop.SetupModule(AddressBar.Module).SetupVoid(AddressBar.Replace, _ => true).SetVoidResult();
        return circuit;
    }

    private static List<string> Addresses(BunitContext circuit) =>
        circuit.JSInterop.Invocations
            .Where(i => i.Identifier == AddressBar.Replace)
            .Select(i => (string)i.Arguments[0]!)
            .ToList();

    private static List<string> Rows(IRenderedComponent<ReviewQueueView> queue) =>
        queue.FindAll("tbody tr th a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>The queue renders once before its query returns; a test acts only once it has its rows.</summary>
    private static void WaitForLoaded(IRenderedComponent<ReviewQueueView> queue) =>
        WaitFor(queue, () => queue.Find("[data-loaded]").GetAttribute("data-loaded") == "true");

    private static void WaitFor(IRenderedComponent<ReviewQueueView> rendered, Func<bool> state)
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
