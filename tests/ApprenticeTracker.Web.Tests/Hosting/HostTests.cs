using System.Net;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Hosting;

public sealed class HostTests
{
    private AppFactory _factory = null!;

    [OneTimeSetUp]
    public void StartHost() => _factory = new AppFactory();

    [OneTimeTearDown]
    public void StopHost() => _factory.Dispose();

    [Test]
    public async Task The_host_starts_and_serves_the_home_page_as_html()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.GetAsync(HomeRoutes.Home);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public void Start_up_creates_the_database_in_the_configured_data_folder()
    {
        using var client = _factory.CreateBrowser();

        Assert.That(File.Exists(_factory.DatabaseFile), Is.True, _factory.DatabaseFile);
    }

    [Test]
    public async Task Healthz_answers_200_Healthy_without_sign_in_when_the_database_answers()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Static_assets_the_layout_links_to_are_served()
    {
        using var client = _factory.CreateBrowser();
        var page = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href"))
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")))
            .OfType<string>()
            .ToList();

        var statuses = new List<string>();
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(asset);
            statuses.Add($"{asset}: {(int)response.StatusCode}");
        }

        // Four stylesheets, the one inside <noscript>, Bootstrap's script, the reconnection dialog's and blazor.web.js.
        Assert.That(assets, Has.Count.EqualTo(8));
        Assert.That(assets, Has.Some.Match(@"^/_framework/blazor\.web\.[a-z0-9]+\.js$"));
        Assert.That(statuses, Is.All.EndsWith(": 200"));
    }

    [TestCase(HomeRoutes.Home)]
    [TestCase("/healthz")]
    [TestCase("/no/such/page")]
    public async Task Every_response_forbids_content_sniffing_and_framing(string url)
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.GetAsync(url);

        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "strict-origin-when-cross-origin" }));
    }
}
