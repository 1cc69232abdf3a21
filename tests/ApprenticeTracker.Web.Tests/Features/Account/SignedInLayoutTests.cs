using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Home;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Features.Account;

/// <summary>The header and home page as a signed-in user sees them, and as a visitor does.</summary>
public sealed class SignedInLayoutTests : SeededAppFixture
{
    [TestCase(DemoDataSeeder.ApprenticeEmail, "Łucja Wójcik", "(Apprentice)")]
    [TestCase(DemoDataSeeder.AssessorEmail, "Grace Adeyemi", "(Assessor)")]
    [TestCase(DemoDataSeeder.ProviderEmail, "Helen Marsh", "(Provider administrator)")]
    public async Task The_header_names_the_signed_in_user_and_their_role(string email, string name, string role)
    {
        using var client = await SignInAsync(email);

        var page = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));

        var signedInAs = page.QuerySelector("nav .signed-in-as");
        Assert.That(signedInAs?.QuerySelector(".signed-in-name")?.TextContent, Is.EqualTo(name));
        Assert.That(signedInAs?.QuerySelector(".signed-in-role")?.TextContent, Is.EqualTo(role));
        Assert.That(signedInAs?.TextContent, Does.Contain("Signed in as"));
    }

    [Test]
    public async Task Signed_in_the_header_links_the_name_to_the_account_page_and_offers_a_sign_out_button_that_posts_with_a_token()
    {
        using var client = await SignInAsApprenticeAsync();

        var page = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));
        var account = await AppFactory.ParseAsync(await client.GetAsync(AccountRoutes.Account));

        Assert.That(page.QuerySelector($"nav a[href='{AccountRoutes.Account}'] .signed-in-name")?.TextContent, Is.EqualTo("Łucja Wójcik"));
        Assert.That(account.QuerySelector("main h1")?.TextContent, Is.EqualTo("Your account"));
        Assert.That(account.QuerySelector($"main a[href='{AccountRoutes.ChangePassword}']")?.TextContent.Trim(), Is.EqualTo("Change your password"));
        Assert.That(account.QuerySelector("main dl")?.TextContent, Does.Contain(DemoDataSeeder.ApprenticeEmail).And.Contain("Apprentice"));
        var signOut = page.QuerySelector("nav form.sign-out");
        Assert.That(signOut?.GetAttribute("method"), Is.EqualTo("post"));
        Assert.That(signOut?.GetAttribute("action"), Is.EqualTo(AccountRoutes.Logout));
        Assert.That(signOut?.QuerySelector("input[name=__RequestVerificationToken]"), Is.Not.Null);
        Assert.That(signOut?.QuerySelector("button[type=submit]")?.TextContent.Trim(), Is.EqualTo("Sign out"));
        Assert.That(page.QuerySelector($"nav a[href='{AccountRoutes.Login}']"), Is.Null);
    }

    [Test]
    public async Task Signed_out_the_header_offers_sign_in_and_nothing_of_an_account()
    {
        using var client = Factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));

        Assert.That(page.QuerySelector($"nav a[href='{AccountRoutes.Login}']")?.TextContent.Trim(), Is.EqualTo("Sign in"));
        Assert.That(page.QuerySelector("nav form.sign-out"), Is.Null);
        Assert.That(page.QuerySelector("nav .signed-in-as"), Is.Null);
        Assert.That(page.QuerySelector(".role-home"), Is.Null);
    }

    [TestCase(DemoDataSeeder.ApprenticeEmail, PortfolioRoutes.Home, "Go to your portfolio")]
    [TestCase(DemoDataSeeder.AssessorEmail, AssessorRoutes.Caseload, "Go to your caseload")]
    [TestCase(DemoDataSeeder.ProviderEmail, ProviderRoutes.Dashboard, "Go to your training provider's dashboard")]
    public async Task Signed_in_the_home_page_stays_public_and_links_to_the_roles_home(string email, string home, string text)
    {
        using var client = await SignInAsync(email);

        var page = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));

        var link = page.QuerySelector("main .role-home a");
        Assert.That(link?.GetAttribute("href"), Is.EqualTo(home));
        Assert.That(link?.TextContent.Trim(), Is.EqualTo(text));
        Assert.That(page.QuerySelector("main h1")?.TextContent, Is.EqualTo("Apprenticeship standards"));
    }
}
