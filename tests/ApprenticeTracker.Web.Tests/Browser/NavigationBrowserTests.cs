using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Browser;

/// <summary>The navigation in a real browser (Debian's chromium), with and without JavaScript.</summary>
public sealed class NavigationBrowserTests
{
    private AppFactory _factory = null!;
    private string _home = string.Empty;

    [OneTimeSetUp]
    public void StartHost()
    {
        Chromium.Require();
        _factory = new AppFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _home = address.TrimEnd('/') + HomeRoutes.Home;
    }

    [OneTimeTearDown]
    public void StopHost() => _factory?.Dispose();

    [Test]
    public void On_a_narrow_screen_the_menu_is_folded_and_its_button_opens_it()
    {
        using var browser = Open(width: 390, javaScript: true);
        var home = HomeLink(browser);
        var foldedAtFirst = !home.Displayed;

        browser.FindElement(By.CssSelector(".navbar-toggler")).Click();

        Assert.That(foldedAtFirst, Is.True);
        Assert.That(Chromium.WaitUntil(() => home.Displayed), Is.True);
    }

    [Test]
    public void Without_JavaScript_the_menu_is_open_on_a_narrow_screen_and_the_button_is_hidden()
    {
        using var browser = Open(width: 390, javaScript: false);

        var home = HomeLink(browser);

        Assert.That(home.Displayed, Is.True);
        Assert.That(browser.FindElement(By.CssSelector(".navbar-toggler")).Displayed, Is.False);
    }

    [Test]
    public void On_a_wide_screen_the_menu_shows_without_a_button()
    {
        using var browser = Open(width: 1280, javaScript: true);

        var home = HomeLink(browser);

        Assert.That(home.Displayed, Is.True);
        Assert.That(browser.FindElement(By.CssSelector(".navbar-toggler")).Displayed, Is.False);
    }

    [Test]
    public void The_skip_link_appears_on_the_first_tab_and_moves_focus_to_the_main_content()
    {
        using var browser = Open(width: 1280, javaScript: true);
        var skipLink = browser.FindElement(By.CssSelector("a.skip-link"));
        var hiddenAtFirst = skipLink.Size.Width <= 1;

        browser.FindElement(By.TagName("body")).SendKeys(Keys.Tab);
        var shownOnFocus = skipLink.Size.Width > 1;
        browser.SwitchTo().ActiveElement().SendKeys(Keys.Enter);

        Assert.That(hiddenAtFirst, Is.True);
        Assert.That(shownOnFocus, Is.True);
        Assert.That(Chromium.WaitUntil(() => browser.SwitchTo().ActiveElement().GetAttribute("id") == "main"), Is.True);
    }

    private ChromeDriver Open(int width, bool javaScript)
    {
        var driver = Chromium.Open(width, javaScript);
        driver.Navigate().GoToUrl(_home);
        return driver;
    }

    private static IWebElement HomeLink(ChromeDriver browser) => browser.FindElement(By.CssSelector($"#main-nav a.nav-link[href='{HomeRoutes.Home}']"));
}
