using System.Net;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Features.Home;

public sealed class HomePageTests
{
    private AppFactory _factory = null!;

    [OneTimeSetUp]
    public void StartHost() => _factory = new AppFactory();

    [OneTimeTearDown]
    public void StopHost() => _factory.Dispose();

    [Test]
    public async Task The_home_page_lists_the_ten_duties_of_ST0413_verbatim_with_codes_D1_to_D10()
    {
        using var client = _factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));

        var rows = page.QuerySelectorAll("table.duties tbody tr")
            .Select(r => (Code: r.QuerySelector("th")?.TextContent.Trim(), Statement: r.QuerySelector("td")?.TextContent.Trim()))
            .ToList();
        var expected = St0413.Duties.Select((statement, i) => (Code: (string?)$"D{i + 1}", Statement: (string?)statement)).ToList();
        Assert.That(rows, Is.EqualTo(expected));
    }

    [Test]
    public async Task The_home_page_describes_the_imported_standard()
    {
        using var client = _factory.CreateBrowser();

        var page = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));

        var facts = page.QuerySelectorAll("dl.standard-facts dt")
            .ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling?.TextContent.Trim());
        Assert.That(page.QuerySelector("section.standard h2")?.TextContent.Trim(), Is.EqualTo("Healthcare science practitioner (integrated degree)"));
        Assert.That(facts["Reference"], Is.EqualTo("ST0413"));
        Assert.That(facts["Version"], Is.EqualTo("1.1"));
        Assert.That(facts["Level"], Is.EqualTo("6"));
        Assert.That(facts["Typical duration"], Is.EqualTo("36 months to gateway"));
        Assert.That(facts["Route"], Is.EqualTo("Health and science"));
    }

    [Test]
    public async Task A_second_version_of_a_standard_is_listed_after_the_first()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateBrowser();
        var file = await StandardFiles.WriteVariantAsync(factory, json =>
        {
            json["version"] = "1.10";
            json["versionNumber"] = "1.10";
        });
        await CommandLineRun.RunAsync(factory, "import-standard", file);

        var page = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));

        var versions = page.QuerySelectorAll("dl.standard-facts dt")
            .Where(dt => dt.TextContent.Trim() == "Version")
            .Select(dt => dt.NextElementSibling?.TextContent.Trim())
            .ToList();
        Assert.That(versions, Is.EqualTo(new[] { "1.1", "1.10" }));
    }

    [Test]
    public async Task Without_a_standard_the_home_page_says_how_to_import_one()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateBrowser();
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Standards.RemoveRange(await db.Standards.ToListAsync());
            await db.SaveChangesAsync();
        }

        using var response = await client.GetAsync(HomeRoutes.Home);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector("table.duties"), Is.Null);
        Assert.That(page.QuerySelector("main h2")?.TextContent, Is.EqualTo("No standard has been imported yet"));
        Assert.That(page.QuerySelector("main pre")?.TextContent, Does.Contain("import-standard samples/standards/ST0413-v1.1.json"));
    }
}
