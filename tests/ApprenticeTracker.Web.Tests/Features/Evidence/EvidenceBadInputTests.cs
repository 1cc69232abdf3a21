using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>
/// Every refusal is a message beside its field, the form keeps what was typed, and nothing is half-saved: no item
/// and no file left in the store.
/// </summary>
public sealed class EvidenceBadInputTests : SeededAppFixture
{
    private HttpClient _client = null!;
    private IReadOnlyDictionary<string, Guid> _duties = null!;

    [OneTimeSetUp]
    public async Task SignIn()
    {
        _client = await SignInAsApprenticeAsync();
        _duties = await DutyIdsAsync(_client);
    }

    [OneTimeTearDown]
    public void SignOut() => _client.Dispose();

    [TestCase("", "Enter the title.")]
    [TestCase("   ", "Enter the title.")]
    public async Task A_missing_title_is_refused_beside_the_title(string title, string message)
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields(title, [_duties["D1"]], description: "Kept as typed"));

        Assert.That(FieldError(page, "Title"), Is.EqualTo(message));
        Assert.That(page.QuerySelector("#Title")?.ClassList, Does.Contain("is-invalid"));
        Assert.That(page.QuerySelector("#Description")?.TextContent, Is.EqualTo("Kept as typed"));
        Assert.That(Fragment(page.QuerySelector(".error-summary a")?.GetAttribute("href")), Is.EqualTo("#Title"));
    }

    [Test]
    public async Task Every_refusal_of_a_form_is_shown_at_once_in_page_order()
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields("", [], action: "submit", type: "", date: "2099-01-01"));

        Assert.That(FieldError(page, "Title"), Is.EqualTo("Enter the title."));
        Assert.That(FieldError(page, "Type"), Is.EqualTo("Choose the type of evidence."));
        Assert.That(FieldError(page, "ActivityDate"), Is.EqualTo("The activity date cannot be in the future."));
        Assert.That(FieldError(page, "DutyIds"), Is.EqualTo("Choose at least one duty this evidence supports before you submit it."));
        Assert.That(page.QuerySelectorAll(".error-summary a").Select(a => Fragment(a.GetAttribute("href"))), Is.EqualTo(new[] { "#Title", "#Type", "#ActivityDate", "#DutyIds" }));
    }

    [Test]
    public async Task An_over_long_title_is_refused_and_kept_as_typed()
    {
        var title = new string('x', 201);

        var page = await RefusedAsync(EvidenceRoutes.New, Fields(title, [_duties["D1"]]));

        Assert.That(FieldError(page, "Title"), Is.EqualTo("The title must be 200 characters or fewer."));
        Assert.That(page.QuerySelector("#Title")?.GetAttribute("value"), Is.EqualTo(title));
    }

    [Test]
    public async Task An_activity_date_in_the_future_is_refused()
    {
        var tomorrow = DateTime.UtcNow.Date.AddDays(2).ToString("yyyy-MM-dd");

        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Tomorrow's clinic", [_duties["D1"]], date: tomorrow));

        Assert.That(FieldError(page, "ActivityDate"), Is.EqualTo("The activity date cannot be in the future."));
        Assert.That(page.QuerySelector("#ActivityDate")?.GetAttribute("value"), Is.EqualTo(tomorrow));
    }

    [Test]
    public async Task An_activity_date_before_the_apprenticeship_started_is_refused()
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Before I started", [_duties["D1"]], date: "2001-01-01"));

        Assert.That(FieldError(page, "ActivityDate"), Does.StartWith("The activity date cannot be before the apprenticeship started"));
    }

    [Test]
    public async Task A_date_that_is_not_a_date_is_refused()
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Odd date", [_duties["D1"]], date: "2026-02-30"));

        Assert.That(FieldError(page, "ActivityDate"), Does.StartWith("Enter the date of the activity as a real date"));
    }

    [Test]
    public async Task Submitting_without_a_duty_is_refused_beside_the_duties()
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields("No duty chosen", [], action: "submit"));

        Assert.That(FieldError(page, "DutyIds"), Is.EqualTo("Choose at least one duty this evidence supports before you submit it."));
        Assert.That(page.QuerySelectorAll("input[name=DutyIds]:checked"), Is.Empty);
    }

    [Test]
    public async Task A_duty_of_another_standard_is_refused()
    {
        var file = await StandardFiles.WriteVariantAsync(Factory, json =>
        {
            json["referenceNumber"] = "ST9999";
            json["larsCode"] = 9999;
        });
        var imported = await CommandLineRun.RunAsync(Factory, "import-standard", file);
        Assert.That(imported.ExitCode, Is.Zero, imported.Error);
        var forged = await QueryAsync(Factory, db => db.Duties.Where(d => db.Standards.Any(s => s.Id == d.StandardId && s.ReferenceNumber == "ST9999")).Select(d => d.Id).FirstAsync());

        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Forged duty", [_duties["D1"], forged]));

        Assert.That(FieldError(page, "DutyIds"), Does.Contain("belongs to another standard"));
    }

    [Test]
    public async Task A_file_over_twenty_megabytes_is_refused_and_leaves_nothing_on_disk()
    {
        var big = new byte[(20 * 1024 * 1024) + 1];
        "%PDF-"u8.CopyTo(big);

        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Huge scan", [_duties["D1"]]), [File("huge.pdf", big)]);

        Assert.That(FieldError(page, "Attachments"), Is.EqualTo("'huge.pdf' is larger than 20 MB, the most a file may be."));
        Assert.That(page.QuerySelector(".kept-files"), Is.Null, "a refused file is not kept");
    }

    [Test]
    public async Task An_executable_renamed_pdf_is_refused()
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Not really a PDF", [_duties["D1"]]), [File("report.pdf", Executable)]);

        Assert.That(FieldError(page, "Attachments"), Does.StartWith("'report.pdf' is not a kind of file that can be attached."));
    }

    [Test]
    public async Task Text_whose_name_claims_a_pdf_is_refused_beside_the_files()
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Text called a PDF", [_duties["D1"]]), [File("report.pdf", "Just some notes.\n"u8.ToArray())]);

        Assert.That(FieldError(page, "Attachments"), Is.EqualTo("'report.pdf' holds plain text, but its name says it is a PDF document. Attach the real file, or rename this one to end in .txt."));
    }

    [TestCase("page.html", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>", "'page.html' is a web page (HTML), which cannot be attached: a web page can carry scripts")]
    [TestCase("notes.txt", "<html><body>Looks like notes</body></html>", "'notes.txt' is a web page (HTML), which cannot be attached")]
    [TestCase("logo.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "'logo.svg' is an SVG image, which cannot be attached: an SVG image can carry scripts")]
    public async Task Html_and_svg_are_refused_with_the_reason_whatever_they_are_called(string name, string content, string message)
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Markup", [_duties["D1"]]), [File(name, System.Text.Encoding.UTF8.GetBytes(content))]);

        Assert.That(FieldError(page, "Attachments"), Does.StartWith(message));
        Assert.That(page.QuerySelector(".error-summary a[href$='#Attachments']"), Is.Not.Null);
    }

    [Test]
    public async Task A_file_name_with_a_right_to_left_override_is_refused_beside_the_files()
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Disguised name", [_duties["D1"]]), [File("invoice\u202Efdp.exe", PdfBytes)]);

        Assert.That(FieldError(page, "Attachments"), Does.StartWith("The file name 'invoice?fdp.exe' contains invisible characters"));
        Assert.That(page.QuerySelector("#Attachments")?.ClassList, Does.Contain("is-invalid"));
    }

    [TestCase(@"..\evil.pdf")]
    [TestCase("a/b.pdf")]
    public async Task A_file_name_with_path_characters_is_refused(string name)
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Sneaky name", [_duties["D1"]]), [File(name, PdfBytes)]);

        Assert.That(FieldError(page, "Attachments"), Does.Contain("contains characters that are not allowed in a file name"));
    }

    [Test]
    public async Task A_good_file_sent_with_a_refused_one_is_not_kept_either()
    {
        var page = await RefusedAsync(EvidenceRoutes.New, Fields("One good, one bad", [_duties["D1"]]), [File("good.png", Png), File("bad.pdf", Executable)]);

        Assert.That(FieldError(page, "Attachments"), Does.Contain("'bad.pdf'"));
    }

    [Test]
    public async Task More_than_ten_files_are_refused()
    {
        var files = Enumerable.Range(1, 11).Select(i => File($"page-{i}.png", Png)).ToList();

        var page = await RefusedAsync(EvidenceRoutes.New, Fields("Eleven pages", [_duties["D1"]]), files);

        Assert.That(FieldError(page, "Attachments"), Does.StartWith("An item of evidence can have at most 10 files."));
    }

    [TestCase("forged-token")]
    [TestCase("")]
    public async Task A_forged_or_missing_antiforgery_token_is_refused_with_400_and_nothing_saved(string token)
    {
        var items = await CountItemsAsync(Factory);
        var files = CountStoredFiles(Factory);
        var fields = Fields("Cross-site", [_duties["D1"]]);
        fields.Add(new("__RequestVerificationToken", token));

        using var response = await Forms.PostFormAsync(_client, EvidenceRoutes.New, fields, [File("x.png", Png)]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await CountItemsAsync(Factory), Is.EqualTo(items));
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(files));
    }

    [Test]
    public async Task The_same_form_posted_twice_creates_one_item()
    {
        var formPage = await AppFactory.ParseAsync(await _client.GetAsync(EvidenceRoutes.New));
        var form = (IHtmlFormElement)formPage.QuerySelector(Forms.MainForm)!;
        var items = await CountItemsAsync(Factory);

        using var first = await Forms.PostAsync(_client, EvidenceRoutes.New, form, Fields("Clicked twice", [_duties["D2"]]), [File("twice.png", Png)]);
        var filesAfterFirst = CountStoredFiles(Factory);
        using var second = await Forms.PostAsync(_client, EvidenceRoutes.New, form, Fields("Clicked twice", [_duties["D2"]]), [File("twice.png", Png)]);

        Assert.That(SavedItemId(second), Is.EqualTo(SavedItemId(first)));
        Assert.That(await CountItemsAsync(Factory), Is.EqualTo(items + 1));
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(filesAfterFirst));
    }

    [Test]
    public async Task An_edit_of_an_item_changed_meanwhile_is_refused_and_keeps_what_was_typed()
    {
        using var created = await PostFormAsync(_client, EvidenceRoutes.New, Fields("Edited in two tabs", [_duties["D3"]]));
        var id = SavedItemId(created);
        var staleTab = (IHtmlFormElement)(await AppFactory.ParseAsync(await _client.GetAsync(EvidenceRoutes.Edit(id)))).QuerySelector(Forms.MainForm)!;
        using var otherTab = await PostFormAsync(_client, EvidenceRoutes.Edit(id), Fields("Changed in the other tab", [_duties["D3"]]));

        using var response = await Forms.PostAsync(_client, EvidenceRoutes.Edit(id), staleTab, Fields("Typed in the stale tab", [_duties["D3"]]));

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector(".error-summary")?.TextContent, Does.Contain("was changed (perhaps in another tab) after you opened it"));
        Assert.That(page.QuerySelector("#Title")?.GetAttribute("value"), Is.EqualTo("Typed in the stale tab"));
        Assert.That(await QueryAsync(Factory, db => db.EvidenceItems.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()), Is.EqualTo("Changed in the other tab"));
    }

    [Test]
    public async Task A_refused_edit_saves_nothing_and_leaves_no_file()
    {
        using var created = await PostFormAsync(_client, EvidenceRoutes.New, Fields("Draft to spoil", [_duties["D4"]]));
        var id = SavedItemId(created);

        var page = await RefusedAsync(EvidenceRoutes.Edit(id), Fields("", [_duties["D4"]]), [File("fine.png", Png)]);

        Assert.That(FieldError(page, "Title"), Is.EqualTo("Enter the title."));
        Assert.That(await QueryAsync(Factory, db => db.Attachments.CountAsync(a => a.EvidenceItemId == id)), Is.Zero);
        Assert.That(await QueryAsync(Factory, db => db.EvidenceItems.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()), Is.EqualTo("Draft to spoil"));
    }

    /// <summary>Posts the form, and checks that it was refused with the form shown again and nothing stored.</summary>
    private async Task<IHtmlDocument> RefusedAsync(string url, List<KeyValuePair<string, string>> fields, IEnumerable<FormFile>? files = null)
    {
        var items = await CountItemsAsync(Factory);
        var attachments = await QueryAsync(Factory, db => db.Attachments.CountAsync());
        var stored = CountStoredFiles(Factory);

        using var response = await PostFormAsync(_client, url, fields, files);
        var page = await AppFactory.ParseAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => $"refused forms are shown again, not {(int)response.StatusCode} {response.Headers.Location}");
        Assert.That(await CountItemsAsync(Factory), Is.EqualTo(items), "no item is saved");
        Assert.That(await QueryAsync(Factory, db => db.Attachments.CountAsync()), Is.EqualTo(attachments), "no attachment is saved");
        // A file that was itself acceptable waits staged for the next try, offered again on the form (decision 157).
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(stored + page.QuerySelectorAll(".kept-files input[type=checkbox]").Length), "no file is left but those kept for the next try");
        return page;
    }

    /// <summary>The fragment of a link within the page (the page's path comes before it: see SamePageLinks).</summary>
    private static string? Fragment(string? href) => href?[href.IndexOf('#', StringComparison.Ordinal)..];
}
