using System.Net;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Account;

namespace ApprenticeTracker.Web.Tests.Features.Account;

/// <summary>
/// What a visitor gets from a page they may not see: signed out, the sign-in page (with the way back); signed in with
/// the wrong role, 403 and the access-denied page at the same address. The role pages arrive on other branches, so the
/// wrong-role answer is proved on a test-only probe page that authorises like the framework does (see
/// <see cref="RoleProtectedProbe"/>); <c>/Account/ChangePassword</c> is the real page that needs a sign-in.
/// </summary>
public sealed class AuthorizationTests : SeededAppFixture
{
    protected override AppFactory CreateFactory() => new() { Database = Database, AfterAppPipeline = RoleProtectedProbe.Add };

    [TestCase(AccountRoutes.ChangePassword)]
    [TestCase(RoleProtectedProbe.Path)]
    public async Task Signed_out_a_protected_page_sends_the_visitor_to_sign_in_with_the_way_back(string url)
    {
        using var client = Factory.CreateBrowser();

        using var response = await client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(), Is.EqualTo(AccountRoutes.Login + "?ReturnUrl=" + Uri.EscapeDataString(url)));
    }

    [Test]
    public async Task Signing_in_from_that_redirect_returns_to_the_page_asked_for()
    {
        using var client = Factory.CreateBrowser();
        using var refused = await client.GetAsync(RoleProtectedProbe.Path);

        using var signedIn = await SignIn.PostLoginAsync(client, DemoDataSeeder.ProviderEmail, DemoDataSeeder.DemoPassword, url: refused.RedirectTarget()!);
        using var page = await client.GetAsync(signedIn.RedirectTarget());

        Assert.That(signedIn.RedirectTarget(), Is.EqualTo(RoleProtectedProbe.Path));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Is.EqualTo(RoleProtectedProbe.Content));
    }

    [TestCase(DemoDataSeeder.ApprenticeEmail)]
    [TestCase(DemoDataSeeder.AssessorEmail)]
    public async Task Signed_in_with_the_wrong_role_a_page_answers_403_with_the_access_denied_page_and_no_redirect(string email)
    {
        using var client = await SignInAsync(email);

        using var response = await client.GetAsync(RoleProtectedProbe.Path);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Headers.Location, Is.Null);
        Assert.That(page.QuerySelector("main h1")?.TextContent, Is.EqualTo("You cannot see this page"));
        Assert.That(page.Body?.TextContent, Does.Not.Contain(RoleProtectedProbe.Content));
    }

    [Test]
    public async Task Signed_in_with_the_right_role_the_page_is_shown()
    {
        using var client = await SignInAsProviderAdminAsync();

        using var response = await client.GetAsync(RoleProtectedProbe.Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Signed_out_a_form_post_or_an_api_call_gets_401_rather_than_a_redirect()
    {
        using var client = Factory.CreateBrowser();

        using var post = await client.PostAsync(AccountRoutes.ChangePassword, new FormUrlEncodedContent([]));
        using var api = await client.GetAsync(RoleProtectedProbe.ApiPath);

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(post.Headers.Location, Is.Null);
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(api.Headers.Location, Is.Null);
    }

    [Test]
    public async Task Any_signed_in_role_may_change_their_password()
    {
        using var client = await SignInAsAssessorAsync();

        using var response = await client.GetAsync(AccountRoutes.ChangePassword);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
