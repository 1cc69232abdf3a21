using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.CommandLine;

public sealed class VerbFailureTests
{
    [Test]
    public async Task Migrate_exits_1_with_the_reason_when_the_database_cannot_be_opened()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateBrowser();
        factory.MakeDatabaseUnopenable();

        var run = await CommandLineRun.RunAsync(factory, "migrate");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("'migrate' failed: "));
    }
}
