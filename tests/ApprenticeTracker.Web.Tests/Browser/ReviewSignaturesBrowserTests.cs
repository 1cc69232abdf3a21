using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.ProgressReviews;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ApprenticeTracker.Web.Tests.Browser;

/// <summary>
/// A progress review in a real browser (Debian's chromium, JavaScript on): the assessor records it and signs, then the
/// apprentice and the employer contact each sign in their own browser, and the review reads complete.
/// </summary>
public sealed class ReviewSignaturesBrowserTests
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
    public async Task The_assessor_records_a_review_and_the_three_parties_sign_it_in_their_browsers()
    {
        var contexts = _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Guid enrolmentId;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            enrolmentId = await (
                    from a in db.Apprentices
                    where a.Email == DemoDataSeeder.ApprenticeEmail
                    join e in db.Enrolments on a.Id equals e.ApprenticeId
                    select e.Id)
                .SingleAsync();
        }

        string reviewUrl;
        using (var assessor = SignIn(DemoDataSeeder.AssessorEmail))
        {
            assessor.Navigate().GoToUrl(_home + ProgressReviewRoutes.New(enrolmentId));
            WaitUntil(assessor, () => assessor.FindElements(By.Id("review-form")).Count == 1);
            assessor.FindElement(By.Id("TrainingSince")).SendKeys("A workshop on clinical audit.");
            assessor.FindElement(By.Id("WellbeingChecked")).Click();
            assessor.FindElement(By.Id("action-0")).SendKeys("Log an observation of audit work");
            assessor.ExecuteScript("document.getElementById('action-owner-0').value = 'Apprentice';");
            var due = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            assessor.ExecuteScript($"document.getElementById('action-due-0').value = '{due}';");
            assessor.FindElement(By.CssSelector("#review-form button[type=submit]")).Click();
            WaitUntil(assessor, () => assessor.Url.Contains("recorded=saved", StringComparison.Ordinal));
            reviewUrl = new Uri(assessor.Url).AbsolutePath;
            Sign(assessor);
        }

        foreach (var email in new[] { DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.EmployerEmail })
        {
            using var party = SignIn(email);
            party.Navigate().GoToUrl(_home + reviewUrl);
            WaitUntil(party, () => party.FindElements(By.Id("sign-button")).Count == 1);
            Sign(party);
        }

        using var reader = SignIn(DemoDataSeeder.EmployerEmail);
        reader.Navigate().GoToUrl(_home + reviewUrl);
        WaitUntil(reader, () => reader.FindElements(By.Id("review-status")).Count == 1);
        Assert.That(reader.FindElement(By.Id("review-status")).Text, Does.Contain("Complete"));
        var rows = reader.FindElements(By.CssSelector("#review-signatures tbody tr")).Select(r => r.Text).ToList();
        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(rows, Has.All.Contain("Signed"));
        Assert.That(string.Join("\n", rows), Does.Contain("Grace Adeyemi").And.Contain("Łucja Wójcik").And.Contain("Zoë Hartley"));
    }

    private static void Sign(ChromeDriver browser)
    {
        browser.FindElement(By.Id("password")).SendKeys(DemoDataSeeder.DemoPassword);
        browser.FindElement(By.Id("sign-button")).Click();
        WaitUntil(browser, () => browser.Url.Contains("recorded=signed", StringComparison.Ordinal)
            && browser.FindElements(By.CssSelector("[role=status]")).Count == 1);
        Assert.That(browser.FindElement(By.CssSelector("[role=status]")).Text, Does.Contain("You signed the review"));
    }

    private ChromeDriver SignIn(string email)
    {
        var options = new ChromeOptions { BinaryLocation = _chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,900");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(_chromedriver), Path.GetFileName(_chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        browser.Navigate().GoToUrl(_home + AccountRoutes.Login);
        browser.FindElement(By.Id("email")).SendKeys(email);
        browser.FindElement(By.Id("password")).SendKeys(DemoDataSeeder.DemoPassword);
        browser.FindElement(By.CssSelector("main button[type=submit]")).Click();
        WaitUntil(browser, () => new Uri(browser.Url).AbsolutePath != AccountRoutes.Login);
        return browser;
    }

    /// <summary>A click that submits a form returns before the next page has loaded; wait for it.</summary>
    private static void WaitUntil(ChromeDriver browser, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The browser did not reach the expected state in time; it is on {browser.Url}.");
            }

            Thread.Sleep(50);
        }
    }
}
