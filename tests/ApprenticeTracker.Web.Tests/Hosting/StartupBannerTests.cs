using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Hosting;

namespace ApprenticeTracker.Web.Tests.Hosting;

public sealed class StartupBannerTests
{
    [Test]
    public void The_banner_gives_the_address_and_each_demo_sign_in_with_its_role_and_the_password()
    {
        var output = new StringWriter();
        DemoSignIn[] signIns =
        [
            new("apprentice@example.org", "Łucja Wójcik", "Apprentice"),
            new("provider@example.org", "Priya Shah", "ProviderAdmin"),
        ];

        StartupBanner.Write(output, ["http://localhost:5080"], signIns);

        var text = output.ToString();
        Assert.That(text, Does.Contain("http://localhost:5080/"));
        Assert.That(text, Does.Contain(DemoDataSeeder.DemoPassword));
        Assert.That(text, Does.Match(@"apprentice@example\.org\s+Apprentice\s+Łucja Wójcik"));
        Assert.That(text, Does.Match(@"provider@example\.org\s+ProviderAdmin\s+Priya Shah"));
    }

    [Test]
    public void Without_demo_accounts_the_banner_gives_no_password()
    {
        var output = new StringWriter();

        StartupBanner.Write(output, ["http://localhost:5080"], []);

        Assert.That(output.ToString(), Does.Not.Contain(DemoDataSeeder.DemoPassword));
    }

    [Test]
    public void A_wildcard_binding_is_shown_as_an_address_a_browser_can_open()
    {
        var output = new StringWriter();

        StartupBanner.Write(output, ["http://[::]:8080", "http://+:8081"], []);

        Assert.That(output.ToString(), Does.Contain("http://localhost:8080/").And.Contain("http://localhost:8081/"));
    }
}
