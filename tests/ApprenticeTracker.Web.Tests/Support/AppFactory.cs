using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ApprenticeTracker.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Support;

/// <summary>
/// Hosts the real app in the "Testing" environment on its own temporary data folder, deleted when the factory is
/// disposed. Start-up migrates and imports ST0413 as it does in production; demo data only on request.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
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

        // Outside Development the host serves wwwroot only; the build's manifest also maps the scoped CSS bundle.
        builder.UseStaticWebAssets();
        builder.UseSetting("App:DataPath", DataPath);
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
