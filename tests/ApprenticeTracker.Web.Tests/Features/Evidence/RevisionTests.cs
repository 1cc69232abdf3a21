using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>
/// Revising accepted evidence: a new version starts as a draft, and the accepted one stays on record, visible and
/// counted (DOMAIN.md: "later changes create a new version and keep the old one").
/// </summary>
public sealed class RevisionTests : SeededAppFixture
{
    [Test]
    public async Task Revising_accepted_evidence_starts_a_draft_version_and_keeps_the_accepted_one_visible_and_counted()
    {
        using var client = await SignInAsApprenticeAsync();
        var accepted = await UnrevisedAcceptedItemAsync();
        var before = await QueryAsync(Factory, db => db.EvidenceItems.Include(i => i.Duties).Include(i => i.Attachments).AsNoTracking().SingleAsync(i => i.Id == accepted));
        var dutyIds = before.Duties.Select(d => d.DutyId).ToList();
        var countsBefore = await CountsAsync(before.EnrolmentId, dutyIds);

        var detail = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(accepted)));
        var confirm = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Revise(accepted)));
        using var revised = await PostFormAsync(client, EvidenceRoutes.Revise(accepted), []);

        var target = revised.RedirectTarget()!;
        var revisionId = Guid.Parse(target.Split('/')[2]);
        var revision = await QueryAsync(Factory, db => db.EvidenceItems.Include(i => i.Duties).Include(i => i.Attachments).AsNoTracking().SingleAsync(i => i.Id == revisionId));
        var original = await QueryAsync(Factory, db => db.EvidenceItems.AsNoTracking().SingleAsync(i => i.Id == accepted));
        var audit = await QueryAsync(Factory, db => db.AuditEvents.Where(e => e.EntityId == revisionId).Select(e => e.Action).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(detail.QuerySelector($"main a[href='{EvidenceRoutes.Revise(accepted)}']")?.TextContent, Is.EqualTo("Revise"));
            Assert.That(confirm.QuerySelector("h1")?.TextContent, Is.EqualTo("Revise this evidence?"));
            Assert.That(target, Is.EqualTo(EvidenceRoutes.Edit(revisionId)));
            Assert.That((revision.Status, revision.RevisionOfId, revision.RevisionNumber, revision.Title), Is.EqualTo((EvidenceStatus.Draft, (Guid?)accepted, before.RevisionNumber + 1, before.Title)));
            Assert.That(revision.Duties.Select(d => d.DutyId), Is.EquivalentTo(dutyIds));
            Assert.That(revision.Attachments.Select(a => a.StorageKey), Is.EquivalentTo(before.Attachments.Select(a => a.StorageKey)));
            Assert.That((original.Status, original.UpdatedAt), Is.EqualTo((EvidenceStatus.Accepted, before.UpdatedAt)));
            Assert.That(audit, Does.Contain("evidence.revision-started"));
        });

        using var submitted = await PostFormAsync(client, EvidenceRoutes.Edit(revisionId), Fields(before.Title + " (revised)", dutyIds, action: "submit"));

        var countsAfter = await CountsAsync(before.EnrolmentId, dutyIds);
        var oldPage = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(accepted)));
        var newPage = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(revisionId)));
        Assert.Multiple(() =>
        {
            Assert.That(submitted.RedirectTarget(), Is.EqualTo($"{EvidenceRoutes.Detail(revisionId)}?saved=submit"));
            Assert.That(countsAfter.Select(c => (c.DutyId, c.Accepted)), Is.EquivalentTo(countsBefore.Select(c => (c.DutyId, c.Accepted))), "the accepted version still counts");
            Assert.That(countsAfter.Select(c => (c.DutyId, c.Submitted)), Is.EquivalentTo(countsBefore.Select(c => (c.DutyId, c.Submitted + 1))), "the revision waits for review");
            Assert.That(oldPage.QuerySelector($"main a[href='{EvidenceRoutes.Revise(accepted)}']"), Is.Null, "one revision at a time");
            Assert.That(oldPage.QuerySelector($".evidence-versions a[href='{EvidenceRoutes.Detail(revisionId)}']"), Is.Not.Null);
            Assert.That(newPage.QuerySelector($".evidence-versions a[href='{EvidenceRoutes.Detail(accepted)}']"), Is.Not.Null);
            Assert.That(newPage.QuerySelector(".evidence-versions [aria-current=page]")?.TextContent, Does.StartWith($"Version {before.RevisionNumber + 1}"));
        });
    }

    [Test]
    public async Task Asking_twice_to_revise_leads_to_the_revision_already_started_not_a_second_one()
    {
        using var client = await SignInAsApprenticeAsync();
        var accepted = await UnrevisedAcceptedItemAsync();
        var page = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Revise(accepted)));
        var form = (IHtmlFormElement)page.QuerySelector(Forms.MainForm)!;

        // The same form posted twice, as from a second tab opened before the first post.
        using var first = await Forms.PostAsync(client, EvidenceRoutes.Revise(accepted), form, []);
        using var second = await Forms.PostAsync(client, EvidenceRoutes.Revise(accepted), form, []);

        Assert.That(second.RedirectTarget(), Is.EqualTo(first.RedirectTarget()));
        Assert.That(await QueryAsync(Factory, db => db.EvidenceItems.CountAsync(i => i.RevisionOfId == accepted)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_draft_is_changed_not_revised()
    {
        using var client = await SignInAsApprenticeAsync();
        var draft = await ItemOfAsync(Factory, await DemoApprenticeIdAsync(Factory), EvidenceStatus.Draft);
        var countBefore = await CountItemsAsync(Factory);

        var page = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Revise(draft)));
        using var posted = await Forms.PostAsync(client, EvidenceRoutes.Revise(draft), await ReviseFormAsync(client), []);

        Assert.That(page.QuerySelector("main form"), Is.Null);
        Assert.That(page.QuerySelector("main")?.TextContent, Does.Contain("Only accepted evidence is revised"));
        Assert.That(posted.StatusCode, Is.Not.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await CountItemsAsync(Factory), Is.EqualTo(countBefore));
    }

    [Test]
    public async Task Another_apprentice_s_accepted_evidence_is_not_found_and_not_revised()
    {
        using var client = await SignInAsApprenticeAsync();
        var (other, _) = await OtherApprenticeAsync(Factory);
        var theirs = await ItemOfAsync(Factory, other, EvidenceStatus.Accepted);
        var countBefore = await CountItemsAsync(Factory);

        using var page = await client.GetAsync(EvidenceRoutes.Revise(theirs));
        using var posted = await Forms.PostAsync(client, EvidenceRoutes.Revise(theirs), await ReviseFormAsync(client), []);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await CountItemsAsync(Factory), Is.EqualTo(countBefore));
    }

    /// <summary>The revise form as the apprentice's own accepted item offers it (with its antiforgery token), to post elsewhere.</summary>
    private async Task<IHtmlFormElement> ReviseFormAsync(HttpClient client)
    {
        var page = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Revise(await UnrevisedAcceptedItemAsync())));
        var form = (IHtmlFormElement)page.QuerySelector(Forms.MainForm)!;

        // Posted to the address the test names, as a form copied into another item's page would be.
        form.RemoveAttribute("action");
        return form;
    }

    private Task<Guid> UnrevisedAcceptedItemAsync() =>
        QueryAsync(Factory, async db =>
        {
            var apprentice = await DemoApprenticeIdAsync(Factory);
            return await (
                    from i in db.EvidenceItems
                    join e in db.Enrolments on i.EnrolmentId equals e.Id
                    where e.ApprenticeId == apprentice && i.Status == EvidenceStatus.Accepted
                        && !db.EvidenceItems.Any(r => r.RevisionOfId == i.Id)
                    orderby i.CreatedAt
                    select i.Id)
                .FirstAsync();
        });

    private Task<List<Persistence.ReadModels.DutyEvidenceCount>> CountsAsync(Guid enrolmentId, List<Guid> dutyIds) =>
        QueryAsync(Factory, db => db.DutyEvidenceCounts.AsNoTracking().Where(c => c.EnrolmentId == enrolmentId && dutyIds.Contains(c.DutyId)).ToListAsync());
}
