extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web;
using ApprenticeTracker.Web.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Account;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// The real app on a temporary data folder of its own, seeded by the real <c>seed-demo</c> verb, with quiet logs; like
/// production except that cookies may go over http. Shared by the benchmarks that drive the app through HTTP.
/// </summary>
internal sealed class BenchmarkHost : WebApplicationFactory<web::Program>
{
    private readonly string _dataPath;
    private readonly string? _postgres;
    private readonly bool _ownsDataPath;
    private Uri? _kestrelAddress;

    private BenchmarkHost(string dataPath, string? postgres, bool ownsDataPath)
    {
        _dataPath = dataPath;
        _postgres = postgres;
        _ownsDataPath = ownsDataPath;
    }

    /// <summary>
    /// Starts the app on its own data folder and seeds it: the small demo data, plus the large data of
    /// <paramref name="largeApprentices"/> apprentices when given. Prints how long seeding took.
    /// </summary>
    /// <param name="kestrel">Serve on Kestrel at a free loopback port (for concurrent clients) instead of in memory.</param>
    /// <param name="postgres">A PostgreSQL database to run on (<c>Database:Provider</c> PostgreSql) instead of SQLite in the data folder.</param>
    public static BenchmarkHost Start(int? largeApprentices, bool kestrel = false, string? postgres = null)
    {
        var host = Create(Directory.CreateTempSubdirectory("apprenticetracker-benchmark-").FullName, postgres, ownsDataPath: true, kestrel);
        string[] arguments = largeApprentices is { } count
            ? [CommandLineApplication.SeedDemo, CommandLineApplication.ScaleOption, CommandLineApplication.Large,
                CommandLineApplication.ApprenticesOption, count.ToString(CultureInfo.InvariantCulture)]
            : [CommandLineApplication.SeedDemo];
        var started = Stopwatch.GetTimestamp();
        var output = host.RunVerb(arguments);
        Console.WriteLine(Invariant($"{string.Join(' ', arguments)}{(postgres is null ? string.Empty : " (PostgreSQL)")}: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s. {output.Split('\n').FirstOrDefault(l => l.StartsWith("Large", StringComparison.Ordinal))?.Trim()}"));
        return host;
    }

    /// <summary>
    /// A second instance of <paramref name="first"/>'s app on Kestrel: its PostgreSQL database and its data folder
    /// (evidence files, upload buffers), as two instances behind a proxy share them. Seeds nothing.
    /// </summary>
    public static BenchmarkHost StartSecondInstance(BenchmarkHost first)
    {
        ArgumentNullException.ThrowIfNull(first);
        return first._postgres is null
            ? throw new InvalidOperationException("Two instances share a PostgreSQL database; the first runs on SQLite.")
            : Create(first._dataPath, first._postgres, ownsDataPath: false, kestrel: true);
    }

    /// <summary>Copies this app's SQLite database into the empty PostgreSQL database <paramref name="postgres"/> with the <c>copy-database</c> verb.</summary>
    public void CopyDatabaseTo(string postgres)
    {
        // The copy of a large roll runs for minutes; the server's default 30 s command timeout would end it.
        var target = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { CommandTimeout = 0 }.ConnectionString;
        var started = Stopwatch.GetTimestamp();
        RunVerb([CommandLineApplication.CopyDatabase, CommandLineApplication.ToOption, target]);
        Console.WriteLine(Invariant($"copy-database into PostgreSQL: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s."));
    }

    private static BenchmarkHost Create(string dataPath, string? postgres, bool ownsDataPath, bool kestrel)
    {
        // The web app's content root; the test host otherwise looks for it beside the solution file, where it is not.
        var webProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "ApprenticeTracker.Web"));
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_APPRENTICETRACKER_WEB", webProject);
        var host = new BenchmarkHost(dataPath, postgres, ownsDataPath);
        if (kestrel)
        {
            host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            host.StartServer();
            host._kestrelAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        return host;
    }

    private string RunVerb(string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Services.GetRequiredService<CommandLineApplication>()
            .RunAsync(arguments, output, error, CancellationToken.None)
            .GetAwaiter().GetResult();
        if (exit != ExitCodes.Success)
        {
            Dispose();
            throw new InvalidOperationException($"{arguments[0]} failed: {error}");
        }

        return output.ToString();
    }

    /// <summary>A socket client of this instance (on Kestrel) with the cookies given, allowing <paramref name="connections"/> connections.</summary>
    public HttpClient Client(CookieContainer cookies, int connections) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = connections })
        {
            BaseAddress = _kestrelAddress ?? throw new InvalidOperationException("Only an instance on Kestrel has socket clients."),
        };

    /// <summary>
    /// A client signed in through the login form, with its antiforgery token, that lands on
    /// <paramref name="home"/>. On Kestrel it is a real socket client allowing <paramref name="connections"/> connections.
    /// </summary>
    /// <param name="cookies">On Kestrel, the cookie container to sign in with, so that a client of another instance can share the sign-in.</param>
    public async Task<HttpClient> SignInAsync(string email, string home, int connections = 1, CookieContainer? cookies = null)
    {
        // On Kestrel, through sockets as a browser would; otherwise in memory.
        var client = _kestrelAddress is not null
            ? Client(cookies ?? new CookieContainer(), connections)
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var login = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(AccountRoutes.Login));
        var form = login.QuerySelector("main form") as IHtmlFormElement ?? throw new InvalidOperationException("The login page has no form.");
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("Input.Email", email))
            .Append(new("Input.Password", DemoDataSeeder.DemoPassword));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(AccountRoutes.Login, content);
        if (response.Headers.Location?.OriginalString.EndsWith(home, StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }

        return client;
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    /// <summary>The nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        if (percent == 50 && sorted.Count % 2 == 0)
        {
            return (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(WebExtensions.TestingEnvironment);
        builder.UseSetting("App:DataPath", _dataPath);
        if (_postgres is not null)
        {
            builder.UseSetting("Database:Provider", nameof(ApprenticeTracker.Persistence.DatabaseProvider.PostgreSql));
            builder.UseSetting("ConnectionStrings:Default", _postgres);
        }

        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // WebApplicationFactory disposes twice (its Dispose and DisposeAsync both come here).
        if (disposing && _ownsDataPath && Directory.Exists(_dataPath))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
