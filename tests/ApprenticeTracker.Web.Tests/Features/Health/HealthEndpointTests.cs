using System.Net;
using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.Features.Health;

public sealed class HealthEndpointTests
{
    [Test]
    public async Task Healthz_answers_503_Unhealthy_when_the_database_cannot_be_opened()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateBrowser();
        factory.MakeDatabaseUnopenable();

        using var response = await client.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
    }

    [Test]
    public async Task Healthz_answers_503_and_does_not_create_an_empty_database_when_the_file_is_gone()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateBrowser();
        factory.DeleteDatabase();

        using var response = await client.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(File.Exists(factory.DatabaseFile), Is.False);
    }
}
