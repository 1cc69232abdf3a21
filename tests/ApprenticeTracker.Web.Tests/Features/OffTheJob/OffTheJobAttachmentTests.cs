using System.Globalization;
using System.Net;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.OffTheJob;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Tests.Features.OffTheJob;

/// <summary>
/// The optional file of an off-the-job entry, through real HTTP: the evidence file rules (checked by content, stored
/// outside the web root, nothing left behind by a refusal), and its download only for those who see the entry.
/// </summary>
public sealed class OffTheJobAttachmentTests : SeededAppFixture
{
    private static string DaysAgo(int days) => ServiceClock.DateOf(DateTimeOffset.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string>[] Entry(string learnt, string? date = null) =>
    [
        new("Form.ActivityDate", date ?? DaysAgo(2)), new("Form.Hours", "1"), new("Form.Minutes", "0"), new("Form.Kind", "IndustryVisit"), new("Form.WhatWasLearnt", learnt),
    ];

    private static FormFile File(string name, byte[] content) => new(OffTheJobForm.AttachmentField, name, content);

    private async Task<(Guid Id, string? Key)> LoggedAsync(HttpClient apprentice, string learnt, string fileName = "Visit certificate.pdf")
    {
        using var logged = await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry(learnt), [File(fileName, EvidenceTestKit.PdfBytes)]);
        Assert.That(logged.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await logged.Content.ReadAsStringAsync());
        return await EvidenceTestKit.QueryAsync(Factory, async db =>
        {
            var entry = await db.OffTheJobEntries.AsNoTracking().SingleAsync(x => x.WhatWasLearnt == learnt);
            return (entry.Id, entry.Attachment?.StorageKey);
        });
    }

    [Test]
    public async Task A_file_logged_with_an_entry_is_stored_outside_the_web_root_and_shown_in_the_log()
    {
        using var apprentice = await SignInAsApprenticeAsync();

        var (id, key) = await LoggedAsync(apprentice, "Visit to the regional genetics laboratory.");

        Assert.That(key, Is.Not.Null);
        var stored = Directory.GetFiles(Factory.DataPath, key!, SearchOption.AllDirectories);
        Assert.That(stored, Has.Length.EqualTo(1));
        Assert.That(stored[0], Does.Not.Contain("wwwroot"));
        var log = await AppFactory.ParseAsync(await apprentice.GetAsync(OffTheJobRoutes.Mine));
        Assert.That(log.QuerySelector($"#entry-{id} a[href='{OffTheJobRoutes.Attachment(id)}']")?.TextContent, Is.EqualTo("Visit certificate.pdf"));
        Assert.That(await EvidenceTestKit.QueryAsync(Factory, db => db.AuditEvents.CountAsync(a => a.EntityId == id && a.Action == "otj.file-attached")), Is.EqualTo(1));
    }

    [Test]
    public async Task The_file_downloads_for_the_apprentice_their_assessor_and_their_provider_as_an_attachment_never_sniffed()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var (id, _) = await LoggedAsync(apprentice, "Visit to the medical physics workshop.", "Łucja's visit notes.pdf");
        using var assessor = await SignInAsAssessorAsync();
        using var provider = await SignInAsProviderAdminAsync();

        foreach (var client in new[] { apprentice, assessor, provider })
        {
            using var response = await client.GetAsync(OffTheJobRoutes.Attachment(id));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(EvidenceTestKit.PdfBytes));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("Łucja's visit notes.pdf"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        }
    }

    [Test]
    public async Task Another_apprentice_and_another_provider_get_404_and_an_employer_403()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var (id, _) = await LoggedAsync(apprentice, "Visit to the sterile services department.");
        var (_, otherEmail) = await EvidenceTestKit.OtherApprenticeAsync(Factory);
        using var other = await SignInAsync(otherEmail);
        using var providerB = await SignInAsProviderBAdminAsync();
        using var employer = await SignInAsync(DemoDataSeeder.EmployerEmail);

        using var byOther = await other.GetAsync(OffTheJobRoutes.Attachment(id));
        using var byProviderB = await providerB.GetAsync(OffTheJobRoutes.Attachment(id));
        using var byEmployer = await employer.GetAsync(OffTheJobRoutes.Attachment(id));
        using var noFile = await apprentice.GetAsync(OffTheJobRoutes.Attachment(Guid.NewGuid()));

        Assert.That(byOther.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(byProviderB.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(byEmployer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(noFile.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_program_named_as_a_pdf_is_refused_at_the_file_by_its_content_and_nothing_is_saved_or_left_on_disk()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var entries = await EvidenceTestKit.QueryAsync(Factory, db => db.OffTheJobEntries.CountAsync());
        var files = EvidenceTestKit.CountStoredFiles(Factory);

        using var response = await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry("Renamed program."), [File("certificate.pdf", EvidenceTestKit.Executable)]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector($"#{OffTheJobForm.AttachmentField}-error")?.TextContent, Does.Contain("is not a kind of file that can be attached"));
        Assert.That(page.QuerySelector($"#{OffTheJobForm.AttachmentField}")?.ClassList, Does.Contain("is-invalid"));
        Assert.That(await EvidenceTestKit.QueryAsync(Factory, db => db.OffTheJobEntries.CountAsync()), Is.EqualTo(entries));
        Assert.That(EvidenceTestKit.CountStoredFiles(Factory), Is.EqualTo(files));
    }

    [Test]
    public async Task A_good_file_with_a_refused_date_saves_nothing_and_leaves_no_file()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var entries = await EvidenceTestKit.QueryAsync(Factory, db => db.OffTheJobEntries.CountAsync());
        var files = EvidenceTestKit.CountStoredFiles(Factory);

        using var response = await PostFormAsync(apprentice, OffTheJobRoutes.New, Entry("Future visit.", "2999-01-01"), [File("certificate.pdf", EvidenceTestKit.PdfBytes)]);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector($"#{OffTheJobEntry.Fields.ActivityDate}-error")?.TextContent, Does.Contain("future"));
        Assert.That(await EvidenceTestKit.QueryAsync(Factory, db => db.OffTheJobEntries.CountAsync()), Is.EqualTo(entries));
        Assert.That(EvidenceTestKit.CountStoredFiles(Factory), Is.EqualTo(files));
    }

    [Test]
    public async Task Removing_the_file_while_amending_deletes_it_from_the_store()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var (id, key) = await LoggedAsync(apprentice, "Visit to the audiology clinic.");

        using var amended = await PostFormAsync(apprentice, OffTheJobRoutes.Edit(id), [.. Entry("Visit to the audiology clinic."), new("Form.RemoveAttachment", "true")]);

        Assert.That(amended.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await amended.Content.ReadAsStringAsync());
        Assert.That(await EvidenceTestKit.QueryAsync(Factory, db => db.OffTheJobEntries.AsNoTracking().Where(x => x.Id == id).Select(x => x.Attachment).SingleAsync()), Is.Null);
        Assert.That(Directory.GetFiles(Factory.DataPath, key!, SearchOption.AllDirectories), Is.Empty);
        using var gone = await apprentice.GetAsync(OffTheJobRoutes.Attachment(id));
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Deleting_an_entry_deletes_its_file()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var (id, key) = await LoggedAsync(apprentice, "Visit to the blood transfusion laboratory.");

        using var deleted = await Forms.PostFormAsync(apprentice, OffTheJobRoutes.Edit(id), [], formSelector: "main form.mt-4");

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await deleted.Content.ReadAsStringAsync());
        Assert.That(await EvidenceTestKit.QueryAsync(Factory, db => db.OffTheJobEntries.CountAsync(x => x.Id == id)), Is.Zero);
        Assert.That(Directory.GetFiles(Factory.DataPath, key!, SearchOption.AllDirectories), Is.Empty);
    }
}
