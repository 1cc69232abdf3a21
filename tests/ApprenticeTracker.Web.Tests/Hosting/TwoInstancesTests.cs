using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Tests.Shared;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium;

namespace ApprenticeTracker.Web.Tests.Hosting;

/// <summary>
/// Two app processes on one PostgreSQL database and one data folder, as two instances behind a proxy: what one does,
/// the other sees and honours (docs/decisions/0100), and its live updates reach the other's open pages through
/// LISTEN/NOTIFY, each checked against the viewer's scope there (docs/decisions/0140).
/// </summary>
public sealed class TwoInstancesTests
{
    private string _dataPath = null!;
    private string _database = null!;
    private Dictionary<string, string> _settings = null!;

    [SetUp]
    public void CreateDatabaseAndFolder()
    {
        _database = TestPostgres.CreateDatabase();
        _dataPath = Path.Combine(Path.GetTempPath(), "apprenticetracker-two-instances", Guid.NewGuid().ToString("N"));
        _settings = new()
        {
            ["Database__Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["ConnectionStrings__Default"] = _database,
            ["SignInThrottle__AttemptsPerWindow"] = "1000",
        };
    }

    [TearDown]
    public void DropDatabaseAndFolder()
    {
        // Both are null when the set-up skipped the test for want of a server.
        if (_database is not null)
        {
            TestPostgres.Drop(_database);
        }

        if (_dataPath is not null && Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    [Test]
    public async Task A_sign_in_on_one_instance_is_honoured_by_the_other_and_evidence_saved_through_one_is_reviewed_through_the_other()
    {
        var seeded = await AppProcess.RunVerbAsync(_dataPath, ["seed-demo"], CancellationToken.None, _settings);
        Assert.That(seeded.ExitCode, Is.EqualTo(0), seeded.Error);
        using var first = await AppProcess.StartAsync(_dataPath, _settings, CancellationToken.None);
        using var second = await AppProcess.StartAsync(_dataPath, _settings, CancellationToken.None);
        var apprenticeCookies = new CookieContainer();
        using var apprenticeOnFirst = first.CreateClient(apprenticeCookies);
        using var apprenticeOnSecond = second.CreateClient(apprenticeCookies);
        var assessorCookies = new CookieContainer();
        using var assessorOnFirst = first.CreateClient(assessorCookies);
        using var assessorOnSecond = second.CreateClient(assessorCookies);

        // Signed in through the first, the apprentice is known to the second (the keys are in the database).
        using (var signIn = await SignIn.PostLoginAsync(apprenticeOnFirst, DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.DemoPassword))
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        using (var portfolio = await apprenticeOnSecond.GetAsync(PortfolioRoutes.Home))
        {
            Assert.That(portfolio.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the second instance should honour the first's sign-in cookie");
        }

        // The form comes from the second instance and is posted to the first: the antiforgery token crosses too.
        var duties = await EvidenceTestKit.DutyIdsAsync(apprenticeOnSecond);
        var form = (IHtmlFormElement)(await AppFactory.ParseAsync(await apprenticeOnSecond.GetAsync(EvidenceRoutes.New))).QuerySelector(Forms.MainForm)!;
        using var saved = await Forms.PostAsync(
            apprenticeOnFirst, EvidenceRoutes.New, form,
            EvidenceTestKit.Fields("Reviewed across instances", [duties["D4"]], action: "submit"),
            [EvidenceTestKit.File("notes.pdf", EvidenceTestKit.PdfBytes)]);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        var item = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/', '?').SkipWhile(part => part != "evidence").ElementAt(1));

        using (var signIn = await SignIn.PostLoginAsync(assessorOnSecond, DemoDataSeeder.AssessorEmail, DemoDataSeeder.DemoPassword))
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var review = await AppFactory.ParseAsync(await assessorOnSecond.GetAsync(AssessorRoutes.Review(item)));
        var download = review.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(h => h is not null && h.Contains("/attachments/", StringComparison.Ordinal));
        using (var file = await assessorOnSecond.GetAsync(download))
        {
            Assert.That(await file.Content.ReadAsByteArrayAsync(), Is.EqualTo(EvidenceTestKit.PdfBytes), "the second instance should read the file the first stored");
        }

        using var decided = await Forms.PostAsync(
            assessorOnFirst, AssessorRoutes.Review(item), (IHtmlFormElement)review.QuerySelector(Forms.MainForm)!,
            [new("Form.Decision", ReviewForm.Accept), new("Form.Feedback", "Seen on the other instance.")]);
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await decided.Content.ReadAsStringAsync());

        var options = PersistenceExtensions.ConfigurePostgreSql(new DbContextOptionsBuilder<AppDbContext>(), _database);
        await using var db = new AppDbContext((DbContextOptions<AppDbContext>)options.Options);
        var stored = await db.EvidenceItems.AsNoTracking().SingleAsync(i => i.Id == item);
        Assert.That(stored.Status, Is.EqualTo(Domain.Evidence.EvidenceStatus.Accepted));
        Assert.That(
            await db.Database.SqlQueryRaw<long>(
                "SELECT COUNT(*) AS \"Value\" FROM (SELECT i.\"EnrolmentId\", d.\"DutyId\", SUM((i.\"Status\" = 'Accepted')::int) AS a FROM \"EvidenceDuties\" d " +
                "JOIN \"EvidenceItems\" i ON i.\"Id\" = d.\"EvidenceItemId\" WHERE i.\"Status\" <> 'Draft' GROUP BY 1, 2 " +
                "EXCEPT SELECT \"EnrolmentId\", \"DutyId\", \"Accepted\" FROM \"DutyEvidenceCounts\") AS x").SingleAsync(),
            Is.Zero,
            "the duty evidence counts should agree with the evidence");
        var verified = await AppProcess.RunVerbAsync(_dataPath, ["verify-audit"], CancellationToken.None, _settings);
        Assert.That(verified.ExitCode, Is.EqualTo(0), verified.Error + verified.Output);
        Assert.That(verified.Output, Does.Contain("The audit trail is intact"));
    }

    [Test]
    public async Task A_submission_through_one_instance_reaches_an_open_page_on_the_other_and_only_the_people_who_may_see_it()
    {
        Chromium.Require();
        var seeded = await AppProcess.RunVerbAsync(_dataPath, ["seed-demo"], CancellationToken.None, _settings);
        Assert.That(seeded.ExitCode, Is.EqualTo(0), seeded.Error);

        // Run from the build output (not published), the app serves the framework's script (blazor.web.js), which a
        // circuit needs, only in Development; a published app serves it from its own wwwroot in any environment.
        var settings = new Dictionary<string, string>(_settings) { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        using var first = await AppProcess.StartAsync(_dataPath, settings, CancellationToken.None);
        using var second = await AppProcess.StartAsync(_dataPath, settings, CancellationToken.None);

        // On the second instance: the assessor's review queue, and the other provider's dashboard, which may not see
        // the first provider's evidence.
        using var assessor = Chromium.Open();
        Chromium.SignIn(assessor, second.Address, DemoDataSeeder.AssessorEmail);
        assessor.Navigate().GoToUrl(new Uri(second.Address, AssessorRoutes.Reviews).ToString());
        // The queue renders once, empty, between the circuit starting and its query answering; the demo assessor always
        // has items waiting, so the rows' return says it has loaded.
        Chromium.WaitForCircuit(assessor, () => assessor.FindElements(By.CssSelector("main tbody tr")).Count > 0, () => second.Output);
        var before = assessor.FindElements(By.CssSelector("main tbody tr")).Count;
        assessor.ExecuteScript("window.stillTheSamePage = true;");
        using var otherProvider = Chromium.Open();
        Chromium.SignIn(otherProvider, second.Address, DemoDataSeeder.ProviderBAdminEmail);
        otherProvider.Navigate().GoToUrl(new Uri(second.Address, ProviderRoutes.Dashboard).ToString());
        Chromium.WaitForCircuit(otherProvider, explain: () => second.Output);

        // Through the first instance: the apprentice submits, and the assessor (over HTTP) accepts it.
        using var apprentice = first.CreateClient();
        using (var signIn = await SignIn.PostLoginAsync(apprentice, DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.DemoPassword))
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var saved = await Forms.PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Carried across instances", [duties["D2"]], action: "submit"));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        var item = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/', '?').SkipWhile(part => part != "evidence").ElementAt(1));
        var arrived = Chromium.WaitUntil(() => assessor.FindElements(By.CssSelector("main tbody tr")).Count == before + 1);
        Assert.That(arrived, Is.True, "the submission reached the queue open on the other instance");
        Assert.That(assessor.FindElement(By.CssSelector("main tbody")).Text, Does.Contain("Carried across instances"));
        Assert.That(assessor.ExecuteScript("return window.stillTheSamePage === true;"), Is.True, "no reload");

        using var reviewer = first.CreateClient();
        using (var signIn = await SignIn.PostLoginAsync(reviewer, DemoDataSeeder.AssessorEmail, DemoDataSeeder.DemoPassword))
        {
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        }

        using var decided = await Forms.PostFormAsync(reviewer, AssessorRoutes.Review(item), [new("Form.Decision", ReviewForm.Accept), new("Form.Feedback", "Well done.")]);
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await decided.Content.ReadAsStringAsync());
        Assert.That(Chromium.WaitUntil(() => Chromium.DeliveredTo(assessor) >= 2), Is.True, "the review reached the assessor's open queue");
        Thread.Sleep(1000);

        Assert.That(Chromium.DeliveredTo(otherProvider), Is.Zero, "the other provider's page was given neither event");
    }
}
