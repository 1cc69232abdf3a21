using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using ApprenticeTracker.Web.Features.Account;

namespace ApprenticeTracker.Web.Tests.Hosting;

/// <summary>
/// README's way to start the app, with the environment a person sets, as real processes: the launch profile of
/// <c>dotnet run</c> must not override <c>ASPNETCORE_ENVIRONMENT</c>, and Production must hold no demo account and send
/// every cookie as Secure, with no Server header.
/// </summary>
[NonParallelizable]
public sealed class ProductionStartTests
{
    private string _dataPath = string.Empty;

    [SetUp]
    public void MakeDataFolder()
    {
        _dataPath = Path.Combine(Path.GetTempPath(), "apprenticetracker-process-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataPath);
    }

    [TearDown]
    public void RemoveDataFolder()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    [Test]
    public async Task Dotnet_run_with_ASPNETCORE_ENVIRONMENT_Production_runs_in_Production_with_no_demo_account_and_secure_cookies()
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["App__DataPath"] = _dataPath };

        string output;
        HttpResponseMessage login;
        HttpResponseMessage refused;
        using (var app = await LaunchedApp.DotnetRunAsync(environment))
        {
            using var client = NewClient(app.Address);
            login = await client.GetAsync(AccountRoutes.Login);
            refused = await PostLoginAsync(client, login, DemoDataSeeder.ApprenticeEmail);
            output = app.Output;
        }

        var refusal = await AppFactory.ParseAsync(refused);
        Assert.That(output, Does.Contain("Hosting environment: Production"));
        Assert.That(output, Does.Not.Contain("Demo sign-ins"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refusal.QuerySelector(".error-summary")?.TextContent, Does.Contain("Your email address or password is incorrect"));
        Assert.That(await DemoAccountsAsync(), Is.Empty);
        Assert.That(login.SetCookies(), Is.Not.Empty.And.All.Contains("secure"), "the antiforgery cookie");
        Assert.That(login.Headers.Contains("Server"), Is.False);
        Assert.That(login.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'self'"));
    }

    [Test]
    public async Task Signing_in_in_Production_sets_a_secure_sign_in_cookie()
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["App__DataPath"] = _dataPath };
        var seeded = await LaunchedApp.RunVerbAsync(environment, "seed-demo");
        Assert.That(seeded.ExitCode, Is.Zero, seeded.Output);

        HttpResponseMessage signedIn;
        using (var app = await LaunchedApp.BuiltProgramAsync(environment))
        {
            using var client = NewClient(app.Address);
            using var login = await client.GetAsync(AccountRoutes.Login);
            signedIn = await PostLoginAsync(client, login, DemoDataSeeder.ApprenticeEmail);
        }

        var signInCookie = signedIn.SetCookies().SingleOrDefault(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(signInCookie, Does.Contain("; secure").And.Contain("; httponly").And.Contain("; samesite=lax"));
    }

    [Test]
    public async Task Dotnet_run_with_no_environment_set_runs_in_Development_with_the_demo_data()
    {
        var environment = new Dictionary<string, string> { ["App__DataPath"] = _dataPath };

        string output;
        using (var app = await LaunchedApp.DotnetRunAsync(environment))
        {
            output = app.Output;
        }

        Assert.That(output, Does.Contain("Hosting environment: Development"));
        Assert.That(output, Does.Contain("Demo sign-ins"));
        Assert.That(await DemoAccountsAsync(), Does.Contain(DemoDataSeeder.ApprenticeEmail.ToUpperInvariant()));
    }

    /// <summary>A client that keeps no cookies of its own: Secure cookies over http are sent by hand, as a browser on localhost does.</summary>
    private static HttpClient NewClient(Uri address) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, HttpResponseMessage loginPage, string email)
    {
        var page = await AppFactory.ParseAsync(loginPage);
        var cookies = string.Join("; ", loginPage.SetCookies().Select(c => c.Split(';')[0]));
        client.DefaultRequestHeaders.Remove("Cookie");
        client.DefaultRequestHeaders.Add("Cookie", cookies);
        var form = (IHtmlFormElement)page.QuerySelector("main form")!;
        return await Forms.PostAsync(client, AccountRoutes.Login, form, [new("Input.Email", email), new("Input.Password", DemoDataSeeder.DemoPassword)]);
    }

    private async Task<List<string>> DemoAccountsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataPath, "apprenticetracker.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT NormalizedEmail FROM AspNetUsers WHERE NormalizedEmail LIKE '%@EXAMPLE.ORG'";
        var emails = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            emails.Add(reader.GetString(0));
        }

        return emails;
    }
}
