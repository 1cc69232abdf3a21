using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>
/// Debian's chromium driven through chromium-driver: the one way the browser tests open a browser, sign in, wait for a
/// page and read what a live component was given. A missing tool skips (or, in CI, fails) the test through
/// <see cref="RequiredTools"/>.
/// </summary>
public static class Chromium
{
    /// <summary>How long a wait lasts unless a test says otherwise: long enough for a loaded CI machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Skips (or fails under CI) when chromium or chromium-driver is missing; call it from a fixture's set-up.</summary>
    public static void Require()
    {
        RequiredTools.Require("chromium", "chromium");
        RequiredTools.Require("chromedriver", "chromium-driver");
    }

    /// <summary>A headless browser window of the given width (900 px high), with JavaScript on or off.</summary>
    public static ChromeDriver Open(int width = 1280, bool javaScript = true)
    {
        var chromium = RequiredTools.Require("chromium", "chromium");
        var chromedriver = RequiredTools.Require("chromedriver", "chromium-driver");
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--window-size={width},900");
        if (!javaScript)
        {
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver), Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        return driver;
    }

    /// <summary>
    /// True as soon as the condition holds, false when it still does not after <paramref name="patience"/>. An element
    /// the circuit re-rendered while it was being read is read again.
    /// </summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (true)
        {
            try
            {
                if (condition())
                {
                    return true;
                }
            }
            catch (StaleElementReferenceException)
            {
                // The circuit re-rendered the element being read; read it again.
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Signs in through the sign-in page at <paramref name="origin"/> and waits until the browser has left it.</summary>
    public static void SignIn(ChromeDriver browser, Uri origin, string email)
    {
        ArgumentNullException.ThrowIfNull(browser);
        browser.Navigate().GoToUrl(new Uri(origin, AccountRoutes.Login).ToString());
        browser.FindElement(By.Id("email")).SendKeys(email);
        browser.FindElement(By.Id("password")).SendKeys(DemoDataSeeder.DemoPassword);
        browser.FindElement(By.CssSelector("main button[type=submit]")).Click();
        Assert.That(WaitUntil(() => new Uri(browser.Url).AbsolutePath != AccountRoutes.Login), Is.True, $"{email} signed in; the browser is on {browser.Url}");
    }

    /// <summary>
    /// Waits until the page's main live component is interactive and has loaded: clicks and pushes before the circuit
    /// has started are lost, and a component renders once, empty, before its query answers. The header's count is
    /// interactive on every page, so only <c>main</c> is looked at.
    /// </summary>
    public static void WaitForCircuit(ChromeDriver browser, Func<bool>? loaded = null, Func<string>? explain = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        Assert.That(
            WaitUntil(() => browser.FindElements(By.CssSelector("main [data-interactive='true']")).Count > 0 && (loaded is null || loaded())),
            Is.True,
            () => $"the circuit started and the page loaded on {browser.Url}" + (explain is null ? string.Empty : "\n" + explain()));
    }

    /// <summary>How many live events the page's main component has been given since it became interactive.</summary>
    public static int DeliveredTo(ChromeDriver browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return int.Parse(browser.FindElement(By.CssSelector("main [data-live-events]")).GetAttribute("data-live-events") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
    }
}
