using System.Net;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Portfolio;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>The demo apprentice's daily work, through the real pages, sign-in and antiforgery.</summary>
public sealed class EvidenceJourneyTests : SeededAppFixture
{
    [Test]
    public async Task Evidence_logged_with_a_file_and_submitted_shows_on_the_duty_page_in_the_grid_and_downloads_intact()
    {
        using var client = await SignInAsApprenticeAsync();
        var duties = await DutyIdsAsync(client);
        var before = await GridCountsAsync(client, "D4");

        using var saved = await PostFormAsync(client, EvidenceRoutes.New, Fields("Explaining results to a family", [duties["D4"]], action: "submit"), [File("notes.pdf", PdfBytes)]);
        var id = SavedItemId(saved);

        var detail = await AppFactory.ParseAsync(await client.GetAsync(saved.RedirectTarget()));
        var dutyPage = await AppFactory.ParseAsync(await client.GetAsync(PortfolioRoutes.Duty(duties["D4"])));
        var after = await GridCountsAsync(client, "D4");
        var link = detail.QuerySelector(".attachments a")!.GetAttribute("href")!;
        using var download = await client.GetAsync(link);
        Assert.Multiple(() =>
        {
            Assert.That(detail.QuerySelector(".status-badge")?.TextContent, Is.EqualTo("Submitted"));
            Assert.That(detail.QuerySelector("[role=status]")?.TextContent, Does.Contain("submitted for review"));
            Assert.That(dutyPage.QuerySelectorAll(".duty-evidence tbody th a").Select(a => a.TextContent), Does.Contain("Explaining results to a family"));
            Assert.That(after.Submitted, Is.EqualTo(before.Submitted + 1));
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(download.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(download.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("notes.pdf"));
            Assert.That(download.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        });
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(PdfBytes));
    }

    [Test]
    public async Task A_file_name_outside_ASCII_is_offered_as_written_through_filename_star()
    {
        using var client = await SignInAsApprenticeAsync();
        var duties = await DutyIdsAsync(client);
        using var saved = await PostFormAsync(client, EvidenceRoutes.New, Fields("Łucja's reflection", [duties["D9"]]), [File("Łucja – reflection.txt", "Zażółć gęślą jaźń\n"u8.ToArray())]);
        var id = SavedItemId(saved);
        var link = (await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(id)))).QuerySelector(".attachments a")!.GetAttribute("href")!;

        using var download = await client.GetAsync(link);

        var disposition = string.Join(",", download.Content.Headers.GetValues("Content-Disposition"));
        Assert.That(disposition, Does.Contain("filename*=UTF-8''%C5%81ucja%20%E2%80%93%20reflection.txt"));
        Assert.That(download.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
    }

    [Test]
    public async Task Text_named_without_txt_is_kept_and_downloaded_as_txt()
    {
        using var client = await SignInAsApprenticeAsync();
        var duties = await DutyIdsAsync(client);
        using var saved = await PostFormAsync(client, EvidenceRoutes.New, Fields("Readings", [duties["D9"]]), [File("readings.csv", "time,value\n09:00,4.2\n"u8.ToArray())]);
        var id = SavedItemId(saved);
        var detail = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(id)));
        var link = detail.QuerySelector(".attachments a")!;

        using var download = await client.GetAsync(link.GetAttribute("href"));

        Assert.That(link.TextContent, Does.Contain("readings.csv.txt"));
        Assert.That(download.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("readings.csv.txt"));
        Assert.That(download.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
    }

    [Test]
    public async Task The_demo_apprentice_s_seeded_attachments_download()
    {
        using var client = await SignInAsApprenticeAsync();
        var attachment = await QueryAsync(Factory, db => db.Attachments.OrderBy(a => a.FileName).FirstAsync());

        using var download = await client.GetAsync(EvidenceRoutes.Attachment(attachment.EvidenceItemId, attachment.Id));

        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await download.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(attachment.SizeBytes));
    }

    [Test]
    public async Task A_draft_is_changed_through_the_edit_form()
    {
        using var client = await SignInAsApprenticeAsync();
        var duties = await DutyIdsAsync(client);
        using var created = await PostFormAsync(client, EvidenceRoutes.New, Fields("First thoughts", [duties["D1"]]));
        var id = SavedItemId(created);

        using var edited = await PostFormAsync(client, EvidenceRoutes.Edit(id), Fields("Second thoughts", [duties["D1"], duties["D2"]], date: "2026-01-15"));

        var item = await QueryAsync(Factory, db => db.EvidenceItems.Include(i => i.Duties).SingleAsync(i => i.Id == id));
        Assert.That(edited.RedirectTarget(), Is.EqualTo($"{EvidenceRoutes.Detail(id)}?saved=draft"));
        Assert.That(item.Title, Is.EqualTo("Second thoughts"));
        Assert.That(item.ActivityDate, Is.EqualTo(new DateOnly(2026, 1, 15)));
        Assert.That(item.Duties.Select(d => d.DutyId), Is.EquivalentTo(new[] { duties["D1"], duties["D2"] }));
        Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Draft));
    }

    [Test]
    public async Task A_draft_is_deleted_after_confirming_with_its_only_file()
    {
        using var client = await SignInAsApprenticeAsync();
        var duties = await DutyIdsAsync(client);
        using var created = await PostFormAsync(client, EvidenceRoutes.New, Fields("To be deleted", [duties["D3"]]), [File("scan.png", Png)]);
        var id = SavedItemId(created);
        var filesBefore = CountStoredFiles(Factory);

        var confirm = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Delete(id)));
        using var deleted = await PostFormAsync(client, EvidenceRoutes.Delete(id), []);

        Assert.That(confirm.QuerySelector("h1")?.TextContent, Is.EqualTo("Delete this draft?"));
        Assert.That(deleted.RedirectTarget(), Is.EqualTo(EvidenceRoutes.List + "?deleted=1"));
        Assert.That(await QueryAsync(Factory, db => db.EvidenceItems.AnyAsync(i => i.Id == id)), Is.False);
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(filesBefore - 1));
        Assert.That((await client.GetAsync(EvidenceRoutes.Detail(id))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Submitted_evidence_cannot_be_deleted()
    {
        using var client = await SignInAsApprenticeAsync();
        var apprentice = await DemoApprenticeIdAsync(Factory);
        var submitted = await ItemOfAsync(Factory, apprentice, EvidenceStatus.Submitted);

        var page = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Delete(submitted)));

        Assert.That(page.QuerySelector("main form"), Is.Null);
        Assert.That(page.QuerySelector("main")?.TextContent, Does.Contain("Only a draft can be deleted"));
    }

    [Test]
    public async Task An_item_referred_back_shows_its_feedback_and_is_resubmitted_after_changes()
    {
        using var client = await SignInAsApprenticeAsync();
        var apprentice = await DemoApprenticeIdAsync(Factory);
        var id = await ItemOfAsync(Factory, apprentice, EvidenceStatus.ReferredBack);
        var feedback = await QueryAsync(Factory, db => db.EvidenceReviews.Where(r => r.EvidenceItemId == id).OrderByDescending(r => r.ReviewedAt).Select(r => r.Feedback).FirstAsync());
        var duties = await DutyIdsAsync(client);

        var editPage = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Edit(id)));
        using var resubmitted = await PostFormAsync(client, EvidenceRoutes.Edit(id), Fields("Now with the witness's role", [duties["D5"]], action: "submit"));

        var item = await QueryAsync(Factory, db => db.EvidenceItems.SingleAsync(i => i.Id == id));
        var history = await AppFactory.ParseAsync(await client.GetAsync(EvidenceRoutes.Detail(id)));
        Assert.That(editPage.QuerySelector(".alert-warning .feedback")?.TextContent, Is.EqualTo(feedback));
        Assert.That(resubmitted.RedirectTarget(), Is.EqualTo($"{EvidenceRoutes.Detail(id)}?saved=submit"));
        Assert.That(item.Status, Is.EqualTo(EvidenceStatus.Submitted));
        Assert.That(item.SubmissionCount, Is.GreaterThanOrEqualTo(2));
        Assert.That(history.QuerySelectorAll(".reviews li h3").Select(h => h.TextContent), Has.Some.StartsWith("Referred back by"));
    }

    [Test]
    public async Task An_attachment_removed_from_a_draft_goes_from_the_item_and_the_store_and_the_typed_text_stays()
    {
        using var client = await SignInAsApprenticeAsync();
        var duties = await DutyIdsAsync(client);
        using var created = await PostFormAsync(client, EvidenceRoutes.New, Fields("With two files", [duties["D6"]]), [File("a.png", Png), File("b.pdf", PdfBytes)]);
        var id = SavedItemId(created);
        var filesBefore = CountStoredFiles(Factory);
        var remove = await QueryAsync(Factory, db => db.Attachments.SingleAsync(a => a.EvidenceItemId == id && a.FileName == "a.png"));

        var fields = Fields("Typed but not saved", [duties["D6"]]);
        fields.Add(new("Form.RemoveAttachmentId", remove.Id.ToString()));
        using var response = await PostFormAsync(client, EvidenceRoutes.Edit(id), fields);

        var page = await AppFactory.ParseAsync(response);
        var files = await QueryAsync(Factory, db => db.Attachments.Where(a => a.EvidenceItemId == id).Select(a => a.FileName).ToListAsync());
        Assert.That(files, Is.EqualTo(new[] { "b.pdf" }));
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(filesBefore - 1));
        Assert.That(page.QuerySelector("#Title")?.GetAttribute("value"), Is.EqualTo("Typed but not saved"));
        Assert.That(await QueryAsync(Factory, db => db.EvidenceItems.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()), Is.EqualTo("With two files"));
    }

    [Test]
    public async Task The_portfolio_shows_ten_duties_progress_in_words_and_next_actions()
    {
        using var client = await SignInAsApprenticeAsync();
        var apprentice = await DemoApprenticeIdAsync(Factory);
        var waiting = await QueryAsync(Factory, db => (
                from i in db.EvidenceItems
                join e in db.Enrolments on i.EnrolmentId equals e.Id
                where e.ApprenticeId == apprentice
                group i by i.Status into g
                select new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count));
        var signedOff = await QueryAsync(Factory, db => (
                from s in db.DutySignOffs
                join e in db.Enrolments on s.EnrolmentId equals e.Id
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                where a.Email == Persistence.Seeding.DemoDataSeeder.ApprenticeEmail && s.RevokedAt == null
                select s.Id)
            .CountAsync());

        var page = await AppFactory.ParseAsync(await client.GetAsync(PortfolioRoutes.Home));

        Assert.That(page.QuerySelectorAll(".duty-grid .duty-tile"), Has.Length.EqualTo(10));
        Assert.That(page.QuerySelector("#progress-text")?.TextContent, Does.StartWith($"{signedOff} of 10 duties signed off"));
        Assert.That(page.QuerySelector(".progress")?.GetAttribute("aria-valuenow"), Is.EqualTo(signedOff.ToString()));
        Assert.That(page.QuerySelectorAll(".duty-tile .sign-off strong").Count(s => s.TextContent == "Signed off"), Is.EqualTo(signedOff));
        Assert.That(page.QuerySelectorAll(".referred-back li"), Has.Length.EqualTo(waiting.GetValueOrDefault(EvidenceStatus.ReferredBack)));
        Assert.That(page.QuerySelectorAll(".drafts li"), Has.Length.EqualTo(waiting.GetValueOrDefault(EvidenceStatus.Draft)));
        Assert.That(waiting.GetValueOrDefault(EvidenceStatus.Draft), Is.GreaterThan(0));
    }

    [Test]
    public async Task Removing_a_file_from_a_revision_keeps_the_file_the_accepted_item_still_uses()
    {
        using var client = await SignInAsApprenticeAsync();
        var apprentice = await DemoApprenticeIdAsync(Factory);
        var accepted = await QueryAsync(Factory, db => (
                from a in db.Attachments
                join i in db.EvidenceItems on a.EvidenceItemId equals i.Id
                join e in db.Enrolments on i.EnrolmentId equals e.Id
                where e.ApprenticeId == apprentice && i.Status == EvidenceStatus.Accepted
                select i.Id)
            .FirstAsync());
        var revisionId = await QueryAsync(Factory, async db =>
        {
            var item = await db.EvidenceItems.Include(i => i.Duties).Include(i => i.Ksbs).Include(i => i.Attachments).SingleAsync(i => i.Id == accepted);
            var enrolment = await db.Enrolments.SingleAsync(e => e.Id == item.EnrolmentId);
            var revision = item.Revise(enrolment, new Domain.Common.Actor("test", "Test"), DateTimeOffset.UtcNow);
            db.EvidenceItems.Add(revision);
            await db.SaveChangesAsync();
            return revision.Id;
        });
        var shared = await QueryAsync(Factory, db => db.Attachments.FirstAsync(a => a.EvidenceItemId == revisionId));
        var filesBefore = CountStoredFiles(Factory);
        var fields = Fields("Revised", await QueryAsync(Factory, db => db.Set<EvidenceDuty>().Where(d => d.EvidenceItemId == revisionId).Select(d => d.DutyId).ToListAsync()));
        fields.Add(new("Form.RemoveAttachmentId", shared.Id.ToString()));

        using var response = await PostFormAsync(client, EvidenceRoutes.Edit(revisionId), fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await QueryAsync(Factory, db => db.Attachments.AnyAsync(a => a.Id == shared.Id)), Is.False);
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(filesBefore));
        using var stillThere = await client.GetAsync(EvidenceRoutes.Attachment(accepted, (await QueryAsync(Factory, db => db.Attachments.FirstAsync(a => a.EvidenceItemId == accepted && a.StorageKey == shared.StorageKey))).Id));
        Assert.That(stillThere.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_revoked_sign_off_is_shown_on_the_duty_page_with_its_reason()
    {
        var revoked = await QueryAsync(Factory, db => (
                from s in db.DutySignOffs
                join e in db.Enrolments on s.EnrolmentId equals e.Id
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                where s.RevokedAt != null
                select new { a.Email, s.DutyId, s.RevocationReason })
            .FirstAsync());
        using var client = await SignInAsync(revoked.Email);

        var page = await AppFactory.ParseAsync(await client.GetAsync(PortfolioRoutes.Duty(revoked.DutyId)));

        Assert.That(page.QuerySelector(".revoked-sign-off")?.TextContent, Does.Contain("Sign-off revoked").And.Contain(revoked.RevocationReason!));
    }

    private static async Task<(int Submitted, int Accepted)> GridCountsAsync(HttpClient client, string code)
    {
        var page = await AppFactory.ParseAsync(await client.GetAsync(PortfolioRoutes.Home));
        var tile = page.QuerySelector($"#duty-{code}")!.Closest(".duty-tile")!;
        int Count(string label) => int.Parse(tile.QuerySelectorAll(".evidence-counts div").Single(d => d.QuerySelector("dt")!.TextContent == label).QuerySelector("dd")!.TextContent);
        return (Count("Submitted"), Count("Accepted"));
    }
}
