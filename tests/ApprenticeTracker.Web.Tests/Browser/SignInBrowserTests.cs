using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Home;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Browser;

/// <summary>Signing in and out in a real browser (Debian's chromium), mostly with JavaScript switched off.</summary>
public sealed class SignInBrowserTests
{
    private AppFactory _factory = null!;
    private string _home = string.Empty;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        Chromium.Require();
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
        WaitUntil(browser, () => new Uri(browser.Url).AbsolutePath != AccountRoutes.Login);
        var landedOn = new Uri(browser.Url).AbsolutePath;
        var signedInAs = browser.FindElement(By.CssSelector("nav .signed-in-name")).Text;
        browser.FindElement(By.CssSelector("nav form.sign-out button")).Click();
        WaitUntil(browser, () => browser.FindElements(By.CssSelector("nav form.sign-out")).Count == 0);

        Assert.That(landedOn, Is.EqualTo(AssessorRoutes.Caseload));
        Assert.That(signedInAs, Is.EqualTo("Grace Adeyemi"));
        Assert.That(new Uri(browser.Url).AbsolutePath, Is.EqualTo(HomeRoutes.Home));
        Assert.That(browser.FindElements(By.CssSelector($"nav a[href='{AccountRoutes.Login}']")), Has.Count.EqualTo(1));
        Assert.That(browser.FindElements(By.CssSelector("nav form.sign-out")), Is.Empty);
    }

    [Test]
    public void Without_JavaScript_a_refused_sign_in_shows_the_message_beside_the_password()
    {
        using var browser = Open();

        browser.FindElement(By.Id("email")).SendKeys(DemoDataSeeder.ApprenticeEmail);
        browser.FindElement(By.Id("password")).SendKeys("not the password");
        browser.FindElement(By.CssSelector("main button[type=submit]")).Click();
        WaitUntil(browser, () => browser.FindElements(By.Id("password-error")).Count == 1);

        Assert.That(browser.FindElement(By.Id("password-error")).Displayed, Is.True);
        Assert.That(browser.FindElement(By.Id("password-error")).Text, Is.EqualTo("Your email address or password is incorrect"));
    }

    /// <summary>
    /// A click that submits a form returns before the next page has loaded; wait for it rather than read the page
    /// that is going away.
    /// </summary>
    private static void WaitUntil(ChromeDriver browser, Func<bool> condition) =>
        Assert.That(Chromium.WaitUntil(condition), Is.True, () => $"The browser did not reach the expected page in time; it is on {browser.Url}.");

    [TestCase(DemoDataSeeder.ApprenticeEmail, 1280)]
    [TestCase(DemoDataSeeder.AssessorEmail, 1280)]
    [TestCase(DemoDataSeeder.ProviderEmail, 1280)]
    [TestCase(DemoDataSeeder.ProviderEmail, 1440)]
    public void Signed_in_the_menu_fits_the_window_or_folds_into_its_button(string email, int width)
    {
        using var browser = Open(width, javaScript: true);
        browser.FindElement(By.Id("email")).SendKeys(email);
        browser.FindElement(By.Id("password")).SendKeys(DemoDataSeeder.DemoPassword);
        browser.FindElement(By.CssSelector("main button[type=submit]")).Click();
        WaitUntil(browser, () => new Uri(browser.Url).AbsolutePath != AccountRoutes.Login);

        // The header's live count re-renders its part of the menu once the circuit starts: wait for that, then measure
        // in one script, so no element read in between is replaced under the test.
        WaitUntil(browser, () => browser.ExecuteScript("return document.querySelector(\"header [data-interactive='false']\") === null;") is true);
        var measured = (IReadOnlyDictionary<string, object>)browser.ExecuteScript(
            "const width = document.documentElement.clientWidth;" +
            "const shown = [...document.querySelectorAll('header nav .nav-link, header nav .navbar-text, header nav .sign-out button')]" +
            ".filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');" +
            "const toggler = document.querySelector('.navbar-toggler');" +
            "return { width: width, shown: shown.length, folded: !!toggler && toggler.getClientRects().length > 0 && getComputedStyle(toggler).display !== 'none'," +
            " beyond: shown.filter(e => e.getBoundingClientRect().right > width).map(e => e.textContent.trim()) };")!;
        var windowWidth = Convert.ToInt32(measured["width"], System.Globalization.CultureInfo.InvariantCulture);
        var shown = Convert.ToInt32(measured["shown"], System.Globalization.CultureInfo.InvariantCulture);
        var folded = measured["folded"] is true;

        Assert.That(folded || shown > 0, Is.True, "the menu is either shown or folded into its button");
        Assert.That(
            ((IEnumerable<object>)measured["beyond"]).Select(e => e.ToString()),
            Is.Empty,
            $"menu items beyond the right edge of a {windowWidth} px window");

        // Nor does the role's home page scroll sideways: wide tables scroll inside their own box.
        var wider = browser.ExecuteScript(
            "return [...document.querySelectorAll('body *')]" +
            ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-responsive'))" +
            ".map(e => e.tagName + '.' + e.className).slice(0, 5).join(' | ');") as string;
        Assert.That(wider, Is.Empty, $"elements of {new Uri(browser.Url).AbsolutePath} wider than the window");
    }

    [Test]
    public void At_1280_px_the_cohort_dashboard_shows_all_ten_duty_columns_without_scrolling_the_table_and_each_employer_on_one_line()
    {
        using var browser = Open(1280, javaScript: true);
        browser.FindElement(By.Id("email")).SendKeys(DemoDataSeeder.ProviderEmail);
        browser.FindElement(By.Id("password")).SendKeys(DemoDataSeeder.DemoPassword);
        browser.FindElement(By.CssSelector("main button[type=submit]")).Click();
        WaitUntil(browser, () => new Uri(browser.Url).AbsolutePath == ProviderRoutes.Dashboard);

        var widths = (string)browser.ExecuteScript("const w = document.querySelector('.heat-map-wrapper'); return w.scrollWidth + ' ' + w.clientWidth;")!;
        var duties = browser.FindElements(By.CssSelector(".heat-map thead th.heat-duty"));
        var employerLines = (string)browser.ExecuteScript(
            "return [...document.querySelectorAll('.heat-map .heat-employer')]" +
            ".map(e => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))).join(' ');")!;

        Assert.That(duties, Has.Count.EqualTo(10));
        var scroll = widths.Split(' ').Select(int.Parse).ToList();
        Assert.That(scroll[0], Is.LessThanOrEqualTo(scroll[1]), "the heat map's content width against its box's width");
        Assert.That(employerLines.Split(' '), Is.Not.Empty.And.All.EqualTo("1"), "lines each employer's name takes");
    }

    private ChromeDriver Open(int width = 1280, bool javaScript = false)
    {
        var driver = Chromium.Open(width, javaScript);
        driver.Navigate().GoToUrl(_home + AccountRoutes.Login);
        return driver;
    }
}
