using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ApprenticeTracker.Web.Tests.Features.Evidence.EvidenceTestKit;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Portfolio;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>
/// An apprentice sees and changes only their own evidence: another apprentice's record asked for by id answers 404 on
/// every route that takes an id. Other roles get 403 on the apprentice's pages.
/// </summary>
public sealed class EvidencePermissionTests : SeededAppFixture
{
    private HttpClient _client = null!;
    private (Guid Item, Guid Attachment) _othersSubmitted;
    private (Guid Item, Guid Attachment) _othersDraft;
    private (Guid Item, Guid Attachment) _ownSubmitted;
    private Guid _ownDraft;
    private IReadOnlyDictionary<string, Guid> _duties = null!;

    [OneTimeSetUp]
    public async Task LogEvidenceAsTwoApprentices()
    {
        var (_, otherEmail) = await OtherApprenticeAsync(Factory);
        using (var other = await SignInAsync(otherEmail))
        {
            var duties = await DutyIdsAsync(other);
            _othersSubmitted = await LogAsync(other, "Ayşe's submitted evidence", duties["D1"], "submit");
            _othersDraft = await LogAsync(other, "Ayşe's private draft", duties["D1"], "draft");
        }

        _client = await SignInAsApprenticeAsync();
        _duties = await DutyIdsAsync(_client);
        _ownSubmitted = await LogAsync(_client, "Łucja's submitted evidence", _duties["D1"], "submit");
        _ownDraft = (await LogAsync(_client, "Łucja's draft", _duties["D1"], "draft")).Item;
    }

    [OneTimeTearDown]
    public void SignOut() => _client.Dispose();

    private IEnumerable<Guid> OthersItems => [_othersSubmitted.Item, _othersDraft.Item];

    private static readonly TestCaseData[] ItemPages =
    [
        new TestCaseData((Func<Guid, string>)EvidenceRoutes.Detail).SetArgDisplayNames("detail"),
        new TestCaseData((Func<Guid, string>)EvidenceRoutes.Edit).SetArgDisplayNames("edit"),
        new TestCaseData((Func<Guid, string>)EvidenceRoutes.Delete).SetArgDisplayNames("delete"),
    ];

    [TestCaseSource(nameof(ItemPages))]
    public async Task Another_apprentice_s_item_is_not_found(Func<Guid, string> route)
    {
        foreach (var item in OthersItems)
        {
            using var response = await _client.GetAsync(route(item));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), route(item));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("Ayşe's"));
        }
    }

    [Test]
    public async Task An_id_that_names_nothing_is_not_found_on_every_route()
    {
        var nothing = Guid.NewGuid();

        foreach (var url in new[] { EvidenceRoutes.Detail(nothing), EvidenceRoutes.Edit(nothing), EvidenceRoutes.Delete(nothing), PortfolioRoutes.Duty(nothing), EvidenceRoutes.Attachment(nothing, nothing) })
        {
            using var response = await _client.GetAsync(url);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
        }
    }

    [Test]
    public async Task Posting_an_edit_to_another_apprentice_s_item_is_not_found_and_changes_nothing()
    {
        var ownForm = await MainFormAsync(EvidenceRoutes.Edit(_ownDraft));

        foreach (var item in OthersItems)
        {
            using var response = await Forms.PostAsync(_client, EvidenceRoutes.Edit(item), ownForm, Fields("Hijacked", [_duties["D1"]], action: "submit"));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await QueryAsync(Factory, db => db.EvidenceItems.Where(i => i.Id == item).Select(i => i.Title).SingleAsync()), Does.StartWith("Ayşe's"));
        }
    }

    [Test]
    public async Task Removing_a_file_of_another_apprentice_s_item_is_not_found()
    {
        var ownForm = await MainFormAsync(EvidenceRoutes.Edit(_ownDraft));
        var fields = Fields("Hijacked", [_duties["D1"]]);
        fields.Add(new("Form.RemoveAttachmentId", _othersDraft.Attachment.ToString()));

        using var response = await Forms.PostAsync(_client, EvidenceRoutes.Edit(_othersDraft.Item), ownForm, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await QueryAsync(Factory, db => db.Attachments.AnyAsync(a => a.Id == _othersDraft.Attachment)), Is.True);
    }

    [Test]
    public async Task Deleting_another_apprentice_s_draft_is_not_found_and_deletes_nothing()
    {
        var ownForm = await MainFormAsync(EvidenceRoutes.Delete(_ownDraft));

        using var response = await Forms.PostAsync(_client, EvidenceRoutes.Delete(_othersDraft.Item), ownForm, []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await QueryAsync(Factory, db => db.EvidenceItems.AnyAsync(i => i.Id == _othersDraft.Item)), Is.True);
    }

    [Test]
    public async Task Another_apprentice_s_attachment_is_not_found_by_its_own_item_or_through_one_s_own()
    {
        foreach (var url in new[]
        {
            EvidenceRoutes.Attachment(_othersSubmitted.Item, _othersSubmitted.Attachment),
            EvidenceRoutes.Attachment(_othersDraft.Item, _othersDraft.Attachment),
            EvidenceRoutes.Attachment(_ownSubmitted.Item, _othersSubmitted.Attachment),
        })
        {
            using var response = await _client.GetAsync(url);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
        }
    }

    [Test]
    public async Task The_duty_page_shows_only_the_signed_in_apprentice_s_evidence()
    {
        var page = await AppFactory.ParseAsync(await _client.GetAsync(PortfolioRoutes.Duty(_duties["D1"])));

        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        var ownItems = await QueryAsync(Factory, db => (
                from m in db.Set<EvidenceDuty>()
                join i in db.EvidenceItems on m.EvidenceItemId equals i.Id
                join e in db.Enrolments on i.EnrolmentId equals e.Id
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                where m.DutyId == _duties["D1"] && a.Email == Persistence.Seeding.DemoDataSeeder.ApprenticeEmail
                select i.Id)
            .ToListAsync());
        var shown = page.QuerySelectorAll(".duty-evidence tbody a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[2])).ToList();
        Assert.That(shown, Is.EquivalentTo(ownItems));
        Assert.That(links, Has.None.Contains(_othersSubmitted.Item.ToString()));
        Assert.That(page.QuerySelector("main")!.TextContent, Does.Not.Contain("Ayşe's"));
    }

    [Test]
    public async Task The_evidence_list_and_portfolio_show_none_of_another_apprentice_s_items()
    {
        var list = await _client.GetStringAsync(EvidenceRoutes.List + "?sort=oldest");
        var portfolio = await _client.GetStringAsync(PortfolioRoutes.Home);

        Assert.That(list + portfolio, Does.Not.Contain("Ayşe's"));
    }

    [Test]
    public async Task An_assigned_assessor_downloads_a_submitted_item_s_file_but_not_a_draft_s()
    {
        using var assessor = await SignInAsAssessorAsync();

        using var submitted = await assessor.GetAsync(EvidenceRoutes.Attachment(_ownSubmitted.Item, _ownSubmitted.Attachment));
        var draftAttachment = await QueryAsync(Factory, db => db.Attachments.Where(a => a.EvidenceItemId == _ownDraft).Select(a => a.Id).SingleAsync());
        using var draft = await assessor.GetAsync(EvidenceRoutes.Attachment(_ownDraft, draftAttachment));

        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Another_provider_s_administrator_cannot_download_the_file()
    {
        using var admin = await SignInAsProviderBAdminAsync();

        using var response = await admin.GetAsync(EvidenceRoutes.Attachment(_ownSubmitted.Item, _ownSubmitted.Attachment));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Signed_out_the_download_asks_for_sign_in()
    {
        using var anonymous = Factory.CreateBrowser();

        using var response = await anonymous.GetAsync(EvidenceRoutes.Attachment(_ownSubmitted.Item, _ownSubmitted.Attachment));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(), Does.StartWith(AccountRoutes.Login));
    }

    [Test]
    public async Task Assessors_and_provider_administrators_are_forbidden_the_apprentice_s_pages()
    {
        using var assessor = await SignInAsAssessorAsync();
        using var admin = await SignInAsProviderAdminAsync();

        foreach (var client in new[] { assessor, admin })
        {
            foreach (var url in ApprenticePages())
            {
                using var response = await client.GetAsync(url);

                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), url);
            }
        }
    }

    [Test]
    public async Task Signed_out_the_apprentice_s_pages_ask_for_sign_in()
    {
        using var anonymous = Factory.CreateBrowser();

        foreach (var url in ApprenticePages())
        {
            using var response = await anonymous.GetAsync(url);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), url);
            Assert.That(response.RedirectTarget(), Does.StartWith(AccountRoutes.Login), url);
        }
    }

    private IEnumerable<string> ApprenticePages() =>
    [
        PortfolioRoutes.Home, EvidenceRoutes.List, EvidenceRoutes.New, EvidenceRoutes.Detail(_ownSubmitted.Item), EvidenceRoutes.Edit(_ownDraft),
        EvidenceRoutes.Delete(_ownDraft), PortfolioRoutes.Duty(_duties["D1"]),
    ];

    /// <summary>
    /// A form of one's own item, with its valid antiforgery token, without its action: posted to another item's
    /// address, as someone who edits the address would.
    /// </summary>
    private async Task<IHtmlFormElement> MainFormAsync(string url)
    {
        var form = (IHtmlFormElement)(await AppFactory.ParseAsync(await _client.GetAsync(url))).QuerySelector(Forms.MainForm)!;
        form.RemoveAttribute("action");
        return form;
    }

    private async Task<(Guid Item, Guid Attachment)> LogAsync(HttpClient client, string title, Guid duty, string action)
    {
        using var saved = await PostFormAsync(client, EvidenceRoutes.New, Fields(title, [duty], action: action), [File("evidence.png", Png)]);
        var item = SavedItemId(saved);
        var attachment = await QueryAsync(Factory, db => db.Attachments.Where(a => a.EvidenceItemId == item).Select(a => a.Id).SingleAsync());
        return (item, attachment);
    }
}
