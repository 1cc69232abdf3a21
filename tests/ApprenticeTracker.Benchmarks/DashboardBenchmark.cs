extern alias web;

using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web;
using ApprenticeTracker.Web.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// Issue 4's benchmark: the cohort dashboard's server time on the small demo data and on the large data
/// (<c>seed-demo --scale large</c>), each hosted in-process and requested through the real HTTP pipeline by the demo
/// provider administrator signed in through the real login form. The last line of output is the result.
/// </summary>
internal static class DashboardBenchmark
{
    private const int WarmUpRuns = 10;
    private const int MeasuredRuns = 30;

    public static int Run()
    {
        // The web app's content root; the test host otherwise looks for it beside the solution file, where it is not.
        var webProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "ApprenticeTracker.Web"));
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_APPRENTICETRACKER_WEB", webProject);
        var small = Measure(CommandLineApplication.Small);
        var large = Measure(CommandLineApplication.Large);
        Console.WriteLine(Invariant($"Dashboard median_ms small={small:0.0} large={large:0.0} target_large=150"));
        return 0;
    }

    private static double Measure(string scale)
    {
        var dataPath = Directory.CreateTempSubdirectory($"apprenticetracker-dashboard-{scale}-").FullName;
        try
        {
            using var factory = new HostFactory(dataPath);
            var seeded = Stopwatch.GetTimestamp();
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = factory.Services.GetRequiredService<CommandLineApplication>()
                .RunAsync([CommandLineApplication.SeedDemo, CommandLineApplication.ScaleOption, scale], output, error, CancellationToken.None)
                .GetAwaiter().GetResult();
            if (exit != ExitCodes.Success)
            {
                throw new InvalidOperationException($"seed-demo --scale {scale} failed: {error}");
            }

            Console.WriteLine(Invariant($"{scale}: seeded in {Stopwatch.GetElapsedTime(seeded).TotalSeconds:0.0} s. {output.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("Large", StringComparison.Ordinal))?.Trim()}"));
            return Time(factory, scale);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static double Time(HostFactory factory, string scale)
    {
        {
            using var client = SignIn(factory).GetAwaiter().GetResult();

            for (var i = 0; i < WarmUpRuns; i++)
            {
                Get(client).GetAwaiter().GetResult();
            }

            var timings = new List<double>(MeasuredRuns);
            var rows = string.Empty;
            for (var i = 0; i < MeasuredRuns; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var html = Get(client).GetAwaiter().GetResult();
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                rows = html;
            }

            var status = new HtmlParser().ParseDocument(rows).QuerySelector("main p[role=status]")?.TextContent.Trim() ?? "?";
            var median = Median(timings);
            Console.WriteLine(Invariant($"{scale}: GET /provider ({status}) {MeasuredRuns} runs after {WarmUpRuns} warm-up runs: min {timings.Min():0.0} ms, median {median:0.0} ms, max {timings.Max():0.0} ms"));
            return median;
        }
    }

    private static async Task<string> Get(HttpClient client)
    {
        using var response = await client.GetAsync("/provider");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Signs in as the demo provider administrator through the login form, with its antiforgery token.</summary>
    private static async Task<HttpClient> SignIn(HostFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/Account/Login"));
        var form = login.QuerySelector("main form") as IHtmlFormElement ?? throw new InvalidOperationException("The login page has no form.");
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("Input.Email", DemoDataSeeder.ProviderEmail))
            .Append(new("Input.Password", DemoDataSeeder.DemoPassword));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync("/Account/Login", content);
        if (response.Headers.Location?.OriginalString.EndsWith("/provider", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode} {response.Headers.Location}.");
        }

        return client;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The real app on its own data folder, with quiet logs; like production except that cookies may go over http.</summary>
    private sealed class HostFactory(string dataPath) : WebApplicationFactory<web::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(WebExtensions.TestingEnvironment);
            builder.UseSetting("App:DataPath", dataPath);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        }
    }
}
