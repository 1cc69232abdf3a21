using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Upgrade;

/// <summary>
/// The app started on a database that main wrote before EF Core 10: <c>main-2026-11-21-demo.sql</c> is the
/// <c>sqlite3 .dump</c> of the database <c>seed-demo</c> made on 7 Dec 2026 with EF Core 6.0.7 and Identity 6.0.5
/// (every demo account, evidence in every state, attachments, sign-offs, the audit log). Start-up migrates it in place.
/// </summary>
public sealed class UpgradedDemoDatabaseTests
{
    private AppFactory _factory = null!;
    private Dictionary<string, long> _rowsBefore = null!;
    private Dictionary<string, long> _rowsAfterStart = null!;
    private List<string> _apprenticeTitlesBefore = null!;

    [OneTimeSetUp]
    public void StartTheAppOnTheOldDatabase()
    {
        _factory = new AppFactory();
        Directory.CreateDirectory(_factory.DataPath);
        using (var old = Open())
        {
            Execute(old, File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Upgrade", "main-2026-11-21-demo.sql")));
            _rowsBefore = CountRows(old);

            // The evidence list's order: newest activity first, then newest created.
            _apprenticeTitlesBefore = Read(old, $"""
                SELECT i.Title FROM EvidenceItems AS i
                JOIN Enrolments AS e ON e.Id = i.EnrolmentId JOIN Apprentices AS a ON a.Id = e.ApprenticeId
                WHERE a.Email = '{DemoDataSeeder.ApprenticeEmail}' ORDER BY i.ActivityDate DESC, i.CreatedAt DESC
                """);
        }

        using (_factory.CreateBrowser())
        {
            using var upgraded = Open();
            _rowsAfterStart = CountRows(upgraded);
        }
    }

    [OneTimeTearDown]
    public void StopTheApp() => _factory.Dispose();

    [Test]
    public void Every_row_of_the_old_database_is_there_after_start_up_migrated_it()
    {
        Assert.That(_rowsBefore["EvidenceItems"], Is.GreaterThan(300), "The old database holds the demo data.");
        Assert.That(_rowsAfterStart.Where(t => _rowsBefore.ContainsKey(t.Key)), Is.EquivalentTo(_rowsBefore));
    }

    [TestCase(DemoDataSeeder.ApprenticeEmail, PortfolioRoutes.Home)]
    [TestCase(DemoDataSeeder.AssessorEmail, AssessorRoutes.Caseload)]
    [TestCase(DemoDataSeeder.ProviderEmail, ProviderRoutes.Dashboard)]
    [TestCase(DemoDataSeeder.ProviderBAdminEmail, ProviderRoutes.Dashboard)]
    public async Task A_demo_account_signs_in_through_the_login_form_and_reaches_its_home(string email, string home)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var signedIn = await SignIn.PostLoginAsync(client, email, DemoDataSeeder.DemoPassword);
        using var homePage = await client.GetAsync(home);

        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(signedIn.RedirectTarget(), Is.EqualTo(home));
        Assert.That(homePage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_wrong_password_is_still_refused()
    {
        using var client = _factory.CreateBrowser();

        using var response = await SignIn.PostLoginAsync(client, DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.DemoPassword + "x");

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector(".error-summary")?.TextContent, Does.Contain(LoginHandler.WrongEmailOrPassword));
    }

    [Test]
    public async Task The_apprentice_s_evidence_list_shows_the_old_items_in_date_order()
    {
        using var client = await _factory.SignInAsync(DemoDataSeeder.ApprenticeEmail);

        using var response = await client.GetAsync(EvidenceRoutes.List);
        var page = await AppFactory.ParseAsync(response);

        Assert.That(_apprenticeTitlesBefore, Is.Not.Empty);
        Assert.That(Titles(page), Is.EqualTo(_apprenticeTitlesBefore.Take(20)));
    }

    private static string[] Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("table.evidence-list tbody th a").Select(a => a.TextContent).ToArray();

    /// <summary>Unpooled, so that the file is free once the connection is closed.</summary>
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _factory.DatabaseFile, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Read(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static Dictionary<string, long> CountRows(SqliteConnection connection) =>
        Read(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'")
            .ToDictionary(t => t, t =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{t}\"";
                return (long)command.ExecuteScalar()!;
            });
}
