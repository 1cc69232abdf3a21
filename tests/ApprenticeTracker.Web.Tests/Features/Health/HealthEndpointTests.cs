using System.Net;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ApprenticeTracker.Web.Tests.Features.Health;

public sealed class HealthEndpointTests
{
    [Test]
    public async Task Healthz_answers_503_Unhealthy_when_the_database_cannot_be_opened()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateBrowser();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(factory.DataPath, "apprenticetracker.db*"))
        {
            File.Delete(file);
        }

        // A folder where the database file should be: it exists, yet SQLite cannot open it.
        Directory.CreateDirectory(factory.DatabaseFile);

        using var response = await client.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
    }

    [Test]
    public async Task Healthz_answers_503_and_does_not_create_an_empty_database_when_the_file_is_gone()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateBrowser();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(factory.DataPath, "apprenticetracker.db*"))
        {
            File.Delete(file);
        }

        using var response = await client.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(File.Exists(factory.DatabaseFile), Is.False);
    }
}
