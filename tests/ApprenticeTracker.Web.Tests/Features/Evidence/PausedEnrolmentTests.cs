using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Portfolio;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>
/// An apprentice whose apprenticeship is not active (a break in learning, or withdrawn) may read their evidence and delete
/// drafts, but not log, change or submit evidence: the pages do not offer it, and a form opened before the change of
/// status and posted after it is refused with the domain's message, with nothing saved. A submitted item waits for
/// review while the record is open, and once it is closed (withdrawn or completed) the pages say it was not reviewed.
/// Each test uses its own apprentice, because each changes that apprentice's status.
/// </summary>
public sealed class PausedEnrolmentTests : SeededAppFixture
{
    [Test]
    public async Task A_withdrawn_apprentice_s_pages_offer_no_logging_changing_or_submitting_but_still_offer_deleting_a_draft()
    {
        var (enrolmentId, email) = await ApprenticeAsync("Eilidh");
        var draft = await ItemAsync(enrolmentId, EvidenceStatus.Draft);
        var referredBack = await ItemAsync(enrolmentId, EvidenceStatus.ReferredBack);
        await ChangeStatusAsync(enrolmentId, e => e.Withdraw("Left the employer.", Actor.System, DateTimeOffset.UtcNow));
        using var client = await Factory.SignInAsync(email);

        var draftPage = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(draft)));
        var referredBackPage = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(referredBack)));
        var editPage = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Edit(referredBack)));
        var logPage = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.New));
        var portfolio = await AppFactory.ParseAsync(await client.GetAsync(PortfolioRoutes.Home));
        var list = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.List));

        Assert.Multiple(() =>
        {
            Assert.That(draftPage.QuerySelector($"main a[href='{EvidenceRoutes.Edit(draft)}']"), Is.Null);
            Assert.That(draftPage.QuerySelector($"main a[href='{EvidenceRoutes.Delete(draft)}']"), Is.Not.Null);
            Assert.That(draftPage.QuerySelector(".evidence-paused")?.TextContent, Does.Contain("Your apprenticeship is withdrawn"));
            Assert.That(referredBackPage.QuerySelector($"main a[href='{EvidenceRoutes.Edit(referredBack)}']"), Is.Null);
            Assert.That(editPage.QuerySelector("main form:not([hidden])"), Is.Null);
            Assert.That(editPage.QuerySelector(".evidence-paused"), Is.Not.Null);
            Assert.That(logPage.QuerySelector("main form:not([hidden])"), Is.Null);
            Assert.That(portfolio.QuerySelector($"main a[href='{EvidenceRoutes.New}']"), Is.Null);
            Assert.That(portfolio.QuerySelectorAll("main a[href$='/edit']"), Is.Empty);
            Assert.That(list.QuerySelector($"main a[href='{EvidenceRoutes.New}']"), Is.Null);
        });
    }

    [Test]
    public async Task Resubmitting_a_form_opened_before_the_withdrawal_is_refused_with_the_domain_s_message_and_nothing_is_saved()
    {
        var (enrolmentId, email) = await ApprenticeAsync("Ştefan");
        var id = await ItemAsync(enrolmentId, EvidenceStatus.ReferredBack);
        var before = await QueryAsync(Factory, db => db.EvidenceItems.AsNoTracking().Include(i => i.Duties).SingleAsync(i => i.Id == id));
        using var client = await Factory.SignInAsync(email);
        var form = await MainFormAsync(client, EvidenceRoutes.Edit(id));
        var filesBefore = CountStoredFiles(Factory);
        await ChangeStatusAsync(enrolmentId, e => e.Withdraw("Left the employer.", Actor.System, DateTimeOffset.UtcNow));

        using var response = await Forms.PostAsync(
            client, EvidenceRoutes.Edit(id), form, Fields("Now with the witness's role", before.Duties.Select(d => d.DutyId), action: "submit"), [File("witness.pdf", PdfBytes)]);

        var page = await AppFactory.ParseAsync(response);
        var after = await QueryAsync(Factory, db => db.EvidenceItems.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector(".error-summary")?.TextContent, Does.Contain("Evidence can be submitted only while the apprenticeship is active; it is withdrawn."));
        Assert.That(
            (after.Title, after.Status, after.SubmissionCount, after.ConcurrencyStamp),
            Is.EqualTo((before.Title, EvidenceStatus.ReferredBack, before.SubmissionCount, before.ConcurrencyStamp)));
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(filesBefore));
    }

    [Test]
    public async Task Removing_a_file_during_a_break_in_learning_is_refused_and_the_file_stays()
    {
        using var client = await SignInAsApprenticeAsync();
        var duties = await DutyIdsAsync(client);
        using var created = await PostFormAsync(client, EvidenceRoutes.New, Fields("Notes from the clinic", [duties["D2"]]), [File("clinic.pdf", PdfBytes)]);
        var id = SavedItemId(created);
        var attachment = await QueryAsync(Factory, db => db.Attachments.SingleAsync(a => a.EvidenceItemId == id));
        var form = await MainFormAsync(client, EvidenceRoutes.Edit(id));
        var filesBefore = CountStoredFiles(Factory);
        var enrolmentId = await QueryAsync(Factory, db => db.EvidenceItems.Where(i => i.Id == id).Select(i => i.EnrolmentId).SingleAsync());
        await ChangeStatusAsync(enrolmentId, e => e.StartBreakInLearning("Illness.", Actor.System, DateTimeOffset.UtcNow));
        var fields = Fields("Notes from the clinic", [duties["D2"]]);
        fields.Add(new("Form.RemoveAttachmentId", attachment.Id.ToString()));

        using var response = await Forms.PostAsync(client, EvidenceRoutes.Edit(id), form, fields);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector(".error-summary")?.TextContent, Does.Contain("Evidence can be changed only while the apprenticeship is active; it is on a break in learning."));
        Assert.That(await QueryAsync(Factory, db => db.Attachments.AnyAsync(a => a.Id == attachment.Id)), Is.True);
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(filesBefore));
    }

    [Test]
    public async Task Logging_from_a_form_opened_before_a_break_in_learning_is_refused_and_stores_nothing()
    {
        var (enrolmentId, email) = await ApprenticeAsync("Dawit");
        using var client = await Factory.SignInAsync(email);
        var duties = await DutyIdsAsync(client);
        var form = await MainFormAsync(client, EvidenceRoutes.New);
        var itemsBefore = await CountItemsAsync(Factory);
        var filesBefore = CountStoredFiles(Factory);
        await ChangeStatusAsync(enrolmentId, e => e.StartBreakInLearning("Parental leave.", Actor.System, DateTimeOffset.UtcNow));

        using var response = await Forms.PostAsync(client, EvidenceRoutes.New, form, Fields("Ward round", [duties["D3"]], action: "submit"), [File("round.pdf", PdfBytes)]);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector(".error-summary")?.TextContent, Does.Contain("Evidence can be logged only while the apprenticeship is active; it is on a break in learning."));
        Assert.That(await CountItemsAsync(Factory), Is.EqualTo(itemsBefore));
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(filesBefore));
    }

    [Test]
    public async Task A_withdrawn_apprentice_can_still_delete_a_draft()
    {
        var (enrolmentId, email) = await ApprenticeAsync("Ewa");
        var draft = await ItemAsync(enrolmentId, EvidenceStatus.Draft);
        await ChangeStatusAsync(enrolmentId, e => e.Withdraw("Left the employer.", Actor.System, DateTimeOffset.UtcNow));
        using var client = await Factory.SignInAsync(email);

        using var deleted = await PostFormAsync(client, EvidenceRoutes.Delete(draft), []);

        Assert.That(deleted.RedirectTarget(), Is.EqualTo(EvidenceRoutes.List + "?deleted=1"));
        Assert.That(await QueryAsync(Factory, db => db.EvidenceItems.AnyAsync(i => i.Id == draft)), Is.False);
    }

    [Test]
    public async Task A_submitted_item_of_a_withdrawn_apprenticeship_says_it_was_not_reviewed_on_its_page_and_its_change_page()
    {
        var (enrolmentId, email) = await ApprenticeAsync("Kateřina");
        var submitted = await UnreviewedSubmittedItemAsync(enrolmentId);
        await ChangeStatusAsync(enrolmentId, e => e.Withdraw("Left the employer.", Actor.System, DateTimeOffset.UtcNow));
        using var client = await Factory.SignInAsync(email);

        var detail = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(submitted)));
        var edit = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Edit(submitted)));

        Assert.Multiple(() =>
        {
            Assert.That(detail.QuerySelector("main")?.TextContent, Does.Not.Contain("Waiting for an assessor's review"));
            Assert.That(detail.QuerySelector(".review-state")?.TextContent, Is.EqualTo("Not reviewed: your apprenticeship is withdrawn, so its evidence is no longer reviewed."));
            Assert.That(edit.QuerySelector("main")?.TextContent, Does.Not.Contain("waiting for an assessor's review"));
            Assert.That(edit.QuerySelector("main .alert-info")?.TextContent, Does.Contain("It was not reviewed: your apprenticeship is withdrawn, so its evidence is no longer reviewed."));
        });
    }

    [Test]
    public async Task A_submitted_item_waits_for_review_at_gateway_and_says_it_was_not_reviewed_once_the_apprenticeship_is_completed()
    {
        var (enrolmentId, email) = await ApprenticeAsync("Siobhán");
        var submitted = await UnreviewedSubmittedItemAsync(enrolmentId);
        using var client = await Factory.SignInAsync(email);
        var atGateway = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(submitted)));
        await ChangeStatusAsync(enrolmentId, e => e.Complete(Actor.System, DateTimeOffset.UtcNow));

        var completed = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(submitted)));

        Assert.That(atGateway.QuerySelector(".review-state")?.TextContent, Is.EqualTo("Waiting for an assessor's review."));
        Assert.That(completed.QuerySelector(".review-state")?.TextContent, Is.EqualTo("Not reviewed: your apprenticeship is completed, so its evidence is no longer reviewed."));
    }

    [Test]
    public async Task A_submitted_item_still_waits_for_review_during_a_break_in_learning()
    {
        var (enrolmentId, email) = await ApprenticeAsync("Priya");
        var submitted = await UnreviewedSubmittedItemAsync(enrolmentId);
        await ChangeStatusAsync(enrolmentId, e => e.StartBreakInLearning("Illness.", Actor.System, DateTimeOffset.UtcNow));
        using var client = await Factory.SignInAsync(email);

        var detail = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(submitted)));
        var edit = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Edit(submitted)));

        Assert.That(detail.QuerySelector(".review-state")?.TextContent, Is.EqualTo("Waiting for an assessor's review."));
        Assert.That(edit.QuerySelector("main .alert-info")?.TextContent, Does.Contain("It is waiting for an assessor's review."));
    }

    /// <summary>The enrolment and sign-in email of the demo apprentice with this given name.</summary>
    private Task<(Guid EnrolmentId, string Email)> ApprenticeAsync(string givenName) =>
        QueryAsync(Factory, async db =>
        {
            var found = await (
                    from e in db.Enrolments
                    join a in db.Apprentices on e.ApprenticeId equals a.Id
                    where a.GivenName == givenName
                    select new { e.Id, a.Email })
                .SingleAsync();
            return (found.Id, found.Email);
        });

    private Task<Guid> ItemAsync(Guid enrolmentId, EvidenceStatus status) =>
        QueryAsync(Factory, db => db.EvidenceItems.Where(i => i.EnrolmentId == enrolmentId && i.Status == status).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());

    /// <summary>A submitted item of the enrolment that no assessor has reviewed yet (not a resubmission).</summary>
    private Task<Guid> UnreviewedSubmittedItemAsync(Guid enrolmentId) =>
        QueryAsync(Factory, db => db.EvidenceItems
            .Where(i => i.EnrolmentId == enrolmentId && i.Status == EvidenceStatus.Submitted && !db.EvidenceReviews.Any(r => r.EvidenceItemId == i.Id))
            .OrderBy(i => i.Id)
            .Select(i => i.Id)
            .FirstAsync());

    /// <summary>Changes the enrolment's status through the domain, as the provider's page would.</summary>
    private async Task ChangeStatusAsync(Guid enrolmentId, Action<Enrolment> change)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<Persistence.AppDbContext>>().CreateDbContextAsync();
        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == enrolmentId);
        change(enrolment);
        await db.SaveChangesAsync();
    }

    /// <summary>The page's own form as the browser holds it, to post after something changed behind it.</summary>
    private static async Task<IHtmlFormElement> MainFormAsync(HttpClient client, string url) =>
        (IHtmlFormElement)((await AppFactory.ParseAsync(await client.GetAsync(url))).QuerySelector(Forms.MainForm)
            ?? throw new InvalidOperationException($"{url} has no form."));
}
