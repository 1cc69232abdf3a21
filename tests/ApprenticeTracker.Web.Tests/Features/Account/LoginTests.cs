using System.Net;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.Features.Account;

public sealed class LoginTests : SeededAppFixture
{
    [TestCase(DemoDataSeeder.ApprenticeEmail, "/portfolio")]
    [TestCase(DemoDataSeeder.AssessorEmail, "/assessor")]
    [TestCase(DemoDataSeeder.ProviderEmail, "/provider")]
    [TestCase(DemoDataSeeder.ProviderBAdminEmail, "/provider")]
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
}
