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
/// signed in through the real login form. Nothing is cached. For issue 17, when a server is configured, each size is
/// also seeded straight into a PostgreSQL database of its own by the same verb and timed the same way, beside SQLite.
/// The last line of output is issue 18's result.
/// </summary>
internal static class DashboardBenchmark
{
    private const int WarmUpRuns = 10;
    private const int MeasuredRuns = 30;

    private sealed record Timings(double First, double Cohort);

    public static int Run()
    {
        var server = BenchmarkPostgres.Server(out var reason);
        var small = OnSqlite(LargeDemoDataSeeder.DefaultApprentices);
        var smallPostgres = server is null ? null : OnPostgres(server, LargeDemoDataSeeder.DefaultApprentices);
        var large = OnSqlite(20_000);
        var largePostgres = server is null ? null : OnPostgres(server, 20_000);

        if (smallPostgres is not null && largePostgres is not null)
        {
            Console.WriteLine("Dashboard, median ms                              SQLite  PostgreSQL");
            Console.WriteLine(Invariant($"  2,000 apprentices, first page, no filter      {small.First,9:0.0} {smallPostgres.First,11:0.0}"));
            Console.WriteLine(Invariant($"  2,000 apprentices, first page, one cohort     {small.Cohort,9:0.0} {smallPostgres.Cohort,11:0.0}"));
            Console.WriteLine(Invariant($"  20,000 apprentices, first page, no filter     {large.First,9:0.0} {largePostgres.First,11:0.0}"));
            Console.WriteLine(Invariant($"  20,000 apprentices, first page, one cohort    {large.Cohort,9:0.0} {largePostgres.Cohort,11:0.0}"));
            Console.WriteLine(Invariant(
                $"Dashboard PostgreSQL median_ms apprentices_2000={smallPostgres.First:0.0} cohort_2000={smallPostgres.Cohort:0.0} apprentices_20000={largePostgres.First:0.0} cohort_20000={largePostgres.Cohort:0.0} ") +
                Invariant($"sqlite_apprentices_2000={small.First:0.0} sqlite_cohort_2000={small.Cohort:0.0} sqlite_apprentices_20000={large.First:0.0} sqlite_cohort_20000={large.Cohort:0.0}"));
        }
        else
        {
            Console.WriteLine(reason);
        }

        Console.WriteLine(Invariant($"Dashboard median_ms apprentices_2000={small.First:0.0} apprentices_20000={large.First:0.0} cohort_20000={large.Cohort:0.0} target_2000=50 target_20000=100"));
        return 0;
    }

    private static Timings OnSqlite(int apprentices)
    {
        using var host = Start(apprentices);
        var size = apprentices.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        return new Timings(Time(host, size, null), Time(host, size, FirstCohort(host)));
    }

    /// <summary>Seeds a new PostgreSQL database with the same verb and times the same two pages on it; drops it afterwards.</summary>
    private static Timings OnPostgres(string server, int apprentices)
    {
        var database = BenchmarkPostgres.CreateDatabase(server);
        try
        {
            using var host = Start(apprentices, postgres: database);
            var size = apprentices.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " on PostgreSQL";
            return new Timings(Time(host, size, null), Time(host, size, FirstCohort(host)));
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

    internal static double Time(BenchmarkHost host, string size, string? cohort) => Time(host, size, cohort is null ? ProviderRoutes.Dashboard : $"{ProviderRoutes.Dashboard}?cohort={cohort}", ProviderRoutes.Dashboard);

    /// <summary>The median server time of <paramref name="address"/> for the demo provider administrator, after warm-up runs; prints the details.</summary>
    internal static double Time(BenchmarkHost host, string size, string address, string signInReturn)
    {
        using var client = host.SignInAsync(DemoDataSeeder.ProviderEmail, signInReturn).GetAwaiter().GetResult();
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
