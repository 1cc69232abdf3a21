using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
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
    private Uri _origin = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        Chromium.Require();
        _factory = new AppFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        await SeededAppFixture.CreateSeededFactoryAsync(_factory);
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _origin = new Uri(address);
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
            assessor.Navigate().GoToUrl(new Uri(_origin, ProgressReviewRoutes.New(enrolmentId)).ToString());
            WaitUntil(assessor, () => assessor.FindElements(By.Id("review-form")).Count == 1);
            assessor.FindElement(By.Id("TrainingSince")).SendKeys("A workshop on clinical audit.");
            ClickInView(assessor, assessor.FindElement(By.Id("WellbeingChecked")));
            assessor.FindElement(By.Id("action-0")).SendKeys("Log an observation of audit work");
            assessor.ExecuteScript("document.getElementById('action-owner-0').value = 'Apprentice';");
            var due = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            assessor.ExecuteScript($"document.getElementById('action-due-0').value = '{due}';");
            ClickInView(assessor, assessor.FindElement(By.CssSelector("#review-form button[type=submit]")));
            WaitUntil(assessor, () => assessor.Url.Contains("recorded=saved", StringComparison.Ordinal));
            reviewUrl = new Uri(assessor.Url).AbsolutePath;
            Sign(assessor);
        }

        foreach (var email in new[] { DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.EmployerEmail })
        {
            using var party = SignIn(email);
            party.Navigate().GoToUrl(new Uri(_origin, reviewUrl).ToString());
            WaitUntil(party, () => party.FindElements(By.Id("sign-button")).Count == 1);
            Sign(party);
        }

        using var reader = SignIn(DemoDataSeeder.EmployerEmail);
        reader.Navigate().GoToUrl(new Uri(_origin, reviewUrl).ToString());
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
        ClickInView(browser, browser.FindElement(By.Id("sign-button")));
        // The page has more than one status region (the reconnection dialog has one): look for the confirmation among them.
        WaitUntil(browser, () => browser.Url.Contains("recorded=signed", StringComparison.Ordinal)
            && browser.FindElements(By.CssSelector("main [role=status]")).Any(e => e.Text.Contains("You signed the review", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A long form's fields lie below the window: scrolled to the middle first, so the header cannot cover them, and at
    /// once (Bootstrap makes scrolling smooth, and a click during the animation lands where the element was).
    /// </summary>
    private static void ClickInView(ChromeDriver browser, IWebElement element)
    {
        browser.ExecuteScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.Click();
    }

    private ChromeDriver SignIn(string email)
    {
        var browser = Chromium.Open();
        Chromium.SignIn(browser, _origin, email);
        return browser;
    }

    private static void WaitUntil(ChromeDriver browser, Func<bool> condition) =>
        Assert.That(Chromium.WaitUntil(condition), Is.True, $"The browser did not reach the expected state in time; it is on {browser.Url}.");
}
