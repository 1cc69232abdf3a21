using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.CommandLine;

public sealed class SeedDemoTests
{
    [Test]
    public async Task Seed_demo_seeds_once_and_lists_each_demo_sign_in_with_its_role()
    {
        using var factory = new AppFactory();

        var first = await CommandLineRun.RunAsync(factory, "seed-demo");
        var second = await CommandLineRun.RunAsync(factory, "seed-demo");

        Assert.That(first.ExitCode, Is.Zero, first.Error);
        Assert.That(first.Output, Does.StartWith("Demo data seeded."));
        Assert.That(first.Output, Does.Contain(DemoDataSeeder.DemoPassword));
        Assert.That(first.Output, Does.Contain("apprentice@example.org (Apprentice)"));
        Assert.That(first.Output, Does.Contain("assessor@example.org (Assessor)"));
        Assert.That(first.Output, Does.Contain("provider@example.org (ProviderAdmin)"));
        Assert.That(second.ExitCode, Is.Zero, second.Error);
        Assert.That(second.Output, Does.StartWith("Demo data was already there; nothing was changed."));
    }
}
