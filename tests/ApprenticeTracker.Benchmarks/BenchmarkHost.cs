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

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// The real app on a temporary data folder of its own, seeded by the real <c>seed-demo</c> verb, with quiet logs; like
/// production except that cookies may go over http. Shared by the benchmarks that drive the app through HTTP.
/// </summary>
internal sealed class BenchmarkHost : WebApplicationFactory<web::Program>
{
    private readonly string _dataPath;
    private Uri? _kestrelAddress;

    private BenchmarkHost(string dataPath) => _dataPath = dataPath;

    /// <summary>
    /// Starts the app on its own data folder and seeds it: the small demo data, plus the large data of
    /// <paramref name="largeApprentices"/> apprentices when given. Prints how long seeding took.
    /// </summary>
    /// <param name="kestrel">Serve on Kestrel at a free loopback port (for concurrent clients) instead of in memory.</param>
    public static BenchmarkHost Start(int? largeApprentices, bool kestrel = false)
    {
        // The web app's content root; the test host otherwise looks for it beside the solution file, where it is not.
        var webProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "ApprenticeTracker.Web"));
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_APPRENTICETRACKER_WEB", webProject);
        var host = new BenchmarkHost(Directory.CreateTempSubdirectory("apprenticetracker-benchmark-").FullName);
        if (kestrel)
        {
            host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            host.StartServer();
            host._kestrelAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        string[] arguments = largeApprentices is { } count
            ? [CommandLineApplication.SeedDemo, CommandLineApplication.ScaleOption, CommandLineApplication.Large,
                CommandLineApplication.ApprenticesOption, count.ToString(CultureInfo.InvariantCulture)]
            : [CommandLineApplication.SeedDemo];
        var started = Stopwatch.GetTimestamp();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = host.Services.GetRequiredService<CommandLineApplication>()
            .RunAsync(arguments, output, error, CancellationToken.None)
            .GetAwaiter().GetResult();
        if (exit != ExitCodes.Success)
        {
            host.Dispose();
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed: {error}");
        }

        Console.WriteLine(Invariant($"{string.Join(' ', arguments)}: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s. {output.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("Large", StringComparison.Ordinal))?.Trim()}"));
        return host;
    }

    /// <summary>
    /// A client signed in through the login form, with its antiforgery token, that lands on
    /// <paramref name="home"/>. On Kestrel it is a real socket client allowing <paramref name="connections"/> connections.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string email, string home, int connections = 1)
    {
        // On Kestrel, through sockets as a browser would; otherwise in memory.
        var client = _kestrelAddress is { } address
            ? new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = connections })
            {
                BaseAddress = address,
            }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var login = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/Account/Login"));
        var form = login.QuerySelector("main form") as IHtmlFormElement ?? throw new InvalidOperationException("The login page has no form.");
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("Input.Email", email))
            .Append(new("Input.Password", DemoDataSeeder.DemoPassword));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync("/Account/Login", content);
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
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // WebApplicationFactory disposes twice (its Dispose and DisposeAsync both come here).
        if (disposing && Directory.Exists(_dataPath))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
