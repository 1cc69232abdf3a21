using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Features;

public sealed class LayoutTests
{
    private AppFactory _factory = null!;

    [OneTimeSetUp]
    public void StartHost() => _factory = new AppFactory();

    [OneTimeTearDown]
    public void StopHost() => _factory.Dispose();

    [TestCase(HomeRoutes.Home)]
    [TestCase("/no/such/page")]
    [TestCase(AccountRoutes.AccessDenied)]
    public async Task Every_page_is_in_British_English_with_a_skip_link_to_its_main_content(string url)
    {
        using var client = _factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await client.GetAsync(url));

        Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("en-GB"));
        var skipLink = page.Body?.QuerySelector("a");
        Assert.That(skipLink?.GetAttribute("href"), Is.EqualTo(url + "#main"), "the skip link comes first, to the page's own main content");
        Assert.That(page.QuerySelectorAll("main#main"), Has.Length.EqualTo(1));
        Assert.That(page.QuerySelector("footer"), Is.Not.Null);
    }

    [TestCase(HomeRoutes.Home)]
    [TestCase("/no/such/page")]
    public async Task Headings_start_at_one_h1_and_never_skip_a_level(string url)
    {
        using var client = _factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await client.GetAsync(url));

        var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.That(levels, Is.Not.Empty);
        Assert.That(levels[0], Is.EqualTo(1));
        Assert.That(levels.Count(l => l == 1), Is.EqualTo(1));
        Assert.That(levels.Zip(levels.Skip(1), (a, b) => b - a), Is.All.LessThanOrEqualTo(1));
    }

    [Test]
    public async Task The_navigation_marks_the_current_page()
    {
        using var client = _factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));

        var current = page.QuerySelector("nav a[aria-current=page]");
        Assert.That(current?.TextContent.Trim(), Is.EqualTo("Home"));
    }

    [TestCase(HomeRoutes.Home)]
    [TestCase("/no/such/page")]
    [TestCase(AccountRoutes.Login)]
    public async Task Every_page_loads_the_Blazor_script_last_and_has_the_reconnection_dialog(string url)
    {
        using var client = _factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await client.GetAsync(url));

        var scripts = page.QuerySelectorAll("body > script[src]").Select(s => s.GetAttribute("src") ?? string.Empty).ToList();
        Assert.That(scripts, Is.Not.Empty);
        Assert.That(scripts[^1], Does.Match(@"^/_framework/blazor\.web(\.[a-z0-9]+)?\.js$"));
        var dialog = page.QuerySelector("dialog#components-reconnect-modal");
        Assert.That(dialog?.GetAttribute("aria-labelledby"), Is.EqualTo("reconnect-title"));
        Assert.That(page.QuerySelector("#reconnect-title")?.TextContent, Is.EqualTo("Live updates paused"));
        Assert.That(page.QuerySelector("#reconnect-status")?.GetAttribute("role"), Is.EqualTo("status"));
    }

    [Test]
    public async Task The_Blazor_script_is_served_as_JavaScript()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.GetAsync("/_framework/blazor.web.js");

        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That((await response.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(10_000));
    }

    [Test]
    public async Task The_sign_in_form_posts_as_a_full_page_load_so_that_its_cookie_starts_afresh()
    {
        using var client = _factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await client.GetAsync(AccountRoutes.Login));

        var form = page.QuerySelector("main form[method=post]");
        Assert.That(form, Is.Not.Null);
        Assert.That(form!.HasAttribute("data-enhance"), Is.False);
    }
}
