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
    private string _origin = string.Empty;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        Chromium.Require();
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
        using var assessor = Chromium.Open();
        Chromium.SignIn(assessor, new Uri(_origin), DemoDataSeeder.AssessorEmail);
        assessor.Navigate().GoToUrl(_origin + AssessorRoutes.Reviews);
        // The queue renders once, empty, between the circuit starting and its query answering; the demo assessor always
        // has items waiting, so the rows' return says it has loaded.
        Chromium.WaitForCircuit(assessor, () => assessor.FindElements(By.CssSelector("main tbody tr")).Count > 0);
        var before = assessor.FindElements(By.CssSelector("main tbody tr")).Count;
        assessor.ExecuteScript("window.stillTheSamePage = true;");

        using var apprentice = await SignInOverHttpAsync(DemoDataSeeder.ApprenticeEmail);
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var saved = await Forms.PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Pushed to the open queue", [duties["D2"]], action: "submit"));
        var arrived = Chromium.WaitUntil(() => assessor.FindElements(By.CssSelector("main tbody tr")).Count == before + 1);

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
        using var browser = Chromium.Open();
        Chromium.SignIn(browser, new Uri(_origin), DemoDataSeeder.ApprenticeEmail);
        browser.Navigate().GoToUrl(_origin + EvidenceRoutes.List);
        Chromium.WaitForCircuit(browser);

        _factory.Services.GetRequiredService<ILiveEventHub>().Publish(LiveEvent.Reviewed(othersEnrolment, othersItem));
        Thread.Sleep(1000);
        var afterOthers = Chromium.DeliveredTo(browser);
        using var assessor = await SignInOverHttpAsync(DemoDataSeeder.AssessorEmail);
        using var decided = await Forms.PostFormAsync(assessor, AssessorRoutes.Review(ownItem),
            [new("Form.Decision", ReviewForm.Accept), new("Form.Feedback", "Well done.")]);
        var ownArrived = Chromium.WaitUntil(() => Chromium.DeliveredTo(browser) >= 1);

        Assert.That(afterOthers, Is.Zero);
        Assert.That(ownArrived, Is.True);
        Assert.That(Chromium.DeliveredTo(browser), Is.EqualTo(1));
    }

    [Test]
    public void Without_JavaScript_the_review_queue_is_the_same_table_with_no_circuit()
    {
        using var browser = Chromium.Open(javaScript: false);
        Chromium.SignIn(browser, new Uri(_origin), DemoDataSeeder.AssessorEmail);

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
}
