using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Live;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Browser;

/// <summary>
/// Live updates in Debian's chromium: a page left open changes when someone else saves, over the circuit, without a
/// reload; and a person's page is never given an event about someone they may not see.
/// </summary>
public sealed class LiveUpdatesBrowserTests
{
    private AppFactory _factory = null!;
    private string _chromium = string.Empty;
    private string _chromedriver = string.Empty;
    private string _origin = string.Empty;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _chromium = RequiredTools.Require("chromium", "chromium");
        _chromedriver = RequiredTools.Require("chromedriver", "chromium-driver");
        _factory = new AppFactory();
        _factory.UseKestrel(0);
        _factory.StartServer();
        await SeededAppFixture.CreateSeededFactoryAsync(_factory);
        _origin = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    [OneTimeTearDown]
    public void StopHost() => _factory?.Dispose();

    [Test]
    public async Task The_assessor_s_open_review_queue_shows_a_new_submission_without_a_reload()
    {
        using var assessor = Open();
        SignIn(assessor, DemoDataSeeder.AssessorEmail);
        assessor.Navigate().GoToUrl(_origin + AssessorRoutes.Reviews);
        WaitForCircuit(assessor);
        var before = assessor.FindElements(By.CssSelector("main tbody tr")).Count;
        assessor.ExecuteScript("window.stillTheSamePage = true;");

        using var apprentice = await SignInOverHttpAsync(DemoDataSeeder.ApprenticeEmail);
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var saved = await Forms.PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Pushed to the open queue", [duties["D2"]], action: "submit"));
        var arrived = WaitUntil(() => assessor.FindElements(By.CssSelector("main tbody tr")).Count == before + 1);

        Assert.That(arrived, Is.True, "the row arrived");
        Assert.That(assessor.FindElement(By.CssSelector("main tbody")).Text, Does.Contain("Pushed to the open queue"));
        Assert.That(assessor.ExecuteScript("return window.stillTheSamePage === true;"), Is.True, "no reload");
    }

    [Test]
    public async Task An_apprentice_s_open_evidence_list_is_never_given_another_apprentice_s_event()
    {
        var (other, _) = await EvidenceTestKit.OtherApprenticeAsync(_factory);
        var othersItem = await EvidenceTestKit.ItemOfAsync(_factory, other, EvidenceStatus.Submitted);
        var othersEnrolment = await EvidenceTestKit.QueryAsync(_factory, db => db.EvidenceItems.Where(i => i.Id == othersItem).Select(i => i.EnrolmentId).SingleAsync());
        var ownItem = await EvidenceTestKit.ItemOfAsync(_factory, await EvidenceTestKit.DemoApprenticeIdAsync(_factory), EvidenceStatus.Submitted);
        using var browser = Open();
        SignIn(browser, DemoDataSeeder.ApprenticeEmail);
        browser.Navigate().GoToUrl(_origin + EvidenceRoutes.List);
        WaitForCircuit(browser);

        _factory.Services.GetRequiredService<ILiveEventHub>().Publish(LiveEvent.Reviewed(othersEnrolment, othersItem));
        Thread.Sleep(1000);
        var afterOthers = DeliveredTo(browser);
        using var assessor = await SignInOverHttpAsync(DemoDataSeeder.AssessorEmail);
        using var decided = await Forms.PostFormAsync(assessor, AssessorRoutes.Review(ownItem),
            [new("Form.Decision", ReviewForm.Accept), new("Form.Feedback", "Well done.")]);
        var ownArrived = WaitUntil(() => DeliveredTo(browser) >= 1);

        Assert.That(afterOthers, Is.Zero);
        Assert.That(ownArrived, Is.True);
        Assert.That(DeliveredTo(browser), Is.EqualTo(1));
    }

    [Test]
    public void Without_JavaScript_the_review_queue_is_the_same_table_with_no_circuit()
    {
        using var browser = Open(javaScript: false);
        SignIn(browser, DemoDataSeeder.AssessorEmail);

        browser.Navigate().GoToUrl(_origin + AssessorRoutes.Reviews);

        Assert.That(browser.FindElements(By.CssSelector("main tbody tr")), Is.Not.Empty);
        Assert.That(browser.FindElement(By.CssSelector("main [data-interactive]")).GetAttribute("data-interactive"), Is.EqualTo("false"));
    }

    /// <summary>The other person, acting through the real pages over HTTP against the same server the browser uses.</summary>
    private async Task<HttpClient> SignInOverHttpAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(_origin + HomeRoutes.Home) };
        using var response = await Infrastructure.SignIn.PostLoginAsync(client, email, DemoDataSeeder.DemoPassword);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Redirect), $"{email} signed in");
        return client;
    }

    private static int DeliveredTo(ChromeDriver browser) =>
        int.Parse(browser.FindElement(By.CssSelector("main [data-live-events]")).GetAttribute("data-live-events") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Clicks and pushes before the circuit has started are lost: wait for the component to say it is interactive.</summary>
    private static void WaitForCircuit(ChromeDriver browser) =>
        Assert.That(WaitUntil(() => browser.FindElements(By.CssSelector("main [data-interactive='true']")).Count > 0), Is.True, "the circuit started");

    private void SignIn(ChromeDriver browser, string email)
    {
        browser.Navigate().GoToUrl(_origin + AccountRoutes.Login);
        browser.FindElement(By.Id("email")).SendKeys(email);
        browser.FindElement(By.Id("password")).SendKeys(DemoDataSeeder.DemoPassword);
        browser.FindElement(By.CssSelector("main button[type=submit]")).Click();
        WaitUntil(() => new Uri(browser.Url).AbsolutePath != AccountRoutes.Login);
    }

    private static bool WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
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

            Thread.Sleep(50);
        }

        return false;
    }

    private ChromeDriver Open(bool javaScript = true)
    {
        var options = new ChromeOptions { BinaryLocation = _chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,900");
        if (!javaScript)
        {
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(_chromedriver), Path.GetFileName(_chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
