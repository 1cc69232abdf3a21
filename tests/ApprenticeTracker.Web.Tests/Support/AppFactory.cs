using System.Data.Common;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Tests.Shared;
using ApprenticeTracker.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>
/// Hosts the real app in the "Testing" environment on its own temporary data folder, deleted when the factory is
/// disposed. Start-up migrates and imports ST0413 as it does in production; demo data only on request. On PostgreSQL
/// (<see cref="Database"/>) the database is a fresh one on the test server, dropped with the factory.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>The database the app runs on; SQLite in the data folder unless a test asks for PostgreSQL.</summary>
    public DatabaseProvider Database { get; init; } = DatabaseProvider.Sqlite;

    private string? _postgres;

    /// <summary>
    /// The PostgreSQL database's connection string: given, or a fresh database made when the host is built on
    /// PostgreSQL. Either way it is dropped with the factory.
    /// </summary>
    public string? PostgresConnectionString { get => _postgres; init => _postgres = value; }

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "apprenticetracker-web-tests", Guid.NewGuid().ToString("N"));

    public string DatabaseFile => Path.Combine(DataPath, "apprenticetracker.db");

    /// <summary>
    /// Middleware a test adds after the app's own pipeline: it sees the requests no endpoint of the app answers, after
    /// authentication, status pages and the rest have run (see <see cref="Infrastructure.RoleProtectedProbe"/>).
    /// </summary>
    public Action<IApplicationBuilder>? AfterAppPipeline { get; init; }

    /// <summary>Configuration set over the app's own, such as <c>Email:Host</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The host environment; "Testing" unless a test needs another.</summary>
    public string EnvironmentName { get; init; } = WebExtensions.TestingEnvironment;

    /// <summary>
    /// Sign-in attempts one address may make a minute. Every test's client signs in from the same (unknown) address,
    /// so the app's default would throttle a busy fixture; the tests of the throttle set it back to the default (null).
    /// </summary>
    public int? SignInAttemptsPerMinute { get; init; } = 10_000;

    public Task<PreparationResult> SeedDemoDataAsync() =>
        Services.GetRequiredService<DataPreparation>().PrepareAsync(seedDemoData: true, CancellationToken.None);

    /// <summary>Deletes the database (with its write-ahead log) from under the running host.</summary>
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(DataPath, "apprenticetracker.db*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>Puts a folder where the database file should be: the path exists, yet SQLite cannot open it.</summary>
    public void MakeDatabaseUnopenable()
    {
        DeleteDatabase();
        Directory.CreateDirectory(DatabaseFile);
    }

    /// <summary>A new open connection to the app's database, for plain SQL; the caller disposes it.</summary>
    public async Task<DbConnection> OpenConnectionAsync()
    {
        DbConnection connection = Database == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(PostgresConnectionString ?? throw new InvalidOperationException("The host has not started."))
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A client that reports redirects instead of following them.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureLogging(logging => logging.AddProvider(new ServerErrors.Provider()));

        // Outside Development the host serves wwwroot only; the build's manifest also maps the scoped CSS bundle.
        builder.UseStaticWebAssets();
        builder.UseSetting("App:DataPath", DataPath);
        if (Database == DatabaseProvider.PostgreSql)
        {
            _postgres ??= TestPostgres.CreateDatabase();
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting("ConnectionStrings:Default", _postgres);
        }

        if (SignInAttemptsPerMinute is { } attempts)
        {
            builder.UseSetting("SignInThrottle:AttemptsPerWindow", attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (AfterAppPipeline is { } append)
        {
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new AppendingStartupFilter(append)));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // SQLite keeps pooled connections open, and with them the database file.
            SqliteConnection.ClearAllPools();
            if (PostgresConnectionString is not null)
            {
                TestPostgres.Drop(PostgresConnectionString);
            }

            if (Directory.Exists(DataPath))
            {
                Directory.Delete(DataPath, recursive: true);
            }
        }
    }

    private sealed class AppendingStartupFilter(Action<IApplicationBuilder> append) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            append(app);
        };
    }
}
