using System.Net;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Features.Account;

public sealed class LoginTests : SeededAppFixture
{
    [TestCase(DemoDataSeeder.ApprenticeEmail, PortfolioRoutes.Home)]
    [TestCase(DemoDataSeeder.AssessorEmail, AssessorRoutes.Caseload)]
    [TestCase(DemoDataSeeder.ProviderEmail, ProviderRoutes.Dashboard)]
    [TestCase(DemoDataSeeder.ProviderBAdminEmail, ProviderRoutes.Dashboard)]
    public async Task Each_demo_role_lands_on_its_own_home_page(string email, string home)
    {
        using var client = Factory.CreateBrowser();

        using var response = await SignIn.PostLoginAsync(client, email, DemoDataSeeder.DemoPassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(), Is.EqualTo(home));
        Assert.That(response.SetCookies(), Has.Some.StartsWith(".AspNetCore.Identity.Application="));
    }

    [Test]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_sign_in_cookie()
    {
        using var client = Factory.CreateBrowser();

        using var response = await SignIn.PostLoginAsync(client, DemoDataSeeder.AssessorEmail, "not the password at all");

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector(".error-summary")?.TextContent, Does.Contain(LoginHandler.WrongEmailOrPassword));
        Assert.That(response.SetCookies(), Has.None.StartsWith(".AspNetCore.Identity.Application="));
    }

    [Test]
    public async Task An_unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        using var client = Factory.CreateBrowser();

        using var unknown = await SignIn.PostLoginAsync(client, "nobody@example.org", DemoDataSeeder.DemoPassword);
        using var wrong = await SignIn.PostLoginAsync(client, DemoDataSeeder.ProviderEmail, "not the password at all");

        var unknownPage = await AppFactory.ParseAsync(unknown);
        var wrongPage = await AppFactory.ParseAsync(wrong);
        Assert.That(unknownPage.QuerySelector("main")?.TextContent, Is.EqualTo(wrongPage.QuerySelector("main")?.TextContent));
        Assert.That(unknownPage.QuerySelector("#password-error")?.TextContent.Trim(), Is.EqualTo(LoginHandler.WrongEmailOrPassword));
        Assert.That(unknown.SetCookies(), Has.None.StartsWith(".AspNetCore.Identity.Application="));
    }

    [Test]
    public async Task The_form_posts_the_standard_field_names_with_an_antiforgery_token()
    {
        using var client = Factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await client.GetAsync(SignIn.LoginUrl));

        var form = page.QuerySelector("main form");
        Assert.That(form?.GetAttribute("method"), Is.EqualTo("post"));
        Assert.That(form?.QuerySelector("input[name='Input.Email']")?.GetAttribute("type"), Is.EqualTo("email"));
        Assert.That(form?.QuerySelector("input[name='Input.Password']")?.GetAttribute("type"), Is.EqualTo("password"));
        Assert.That(form?.QuerySelector("input[name='Input.RememberMe']")?.GetAttribute("type"), Is.EqualTo("checkbox"));
        Assert.That(form?.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value"), Is.Not.Empty);
        Assert.That(page.QuerySelectorAll("main label[for]").Select(l => l.GetAttribute("for")), Is.EquivalentTo(new[] { "email", "password", "remember-me" }));
    }

    [Test]
    public async Task Empty_fields_are_refused_with_a_message_beside_each_and_a_summary_linking_to_them()
    {
        using var client = Factory.CreateBrowser();

        using var response = await SignIn.PostLoginAsync(client, string.Empty, string.Empty);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.SetCookies(), Has.None.StartsWith(".AspNetCore.Identity.Application="));
        Assert.That(page.QuerySelector("#email-error")?.TextContent.Trim(), Is.EqualTo("Enter your email address"));
        Assert.That(page.QuerySelector("#password-error")?.TextContent.Trim(), Is.EqualTo("Enter your password"));
        Assert.That(page.QuerySelector("#email")?.ClassList, Does.Contain("is-invalid"));
        Assert.That(page.QuerySelector("#email")?.GetAttribute("aria-describedby"), Is.EqualTo("email-error"));
        Assert.That(page.QuerySelectorAll(".error-summary a").Select(a => Fragment(a.GetAttribute("href"))), Is.EqualTo(new[] { "#email", "#password" }));
        Assert.That(page.Title, Does.StartWith("Error: "));
    }

    [Test]
    public async Task A_refused_sign_in_keeps_the_email_but_never_writes_the_password_back()
    {
        using var client = Factory.CreateBrowser();

        using var response = await SignIn.PostLoginAsync(client, DemoDataSeeder.ApprenticeEmail, "a wrong password typed");

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#email")?.GetAttribute("value"), Is.EqualTo(DemoDataSeeder.ApprenticeEmail));
        Assert.That(page.QuerySelector("#password")?.GetAttribute("value") ?? string.Empty, Is.Empty);
    }

    [TestCase(AccountRoutes.ChangePassword, AccountRoutes.ChangePassword)]
    [TestCase("/portfolio/evidence?status=Draft", "/portfolio/evidence?status=Draft")]
    [TestCase("https://evil.example/", PortfolioRoutes.Home)]
    [TestCase("//evil.example", PortfolioRoutes.Home)]
    [TestCase("/\\evil.example", PortfolioRoutes.Home)]
    [TestCase("http://localhost/portfolio", PortfolioRoutes.Home)]
    [TestCase("javascript:alert(1)", PortfolioRoutes.Home)]
    public async Task A_return_address_is_followed_only_when_it_is_on_this_site(string returnUrl, string expected)
    {
        using var client = Factory.CreateBrowser();

        using var response = await SignIn.PostLoginAsync(
            client, DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.DemoPassword, url: SignIn.LoginUrl + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.Host, Is.Not.EqualTo("evil.example"));
        Assert.That(response.RedirectTarget(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Without_remember_me_the_sign_in_cookie_ends_with_the_browser_session()
    {
        using var client = Factory.CreateBrowser();

        using var response = await SignIn.PostLoginAsync(client, DemoDataSeeder.AssessorEmail, DemoDataSeeder.DemoPassword);

        var cookie = response.SetCookies().Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Not.Contain("expires=").IgnoreCase);
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase);
    }

    [Test]
    public async Task With_remember_me_the_sign_in_cookie_outlives_the_browser_session()
    {
        using var client = Factory.CreateBrowser();

        using var response = await SignIn.PostLoginAsync(client, DemoDataSeeder.AssessorEmail, DemoDataSeeder.DemoPassword, rememberMe: true);

        var cookie = response.SetCookies().Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("expires=").IgnoreCase);
    }

    [Test]
    public async Task A_sign_in_without_an_antiforgery_token_is_refused_with_400()
    {
        using var client = Factory.CreateBrowser();
        await client.GetAsync(SignIn.LoginUrl);

        using var response = await client.PostAsync(SignIn.LoginUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = DemoDataSeeder.ApprenticeEmail,
            ["Input.Password"] = DemoDataSeeder.DemoPassword,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.SetCookies(), Has.None.StartsWith(".AspNetCore.Identity.Application="));
    }

    [Test]
    public async Task A_sign_in_with_a_forged_antiforgery_token_is_refused_with_400()
    {
        using var client = Factory.CreateBrowser();

        using var response = await Forms.PostFormAsync(client, SignIn.LoginUrl,
        [
            new("__RequestVerificationToken", "CfDJ8forged-token-that-no-key-signed"),
            new("Input.Email", DemoDataSeeder.ApprenticeEmail),
            new("Input.Password", DemoDataSeeder.DemoPassword),
        ]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.SetCookies(), Has.None.StartsWith(".AspNetCore.Identity.Application="));
    }

    [Test]
    public async Task A_token_from_another_browser_is_refused_with_400()
    {
        using var other = Factory.CreateBrowser();
        var othersToken = await Forms.AntiforgeryTokenAsync(other, SignIn.LoginUrl);
        using var client = Factory.CreateBrowser();

        using var response = await Forms.PostFormAsync(client, SignIn.LoginUrl,
        [
            new("__RequestVerificationToken", othersToken),
            new("Input.Email", DemoDataSeeder.ApprenticeEmail),
            new("Input.Password", DemoDataSeeder.DemoPassword),
        ]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task The_data_protection_keys_are_kept_in_the_data_folder_on_sqlite_and_in_the_database_on_postgresql()
    {
        using var client = await SignInAsApprenticeAsync();

        var files = Directory.Exists(Path.Combine(Factory.DataPath, "keys")) ? Directory.GetFiles(Path.Combine(Factory.DataPath, "keys"), "key-*.xml") : [];
        long rows = 0;
        if (Database == Persistence.DatabaseProvider.PostgreSql)
        {
            await using var connection = await Factory.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"DataProtectionKeys\"";
            rows = (long)(await command.ExecuteScalarAsync())!;
        }

        Assert.That(Database == Persistence.DatabaseProvider.PostgreSql ? rows : files.Length, Is.Positive);
        Assert.That(Database == Persistence.DatabaseProvider.PostgreSql ? files.Length : rows, Is.Zero);
    }

    /// <summary>The fragment of a link within the page (the page's path comes before it: see SamePageLinks).</summary>
    private static string? Fragment(string? href) => href?[href.IndexOf('#', StringComparison.Ordinal)..];
}
