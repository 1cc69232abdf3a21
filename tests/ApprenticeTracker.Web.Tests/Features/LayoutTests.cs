using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.Features;

public sealed class LayoutTests
{
    private AppFactory _factory = null!;

    [OneTimeSetUp]
    public void StartHost() => _factory = new AppFactory();

    [OneTimeTearDown]
    public void StopHost() => _factory.Dispose();

    [TestCase("/")]
    [TestCase("/no/such/page")]
    [TestCase("/Account/AccessDenied")]
    public async Task Every_page_is_in_British_English_with_a_skip_link_to_its_main_content(string url)
    {
        using var client = _factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await client.GetAsync(url));

        Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("en-GB"));
        var skipLink = page.Body?.QuerySelector("a");
        Assert.That(skipLink?.GetAttribute("href"), Is.EqualTo("#main"), "the skip link comes first");
        Assert.That(page.QuerySelectorAll("main#main"), Has.Length.EqualTo(1));
        Assert.That(page.QuerySelector("footer"), Is.Not.Null);
    }

    [TestCase("/")]
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

        var page = await AppFactory.ParseAsync(await client.GetAsync("/"));

        var current = page.QuerySelector("nav a[aria-current=page]");
        Assert.That(current?.TextContent.Trim(), Is.EqualTo("Home"));
    }

    [Test]
    public async Task Pages_render_with_no_interactive_render_mode_and_no_Blazor_script()
    {
        using var client = _factory.CreateBrowser();

        var html = await (await client.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.That(html, Does.Not.Contain("blazor.web.js").And.Not.Contain("<!--Blazor:"));
    }
}
