using System.Text.RegularExpressions;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Browser;

/// <summary>
/// axe-core (vendored under <c>Browser/Axe</c>) run in chromium on every page each role can reach by following links
/// from its home, at a laptop's width and a phone's: no critical or serious violation.
/// </summary>
public sealed partial class AccessibilityBrowserTests
{
    private static readonly int[] Widths = [1280, 390];

    private AppFactory _factory = null!;
    private string _origin = string.Empty;
    private string _axe = string.Empty;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        Chromium.Require();
        _axe = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Browser", "Axe", "axe.min.js"));
        _factory = new AppFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        await SeededAppFixture.CreateSeededFactoryAsync(_factory);
        _origin = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    [OneTimeTearDown]
    public void StopHost() => _factory?.Dispose();

    [TestCase(null)]
    [TestCase(DemoDataSeeder.ApprenticeEmail)]
    [TestCase(DemoDataSeeder.AssessorEmail)]
    [TestCase(DemoDataSeeder.ProviderEmail)]
    public void Every_page_a_role_reaches_has_no_critical_or_serious_accessibility_violation(string? email)
    {
        using var browser = Chromium.Open();
        if (email is not null)
        {
            Chromium.SignIn(browser, new Uri(_origin), email);
        }

        var violations = new List<string>();
        var visited = 0;
        foreach (var path in Reachable(browser))
        {
            visited++;
            foreach (var width in Widths)
            {
                browser.Manage().Window.Size = new System.Drawing.Size(width, 900);
                violations.AddRange(Check(browser).Select(v => $"{path} at {width} px: {v}"));
            }
        }

        Assert.That(visited, Is.GreaterThan(email is null ? 1 : 4));
        Assert.That(violations, Is.Empty);
    }

    /// <summary>Visits each page once per route (ids replaced), breadth first from the home page; yields the current page's path.</summary>
    private IEnumerable<string> Reachable(ChromeDriver browser)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(HomeRoutes.Home);
        while (queue.Count > 0 && seen.Count < 40)
        {
            var path = queue.Dequeue();
            if (!seen.Add(RouteOf(path)))
            {
                continue;
            }

            browser.Navigate().GoToUrl(_origin + path);
            yield return path;
            var links = browser.FindElements(By.CssSelector($"a[href^='{HomeRoutes.Home}']"))
                .Select(a => a.GetAttribute("href") ?? string.Empty)
                .Select(href => new Uri(new Uri(_origin), href).PathAndQuery)
                .Where(IsPage)
                .ToList();
            foreach (var link in links.Where(l => !seen.Contains(RouteOf(l))))
            {
                queue.Enqueue(link);
            }
        }
    }

    /// <summary>Pages only: not downloads, exports or signing out.</summary>
    private static bool IsPage(string path) =>
        !path.StartsWith(AccountRoutes.Logout, StringComparison.Ordinal)
        && !path.Contains("/attachments/", StringComparison.Ordinal)
        && !Regex.IsMatch(path, @"\.(pdf|zip|csv)(\?|$)");

    private static string RouteOf(string path) => IdPattern().Replace(path.Split('?')[0], "{id}");

    private List<string> Check(ChromeDriver browser)
    {
        browser.ExecuteScript(_axe);
        var result = (string?)browser.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations
                .filter(v => v.impact === 'critical' || v.impact === 'serious')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))))
              .catch(e => done(JSON.stringify(['axe failed: ' + e])));
            """);
        return result is null ? ["axe returned nothing"] : System.Text.Json.JsonSerializer.Deserialize<List<string>>(result) ?? [];
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex IdPattern();
}
