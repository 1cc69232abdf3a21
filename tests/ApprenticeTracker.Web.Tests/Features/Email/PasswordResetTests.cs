using System.Net;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Features.Email;

/// <summary>"Forgot your password?" end to end: the request, the mail a real SMTP server receives, the link, the new password.</summary>
public sealed class PasswordResetTests : SeededAppFixture
{
    private const string NewPassword = "three unrelated words again";
    private readonly MailServer _mail = new();
    private int _nextApprentice;

    protected override AppFactory CreateFactory()
    {
        var settings = _mail.AppSettings();
        settings["PasswordReset:PerAddressPerHour"] = "2";
        return new AppFactory { Database = Database, Settings = settings };
    }

    [OneTimeTearDown]
    public void StopMailServer() => _mail.Dispose();

    [Test]
    public async Task The_sign_in_page_links_to_forgot_your_password()
    {
        using var browser = Factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await browser.GetAsync(AccountRoutes.Login));

        Assert.That(page.QuerySelector($"main a[href='{AccountRoutes.ForgotPassword}']")?.TextContent, Is.EqualTo("Forgot your password?"));
    }

    [Test]
    public async Task A_reset_link_sets_a_new_password_once_and_never_twice()
    {
        var email = await NextApprenticeAsync();
        using var browser = Factory.CreateBrowser();

        using var asked = await AskAsync(browser, email);
        var mail = await _mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email) && m.Subject == "Reset your ApprenticeTracker password");
        var link = new Uri(MailServer.LinkIn(mail, "https://tracker.test/Account/ResetPassword?"));
        using var first = await Forms.PostFormAsync(browser, link.PathAndQuery, Passwords(NewPassword));
        using var second = await Forms.PostAsync(browser, link.PathAndQuery, await ResetFormAsync(browser, link), Passwords("another long password here"));

        Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(first.RedirectTarget(), Is.EqualTo(AccountRoutes.Login + "?reset=done"));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await AppFactory.ParseAsync(second)).QuerySelector("h1")?.TextContent, Is.EqualTo("This link no longer works"));
        var reopened = await AppFactory.ParseAsync(await browser.GetAsync(link.PathAndQuery));
        Assert.That(reopened.QuerySelector("h1")?.TextContent, Is.EqualTo("This link no longer works"));
        using var signedIn = await Factory.SignInAsync(email, NewPassword);
        Assert.That(async () => await Factory.SignInAsync(email, DemoDataSeeder.DemoPassword), Throws.InvalidOperationException);
        var audit = await EvidenceTestKit.QueryAsync(Factory, db => db.AuditEvents.Where(e => e.EntityType == "Account" && e.ActorName != "Someone not signed in")
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorUserId }).ToListAsync());
        var userId = await Assessor.DemoRecords.UserIdAsync(Factory, email);
        Assert.That(audit.Where(a => a.ActorUserId == userId).Select(a => a.Action), Is.EqualTo(new[] { "password.reset-requested", "password.reset", "password.reset-refused" }));
    }

    [Test]
    public async Task The_new_password_follows_the_same_policy()
    {
        var email = await NextApprenticeAsync();
        using var browser = Factory.CreateBrowser();
        using (await AskAsync(browser, email))
        {
        }

        var mail = await _mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email));
        var link = new Uri(MailServer.LinkIn(mail, "https://tracker.test/Account/ResetPassword?"));

        using var tooShort = await Forms.PostFormAsync(browser, link.PathAndQuery, Passwords("short one"));

        Assert.That(tooShort.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(tooShort);
        Assert.That(page.QuerySelector("#new-password-error")?.TextContent.Trim(), Is.EqualTo("Your new password must be at least 12 characters long"));
        using var good = await Forms.PostFormAsync(browser, link.PathAndQuery, Passwords(NewPassword));
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a refused password leaves the link usable");
    }

    [Test]
    public async Task An_unknown_address_sends_nothing_and_answers_the_same_page()
    {
        var known = await NextApprenticeAsync();
        using var browser = Factory.CreateBrowser();
        var outboxBefore = await EvidenceTestKit.QueryAsync(Factory, db => db.OutboxMessages.CountAsync());

        using var unknownAnswer = await AskAsync(browser, "nobody-here@example.org");
        var outboxAfterUnknown = await EvidenceTestKit.QueryAsync(Factory, db => db.OutboxMessages.CountAsync());
        using var knownAnswer = await AskAsync(browser, known);

        Assert.That(unknownAnswer.StatusCode, Is.EqualTo(knownAnswer.StatusCode));
        Assert.That(Answer(await AppFactory.ParseAsync(unknownAnswer)), Is.EqualTo(Answer(await AppFactory.ParseAsync(knownAnswer))));
        Assert.That(Answer(await AppFactory.ParseAsync(knownAnswer)), Does.Contain("If an ApprenticeTracker account uses that email address"));
        Assert.That(outboxAfterUnknown, Is.EqualTo(outboxBefore));
        await _mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == known));
        Assert.That(_mail.To("nobody-here@example.org"), Is.Empty);
    }

    [Test]
    public async Task Asking_too_often_for_one_address_sends_no_more_mails_but_answers_the_same()
    {
        var email = await NextApprenticeAsync();
        using var browser = Factory.CreateBrowser();

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await AskAsync(browser, email);
            answers.Add(Answer(await AppFactory.ParseAsync(response)));
        }

        Assert.That(answers.Distinct().Count(), Is.EqualTo(1));
        var written = await EvidenceTestKit.QueryAsync(Factory, db => db.OutboxMessages.CountAsync(m => m.ToAddress == email));
        Assert.That(written, Is.EqualTo(2), "PasswordReset:PerAddressPerHour is 2 in this fixture");
    }

    [Test]
    public async Task A_new_account_gets_a_link_to_choose_its_password_and_never_a_password()
    {
        using var provider = await SignInAsProviderAdminAsync();
        var email = $"new-{Guid.NewGuid():N}@example.org";
        var firstPassword = "first password set by provider";

        using var enrolled = await EnrolAsync(provider, email, firstPassword);

        Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await enrolled.Content.ReadAsStringAsync());
        var mail = await _mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email));
        Assert.That(mail.Subject, Is.EqualTo("Your ApprenticeTracker account"));
        Assert.That(mail.TextBody + mail.HtmlBody, Does.Not.Contain(firstPassword));
        var link = new Uri(MailServer.LinkIn(mail, "https://tracker.test/Account/ResetPassword?"));
        Assert.That(link.Query, Does.Contain("invitation=true"));
        using var browser = Factory.CreateBrowser();
        using var chosen = await Forms.PostFormAsync(browser, link.PathAndQuery, Passwords(NewPassword));
        Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var signedIn = await Factory.SignInAsync(email, NewPassword);
        var home = await signedIn.GetAsync(PortfolioRoutes.Home);
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a password chosen from the link is the account holder's own: no change is forced");
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient browser, string email) =>
        Forms.PostFormAsync(browser, AccountRoutes.ForgotPassword, [new("Input.Email", email)]);

    private static List<KeyValuePair<string, string>> Passwords(string password) =>
        [new("Input.NewPassword", password), new("Input.ConfirmPassword", password)];

    private static async Task<AngleSharp.Html.Dom.IHtmlFormElement> ResetFormAsync(HttpClient browser, Uri link)
    {
        // The page no longer shows the form once the link is used; the form as it was first served is posted again.
        var page = await AppFactory.ParseAsync(await browser.GetAsync(link.PathAndQuery));
        if (page.QuerySelector(Forms.MainForm) is AngleSharp.Html.Dom.IHtmlFormElement form)
        {
            return form;
        }

        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? await Forms.AntiforgeryTokenAsync(browser, AccountRoutes.ForgotPassword);
        var document = parser.ParseDocument(
            $"<main><form method=post><input type=hidden name=__RequestVerificationToken value=\"{token}\"><input type=hidden name=_handler value=reset-password></form></main>");
        return (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector("form")!;
    }

    private static string Answer(AngleSharp.Html.Dom.IHtmlDocument page) =>
        (page.QuerySelector("h1")?.TextContent ?? string.Empty) + "|" + (page.QuerySelector(".reset-answer")?.TextContent.Trim() ?? string.Empty);

    private async Task<string> NextApprenticeAsync()
    {
        var emails = await EvidenceTestKit.QueryAsync(Factory, db => db.Apprentices.Where(a => a.Email != DemoDataSeeder.ApprenticeEmail)
            .OrderBy(a => a.Email).Select(a => a.Email).ToListAsync());
        return emails[Interlocked.Increment(ref _nextApprentice)];
    }

    private static async Task<HttpResponseMessage> EnrolAsync(HttpClient provider, string email, string password)
    {
        var page = await AppFactory.ParseAsync(await provider.GetAsync(ProviderRoutes.Enrol));
        string First(string selectId) => page.QuerySelectorAll($"#{selectId} option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        return await Forms.PostFormAsync(provider, ProviderRoutes.Enrol,
        [
            new("Input.GivenName", "Rhiannon"),
            new("Input.FamilyName", "Pryce"),
            new("Input.Email", email),
            new("Input.StandardId", First("StandardId")),
            new("Input.EmployerId", First("EmployerId")),
            new("Input.StartDate", "2026-09-01"),
            new("Input.PlannedEndDate", "2029-08-31"),
            new("Input.Password", password),
        ]);
    }
}
