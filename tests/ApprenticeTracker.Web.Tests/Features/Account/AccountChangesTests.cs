using System.Net;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Home;
using ApprenticeTracker.Web.Features.Portfolio;

namespace ApprenticeTracker.Web.Tests.Features.Account;

/// <summary>
/// Lockout, password changes and the first-sign-in change. These change accounts, so they run on a host of their own
/// and each test takes an apprentice account no other test uses.
/// </summary>
public sealed class AccountChangesTests : SeededAppFixture
{
    private const string ChangePasswordUrl = AccountRoutes.ChangePassword;
    private const string NewPassword = "correct horse battery staple";

    private readonly Queue<string> _unusedAccounts = new();

    [OneTimeSetUp]
    public async Task FindAccounts()
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var emails = await db.Apprentices.Where(a => a.Email != DemoDataSeeder.ApprenticeEmail).OrderBy(a => a.Email).Select(a => a.Email).ToListAsync();
        emails.ForEach(_unusedAccounts.Enqueue);
    }

    [Test]
    public async Task Five_failed_sign_ins_lock_the_account_and_then_even_the_right_password_is_refused()
    {
        var email = _unusedAccounts.Dequeue();
        using var client = Factory.CreateBrowser();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await SignIn.PostLoginAsync(client, email, "a wrong password " + attempt);
            Assert.That((await AppFactory.ParseAsync(failed)).QuerySelector(".error-summary")?.TextContent, Does.Contain(LoginHandler.WrongEmailOrPassword));
        }

        using var fifth = await SignIn.PostLoginAsync(client, email, "a wrong password 5");
        using var right = await SignIn.PostLoginAsync(client, email, DemoDataSeeder.DemoPassword);

        var fifthPage = await AppFactory.ParseAsync(fifth);
        var rightPage = await AppFactory.ParseAsync(right);
        Assert.That(fifthPage.QuerySelector(".error-summary")?.TextContent, Does.Contain("locked"));
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(right.SetCookies(), Has.None.StartsWith(".AspNetCore.Identity.Application="));
        Assert.That(rightPage.QuerySelector(".error-summary")?.TextContent, Does.Contain("locked").And.Contain("Try again in 15 minutes"));
    }

    [Test]
    public async Task A_new_password_shorter_than_twelve_characters_is_refused_beside_the_field()
    {
        var email = _unusedAccounts.Dequeue();
        using var client = await SignInAsync(email);

        using var response = await PostChangeAsync(client, DemoDataSeeder.DemoPassword, "eleven char", "eleven char");

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("#new-password-error")?.TextContent.Trim(), Is.EqualTo("Your new password must be at least 12 characters long"));
        Assert.That(page.QuerySelector("#new-password")?.GetAttribute("aria-describedby"), Is.EqualTo("new-password-hint new-password-error"));
        Assert.That(await PasswordWorksAsync(email, DemoDataSeeder.DemoPassword), Is.True);
    }

    [Test]
    public async Task A_confirmation_that_does_not_match_is_refused_beside_the_field()
    {
        var email = _unusedAccounts.Dequeue();
        using var client = await SignInAsync(email);

        using var response = await PostChangeAsync(client, DemoDataSeeder.DemoPassword, NewPassword, NewPassword + " typo");

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#confirm-password-error")?.TextContent.Trim(), Is.EqualTo("The two new passwords do not match"));
        Assert.That(page.QuerySelectorAll(".error-summary a").Select(a => Fragment(a.GetAttribute("href"))), Is.EqualTo(new[] { "#confirm-password" }));
        Assert.That(await PasswordWorksAsync(email, DemoDataSeeder.DemoPassword), Is.True);
    }

    [Test]
    public async Task A_wrong_current_password_is_refused_beside_the_field()
    {
        var email = _unusedAccounts.Dequeue();
        using var client = await SignInAsync(email);

        using var response = await PostChangeAsync(client, "not my current password", NewPassword, NewPassword);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#current-password-error")?.TextContent.Trim(), Is.EqualTo(ChangePasswordHandler.WrongCurrentPassword));
        Assert.That(page.QuerySelectorAll("input[type=password]").Select(i => i.GetAttribute("value") ?? string.Empty), Is.All.Empty);
        Assert.That(await PasswordWorksAsync(email, NewPassword), Is.False);
    }

    [Test]
    public async Task After_a_change_the_new_password_signs_in_and_the_old_one_does_not()
    {
        var email = _unusedAccounts.Dequeue();
        using var client = await SignInAsync(email);

        using var response = await PostChangeAsync(client, DemoDataSeeder.DemoPassword, NewPassword, NewPassword);
        using var confirmation = await client.GetAsync(response.RedirectTarget());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(), Is.EqualTo(ChangePasswordUrl + "?changed=true"));
        Assert.That(response.SetCookies(), Has.Some.StartsWith(".AspNetCore.Identity.Application="), "the sign-in is refreshed");
        Assert.That((await AppFactory.ParseAsync(confirmation)).QuerySelector("main h1")?.TextContent, Is.EqualTo("Your password has been changed"));
        using var withNew = Factory.CreateBrowser();
        using var withOld = Factory.CreateBrowser();
        Assert.That((await SignIn.PostLoginAsync(withNew, email, NewPassword)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await SignIn.PostLoginAsync(withOld, email, DemoDataSeeder.DemoPassword)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Changing_a_password_without_an_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        var email = _unusedAccounts.Dequeue();
        using var client = await SignInAsync(email);

        using var response = await client.PostAsync(ChangePasswordUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = DemoDataSeeder.DemoPassword,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await PasswordWorksAsync(email, DemoDataSeeder.DemoPassword), Is.True);
    }

    [Test]
    public async Task Changing_a_password_with_a_forged_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        var email = _unusedAccounts.Dequeue();
        using var client = await SignInAsync(email);

        using var response = await Forms.PostFormAsync(client, ChangePasswordUrl,
        [
            new("__RequestVerificationToken", "CfDJ8forged"),
            new("Input.CurrentPassword", DemoDataSeeder.DemoPassword),
            new("Input.NewPassword", NewPassword),
            new("Input.ConfirmPassword", NewPassword),
        ]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await PasswordWorksAsync(email, DemoDataSeeder.DemoPassword), Is.True);
    }

    [Test]
    public async Task An_account_that_must_change_its_password_is_sent_to_do_so_until_it_has()
    {
        var email = _unusedAccounts.Dequeue();
        await RequirePasswordChangeAsync(email);
        using var client = Factory.CreateBrowser();

        using var signIn = await SignIn.PostLoginAsync(client, email, DemoDataSeeder.DemoPassword);
        using var home = await client.GetAsync(HomeRoutes.Home);
        using var protectedPage = await client.GetAsync(PortfolioRoutes.Home);
        using var post = await client.PostAsync(PortfolioRoutes.Home, new FormUrlEncodedContent([]));
        using var changePage = await client.GetAsync(ChangePasswordUrl);

        Assert.That(signIn.RedirectTarget(), Is.EqualTo(ChangePasswordUrl));
        Assert.That(home.RedirectTarget(), Is.EqualTo(ChangePasswordUrl));
        Assert.That(protectedPage.RedirectTarget(), Is.EqualTo(ChangePasswordUrl));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(changePage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await AppFactory.ParseAsync(changePage)).QuerySelector("main .lead")?.TextContent, Does.Contain("Choose your own"));
    }

    [Test]
    public async Task While_a_password_change_is_due_static_files_the_health_check_and_the_account_pages_still_answer()
    {
        var email = _unusedAccounts.Dequeue();
        await RequirePasswordChangeAsync(email);
        using var client = await SignInAsync(email);
        var stylesheet = (await AppFactory.ParseAsync(await client.GetAsync(ChangePasswordUrl)))
            .QuerySelector("link[rel=stylesheet][href*='site']")!.GetAttribute("href")!;

        using var css = await client.GetAsync(stylesheet);
        using var health = await client.GetAsync("/healthz");
        using var denied = await client.GetAsync(AccountRoutes.AccessDenied);

        Assert.That(css.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Once_the_password_is_changed_the_account_goes_where_it_likes_and_is_no_longer_asked()
    {
        var email = _unusedAccounts.Dequeue();
        await RequirePasswordChangeAsync(email);
        using var client = await SignInAsync(email);

        using var change = await PostChangeAsync(client, DemoDataSeeder.DemoPassword, NewPassword, NewPassword);
        using var home = await client.GetAsync(HomeRoutes.Home);
        using var again = Factory.CreateBrowser();
        using var nextSignIn = await SignIn.PostLoginAsync(again, email, NewPassword);

        Assert.That(change.RedirectTarget(), Is.EqualTo(ChangePasswordUrl + "?changed=true"));
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(nextSignIn.RedirectTarget(), Is.EqualTo(PortfolioRoutes.Home));
        Assert.That(await MustChangePasswordAsync(email), Is.False);
    }

    private static Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string newPassword, string confirmation) =>
        Forms.PostFormAsync(client, ChangePasswordUrl,
        [
            new("Input.CurrentPassword", current),
            new("Input.NewPassword", newPassword),
            new("Input.ConfirmPassword", confirmation),
        ]);

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }

    private async Task RequirePasswordChangeAsync(string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.MustChangePassword = true;
        Assert.That((await users.UpdateAsync(user)).Succeeded, Is.True);
    }

    private async Task<bool> MustChangePasswordAsync(string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!.MustChangePassword;
    }

    /// <summary>The fragment of a link within the page (the page's path comes before it: see SamePageLinks).</summary>
    private static string? Fragment(string? href) => href?[href.IndexOf('#', StringComparison.Ordinal)..];
}
