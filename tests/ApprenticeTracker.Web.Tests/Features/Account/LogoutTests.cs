using System.Net;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Features.Account;

public sealed class LogoutTests : SeededAppFixture
{
    private const string ChangePassword = AccountRoutes.ChangePassword;

    [Test]
    public async Task Signing_out_clears_the_cookie_and_goes_to_the_home_page()
    {
        using var client = await SignInAsApprenticeAsync();

        using var response = await Forms.PostFormAsync(client, HomeRoutes.Home, [], formSelector: "form.sign-out");
        using var afterwards = await client.GetAsync(ChangePassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(), Is.EqualTo(HomeRoutes.Home));
        var cleared = response.SetCookies().Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.That(cleared, Does.StartWith(".AspNetCore.Identity.Application=;").And.Contain("expires=Thu, 01 Jan 1970").IgnoreCase);
        Assert.That(afterwards.RedirectTarget(), Does.StartWith(AccountRoutes.Login));
    }

    [Test]
    public async Task Signing_out_without_an_antiforgery_token_is_refused_with_400_and_leaves_the_user_signed_in()
    {
        using var client = await SignInAsApprenticeAsync();

        using var response = await client.PostAsync(AccountRoutes.Logout, new FormUrlEncodedContent([]));
        using var afterwards = await client.GetAsync(ChangePassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.SetCookies(), Has.None.StartsWith(".AspNetCore.Identity.Application="));
        Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Signing_out_with_a_forged_antiforgery_token_is_refused_with_400_and_leaves_the_user_signed_in()
    {
        using var client = await SignInAsAssessorAsync();

        using var response = await Forms.PostFormAsync(client, HomeRoutes.Home, [new("__RequestVerificationToken", "CfDJ8forged")], formSelector: "form.sign-out");
        using var afterwards = await client.GetAsync(ChangePassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Signing_out_with_the_token_of_the_sign_in_page_before_signing_in_is_refused()
    {
        // A token is bound to the user it was issued to, so one taken while signed out cannot sign the user out later.
        using var client = Factory.CreateBrowser();
        var anonymousToken = await Forms.AntiforgeryTokenAsync(client, SignIn.LoginUrl);
        using var signedIn = await SignIn.PostLoginAsync(client, Persistence.Seeding.DemoDataSeeder.ProviderEmail, Persistence.Seeding.DemoDataSeeder.DemoPassword);

        using var response = await client.PostAsync(AccountRoutes.Logout, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = anonymousToken }));

        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_GET_does_not_sign_out()
    {
        using var client = await SignInAsApprenticeAsync();

        using var response = await client.GetAsync(AccountRoutes.Logout);
        using var afterwards = await client.GetAsync(ChangePassword);

        Assert.That(response.IsSuccessStatusCode, Is.False);
        Assert.That(response.SetCookies(), Has.None.StartsWith(".AspNetCore.Identity.Application="));
        Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_GET_of_the_sign_out_address_leads_to_the_account_page_whose_button_signs_out()
    {
        using var client = await SignInAsApprenticeAsync();

        using var typed = await client.GetAsync(AccountRoutes.Logout);
        var target = typed.RedirectTarget() ?? "(no redirect)";
        var page = await AppFactory.ParseAsync(await client.GetAsync(target));
        using var signedOut = await Forms.PostFormAsync(client, target, []);
        using var afterwards = await client.GetAsync(ChangePassword);

        Assert.That(typed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(target, Is.EqualTo(AccountRoutes.Account));
        Assert.That(page.QuerySelector("main h2")?.TextContent, Is.EqualTo("Sign out"));
        Assert.That(page.QuerySelector("main form")?.GetAttribute("action"), Is.EqualTo(AccountRoutes.Logout));
        Assert.That(page.QuerySelector("main form button[type=submit]")?.TextContent.Trim(), Is.EqualTo("Sign out"));
        Assert.That(signedOut.RedirectTarget(), Is.EqualTo(HomeRoutes.Home));
        Assert.That(afterwards.RedirectTarget(), Does.StartWith(AccountRoutes.Login));
    }

    [Test]
    public async Task The_account_page_tells_someone_signed_out_that_they_are_not_signed_in()
    {
        using var client = Factory.CreateClient();

        var page = await AppFactory.ParseAsync(await client.GetAsync(AccountRoutes.Logout));

        Assert.That(page.QuerySelector("main form"), Is.Null);
        Assert.That(page.QuerySelector("main")?.TextContent, Does.Contain("You are not signed in."));
        Assert.That(page.QuerySelector($"main a[href='{AccountRoutes.Login}']"), Is.Not.Null);
    }
}
