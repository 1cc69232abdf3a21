using System.Net;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Account;

namespace ApprenticeTracker.Web.Tests.Features.Errors;

public sealed class ErrorPageTests
{
    private AppFactory _factory = null!;

    [OneTimeSetUp]
    public void StartHost() => _factory = new AppFactory();

    [OneTimeTearDown]
    public void StopHost() => _factory.Dispose();

    [Test]
    public async Task An_unknown_address_answers_404_with_the_page_not_found_page()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.GetAsync("/no/such/page");

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page.QuerySelector("main h1")?.TextContent, Is.EqualTo("Page not found"));
        Assert.That(page.Title, Does.StartWith("Page not found"));
        Assert.That(page.QuerySelector("nav.navbar"), Is.Not.Null, "the not-found page keeps the site's layout");
    }

    [Test]
    public async Task The_access_denied_page_answers_403()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.GetAsync(AccountRoutes.AccessDenied);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(page.QuerySelector("main h1")?.TextContent, Is.EqualTo("You cannot see this page"));
    }

    [Test]
    public async Task The_status_page_asked_for_directly_does_not_answer_200()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.GetAsync("/status/200");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_post_to_a_get_only_endpoint_answers_405_not_an_antiforgery_error()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.PostAsync("/healthz", new FormUrlEncodedContent([]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }
}
