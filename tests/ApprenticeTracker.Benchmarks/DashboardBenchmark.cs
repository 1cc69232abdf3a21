using System.Diagnostics;
using AngleSharp.Html.Parser;
using ApprenticeTracker.Persistence.Seeding;
using static ApprenticeTracker.Benchmarks.BenchmarkHost;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// Issue 18's benchmark: the cohort dashboard's server time for a provider of 2,000 apprentices and of 20,000
/// (<c>seed-demo --scale large --apprentices N</c>, 50 evidence items each), the first page unfiltered and filtered to
/// one cohort; each hosted in-process and requested through the real HTTP pipeline by the demo provider administrator
/// signed in through the real login form. Nothing is cached. For issue 17, the 2,000 are then copied into PostgreSQL
/// with the <c>copy-database</c> verb, when a server is configured, and timed the same way, beside SQLite. The last
/// line of output is issue 18's result.
/// </summary>
internal static class DashboardBenchmark
{
    private const int WarmUpRuns = 10;
    private const int MeasuredRuns = 30;

    public static int Run()
    {
        double small;
        double smallCohort;
        (double First, double Cohort)? postgres = null;
        var server = BenchmarkPostgres.Server(out var reason);
        using (var host = Start(LargeDemoDataSeeder.DefaultApprentices))
        {
            small = Time(host, "2,000", null);
            smallCohort = Time(host, "2,000", FirstCohort(host));
            if (server is not null)
            {
                postgres = OnPostgres(server, host);
            }
        }

        double large;
        double cohort;
        using (var host = Start(20_000))
        {
            large = Time(host, "20,000", null);
            cohort = Time(host, "20,000", FirstCohort(host));
        }

        if (postgres is { } pg)
        {
            Console.WriteLine("Dashboard at 2,000 apprentices, median ms     SQLite  PostgreSQL");
            Console.WriteLine(Invariant($"  first page, no filter                    {small,9:0.0} {pg.First,11:0.0}"));
            Console.WriteLine(Invariant($"  first page, one cohort                   {smallCohort,9:0.0} {pg.Cohort,11:0.0}"));
            Console.WriteLine(Invariant($"Dashboard PostgreSQL median_ms apprentices_2000={pg.First:0.0} cohort_2000={pg.Cohort:0.0} sqlite_apprentices_2000={small:0.0} sqlite_cohort_2000={smallCohort:0.0}"));
        }
        else
        {
            Console.WriteLine(reason);
        }

        Console.WriteLine(Invariant($"Dashboard median_ms apprentices_2000={small:0.0} apprentices_20000={large:0.0} cohort_20000={cohort:0.0} target_2000=50 target_20000=100"));
        return 0;
    }

    /// <summary>Copies <paramref name="sqlite"/>'s database into a new PostgreSQL database and times the same two pages on it.</summary>
    private static (double First, double Cohort) OnPostgres(string server, BenchmarkHost sqlite)
    {
        var database = BenchmarkPostgres.CreateDatabase(server);
        try
        {
            sqlite.CopyDatabaseTo(database);
            using var host = Start(largeApprentices: null, postgres: database);
            return (Time(host, "2,000 on PostgreSQL", null), Time(host, "2,000 on PostgreSQL", FirstCohort(host)));
        }
        finally
        {
            BenchmarkPostgres.Drop(server, database);
        }
    }

    /// <summary>The first cohort the filter form offers (the one with the most apprentices: the large data shares them out evenly).</summary>
    private static string FirstCohort(BenchmarkHost host)
    {
        using var client = host.SignInAsync(DemoDataSeeder.ProviderEmail, ProviderRoutes.Dashboard).GetAwaiter().GetResult();
        var page = new HtmlParser().ParseDocument(client.GetStringAsync(ProviderRoutes.Dashboard).GetAwaiter().GetResult());
        return page.QuerySelectorAll("#filter-cohort option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
    }

    private static double Time(BenchmarkHost host, string size, string? cohort)
    {
        using var client = host.SignInAsync(DemoDataSeeder.ProviderEmail, ProviderRoutes.Dashboard).GetAwaiter().GetResult();
        var address = cohort is null ? ProviderRoutes.Dashboard : $"{ProviderRoutes.Dashboard}?cohort={cohort}";
        for (var i = 0; i < WarmUpRuns; i++)
        {
            Get(client, address);
        }

        var timings = new List<double>(MeasuredRuns);
        var html = string.Empty;
        for (var i = 0; i < MeasuredRuns; i++)
        {
            var started = Stopwatch.GetTimestamp();
            html = Get(client, address);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var status = new HtmlParser().ParseDocument(html).QuerySelector("main p[role=status]")?.TextContent.Trim() ?? "?";
        var median = Median(timings);
        Console.WriteLine(Invariant($"{size}: GET {address} ({status}) {MeasuredRuns} runs after {WarmUpRuns} warm-up runs: min {timings.Min():0.0} ms, median {median:0.0} ms, max {timings.Max():0.0} ms"));
        return median;
    }

    private static string Get(HttpClient client, string address)
    {
        using var response = client.GetAsync(address).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
    }
}
