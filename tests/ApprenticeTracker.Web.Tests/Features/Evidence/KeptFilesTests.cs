using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>
/// After a refusal the files already chosen are not lost: they wait staged, offered again on the form, and the next
/// save attaches them; only the person and the form they were chosen in can claim them (docs/decisions/0157).
/// </summary>
public sealed class KeptFilesTests : SeededAppFixture
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

    [Test]
    public async Task A_refused_form_keeps_the_chosen_file_and_the_next_save_attaches_it_without_choosing_it_again()
    {
        var refused = await RefuseWithAFileAsync("kept-scan.png");
        var filesAfterRefusal = CountStoredFiles(Factory);

        using var saved = await Forms.PostAsync(_client, EvidenceRoutes.New, MainForm(refused),
            [.. Fields("The kept scan", [_duties["D1"]]), new(EvidenceFormModel.KeptFilesField, KeptTokens(refused).Single())]);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "saved");
        var item = SavedItemId(saved);
        Assert.That(await QueryAsync(Factory, db => db.Attachments.Where(a => a.EvidenceItemId == item).Select(a => a.FileName).ToListAsync()), Is.EqualTo(new[] { "kept-scan.png" }));
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(filesAfterRefusal), "the staged file moved into the store");
        using var download = await _client.GetAsync(EvidenceRoutes.Attachment(item, await QueryAsync(Factory, db => db.Attachments.Where(a => a.EvidenceItemId == item).Select(a => a.Id).SingleAsync())));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Png));
    }

    [Test]
    public async Task A_kept_file_left_unticked_is_not_attached()
    {
        var refused = await RefuseWithAFileAsync("unticked.png");

        using var saved = await Forms.PostAsync(_client, EvidenceRoutes.New, MainForm(refused), Fields("Without the kept file", [_duties["D1"]]));

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "saved");
        var item = SavedItemId(saved);
        Assert.That(await QueryAsync(Factory, db => db.Attachments.CountAsync(a => a.EvidenceItemId == item)), Is.Zero);
    }

    [Test]
    public async Task A_kept_file_is_offered_again_after_a_second_refusal()
    {
        var refused = await RefuseWithAFileAsync("twice.png");

        using var again = await Forms.PostAsync(_client, EvidenceRoutes.New, MainForm(refused),
            [.. Fields("", [_duties["D1"]]), new(EvidenceFormModel.KeptFilesField, KeptTokens(refused).Single())]);
        var page = await AppFactory.ParseAsync(again);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelectorAll(".kept-files label").Select(l => l.TextContent), Has.Exactly(1).StartsWith("twice.png"));
    }

    [Test]
    public async Task Another_apprentice_cannot_claim_a_kept_file_with_its_token()
    {
        var refused = await RefuseWithAFileAsync("not-yours.png");
        var (_, otherEmail) = await OtherApprenticeAsync(Factory);
        using var other = await SignInAsync(otherEmail);
        var items = await CountItemsAsync(Factory);

        using var response = await PostFormAsync(other, EvidenceRoutes.New,
            [.. Fields("Someone else's file", [(await DutyIdsAsync(other))["D1"]]), new(EvidenceFormModel.KeptFilesField, KeptTokens(refused).Single())]);
        var page = await AppFactory.ParseAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "refused");
        Assert.That(FieldError(page, EvidenceFormModel.AttachmentsField), Is.EqualTo(EvidenceSaving.KeptFileGone));
        Assert.That(await CountItemsAsync(Factory), Is.EqualTo(items));
        Assert.That(page.Body!.TextContent, Does.Not.Contain("not-yours.png"));
    }

    [Test]
    public async Task A_kept_file_cannot_be_claimed_by_another_form_of_the_same_apprentice()
    {
        var refused = await RefuseWithAFileAsync("other-form.png");
        var items = await CountItemsAsync(Factory);

        // A fresh form has a fresh token: the kept file belongs to the refused one.
        using var response = await PostFormAsync(_client, EvidenceRoutes.New,
            [.. Fields("Another form", [_duties["D1"]]), new(EvidenceFormModel.KeptFilesField, KeptTokens(refused).Single())]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "refused");
        Assert.That(FieldError(await AppFactory.ParseAsync(response), EvidenceFormModel.AttachmentsField), Is.EqualTo(EvidenceSaving.KeptFileGone));
        Assert.That(await CountItemsAsync(Factory), Is.EqualTo(items));
    }

    /// <summary>Posts the form with a good file and no title: refused, with the file kept.</summary>
    private async Task<IHtmlDocument> RefuseWithAFileAsync(string fileName)
    {
        var staged = CountStoredFiles(Factory);
        using var response = await PostFormAsync(_client, EvidenceRoutes.New, Fields("", [_duties["D1"]]), [File(fileName, Png)]);
        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "refused");
        Assert.That(page.QuerySelectorAll(".kept-files label").Select(l => l.TextContent).ToList(), Has.Count.EqualTo(1).And.All.StartsWith($"{fileName} ("));
        Assert.That(CountStoredFiles(Factory), Is.EqualTo(staged + 1), "the file waits staged");
        return page;
    }

    private static IHtmlFormElement MainForm(IHtmlDocument page) => (IHtmlFormElement)page.QuerySelector("main form.evidence-form")!;

    private static List<string> KeptTokens(IHtmlDocument page) =>
        page.QuerySelectorAll(".kept-files input[type=checkbox]").OfType<IHtmlInputElement>().Where(b => b.IsChecked).Select(b => b.Value).ToList();
}
