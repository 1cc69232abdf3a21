using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>
/// A form posted again after the item moved on (submitted from another tab, or deleted) reaches its handler and gets the
/// page with the reason, never the bare 400 that static rendering gives a post whose form the page no longer shows.
/// </summary>
public sealed class StaleFormTests : SeededAppFixture
{
    [Test]
    public async Task A_change_form_posted_again_after_the_item_was_submitted_shows_the_refusal_and_changes_nothing()
    {
        var id = await ItemOfAsync(Factory, await DemoApprenticeIdAsync(Factory), EvidenceStatus.ReferredBack);
        using var client = await SignInAsApprenticeAsync();
        var form = await FormAsync(client, EvidenceRoutes.Edit(id));
        var duties = await QueryAsync(Factory, db => db.Set<EvidenceDuty>().Where(d => d.EvidenceItemId == id).Select(d => d.DutyId).ToListAsync());

        using var submitted = await Forms.PostAsync(client, EvidenceRoutes.Edit(id), form, Fields("Resubmitted with the witness's role", duties, action: "submit"));
        var afterSubmitting = await QueryAsync(Factory, db => db.EvidenceItems.AsNoTracking().SingleAsync(i => i.Id == id));
        using var again = await Forms.PostAsync(client, EvidenceRoutes.Edit(id), form, Fields("Changed once more", duties, action: "draft"));

        var page = await AppFactory.ParseAsync(again);
        var afterAgain = await QueryAsync(Factory, db => db.EvidenceItems.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector(".error-summary")?.TextContent, Is.Not.Empty);
        Assert.That(page.QuerySelector("main [role=status]")?.TextContent, Does.Contain("cannot be changed"));
        Assert.That((afterAgain.Title, afterAgain.Status, afterAgain.ConcurrencyStamp), Is.EqualTo((afterSubmitting.Title, EvidenceStatus.Submitted, afterSubmitting.ConcurrencyStamp)));
    }

    [Test]
    public async Task A_delete_form_posted_again_after_the_draft_was_deleted_answers_404()
    {
        var id = await ItemOfAsync(Factory, await DemoApprenticeIdAsync(Factory), EvidenceStatus.Draft);
        using var client = await SignInAsApprenticeAsync();
        var form = await FormAsync(client, EvidenceRoutes.Delete(id));

        using var deleted = await Forms.PostAsync(client, EvidenceRoutes.Delete(id), form, []);
        using var again = await Forms.PostAsync(client, EvidenceRoutes.Delete(id), form, []);

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<IHtmlFormElement> FormAsync(HttpClient client, string url) =>
        (IHtmlFormElement)(await AppFactory.ParseAsync(await client.GetAsync(url))).QuerySelector(Forms.MainForm)!;
}
