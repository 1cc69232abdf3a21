using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ApprenticeTracker.Web.Tests.Browser;

/// <summary>Signing in and out in a real browser (Debian's chromium) with JavaScript switched off.</summary>
public sealed class SignInBrowserTests
{
    private AppFactory _factory = null!;
    private string _chromium = string.Empty;
    private string _chromedriver = string.Empty;
    private string _home = string.Empty;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _chromium = RequiredTools.Require("chromium", "chromium");
        _chromedriver = RequiredTools.Require("chromedriver", "chromium-driver");
        _factory = new AppFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        await SeededAppFixture.CreateSeededFactoryAsync(_factory);
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _home = address.TrimEnd('/');
    }

    [OneTimeTearDown]
    public void StopHost() => _factory?.Dispose();

    [Test]
    public void Without_JavaScript_a_user_signs_in_lands_on_their_home_and_signs_out_again()
    {
        using var browser = Open();

        browser.FindElement(By.Id("email")).SendKeys(DemoDataSeeder.AssessorEmail);
        browser.FindElement(By.Id("password")).SendKeys(DemoDataSeeder.DemoPassword);
        browser.FindElement(By.CssSelector("main button[type=submit]")).Click();
        var landedOn = new Uri(browser.Url).AbsolutePath;
        var signedInAs = browser.FindElement(By.CssSelector("nav .signed-in-name")).Text;
        browser.FindElement(By.CssSelector("nav form.sign-out button")).Click();

        Assert.That(landedOn, Is.EqualTo("/assessor"));
        Assert.That(signedInAs, Is.EqualTo("Grace Adeyemi"));
        Assert.That(new Uri(browser.Url).AbsolutePath, Is.EqualTo("/"));
        Assert.That(browser.FindElements(By.CssSelector("nav a[href='/Account/Login']")), Has.Count.EqualTo(1));
        Assert.That(browser.FindElements(By.CssSelector("nav form.sign-out")), Is.Empty);
    }

    [Test]
    public void Without_JavaScript_a_refused_sign_in_shows_the_message_beside_the_password()
    {
        using var browser = Open();

        browser.FindElement(By.Id("email")).SendKeys(DemoDataSeeder.ApprenticeEmail);
        browser.FindElement(By.Id("password")).SendKeys("not the password");
        browser.FindElement(By.CssSelector("main button[type=submit]")).Click();

        Assert.That(browser.FindElement(By.Id("password-error")).Displayed, Is.True);
        Assert.That(browser.FindElement(By.Id("password-error")).Text, Is.EqualTo("Your email address or password is incorrect"));
    }

    private ChromeDriver Open()
    {
        var options = new ChromeOptions { BinaryLocation = _chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,900");
        options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(_chromedriver), Path.GetFileName(_chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Navigate().GoToUrl(_home + "/Account/Login");
        return driver;
    }
}
