using System.Diagnostics;
using AngleSharp.Html.Parser;
using ApprenticeTracker.Persistence.Seeding;
using static ApprenticeTracker.Benchmarks.BenchmarkHost;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// Issue 18's benchmark: the cohort dashboard's server time for a provider of 2,000 apprentices and of 20,000
/// (<c>seed-demo --scale large --apprentices N</c>, 50 evidence items each), the first page unfiltered and, at 20,000,
/// filtered to one cohort; each hosted in-process and requested through the real HTTP pipeline by the demo provider
/// administrator signed in through the real login form. Nothing is cached. The last line of output is the result.
/// </summary>
internal static class DashboardBenchmark
{
    private const int WarmUpRuns = 10;
    private const int MeasuredRuns = 30;

    public static int Run()
    {
        double small;
        using (var host = Start(LargeDemoDataSeeder.DefaultApprentices))
        {
            small = Time(host, "2,000", null);
        }

        double large;
        double cohort;
        using (var host = Start(20_000))
        {
            large = Time(host, "20,000", null);
            cohort = Time(host, "20,000", FirstCohort(host));
        }

        Console.WriteLine(Invariant($"Dashboard median_ms apprentices_2000={small:0.0} apprentices_20000={large:0.0} cohort_20000={cohort:0.0} target_2000=50 target_20000=100"));
        return 0;
    }

    /// <summary>The first cohort the filter form offers (the one with the most apprentices: the large data shares them out evenly).</summary>
    private static string FirstCohort(BenchmarkHost host)
    {
        using var client = host.SignInAsync(DemoDataSeeder.ProviderEmail, "/provider").GetAwaiter().GetResult();
        var page = new HtmlParser().ParseDocument(client.GetStringAsync("/provider").GetAwaiter().GetResult());
        return page.QuerySelectorAll("#filter-cohort option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
    }

    private static double Time(BenchmarkHost host, string size, string? cohort)
    {
        using var client = host.SignInAsync(DemoDataSeeder.ProviderEmail, "/provider").GetAwaiter().GetResult();
        var address = cohort is null ? "/provider" : $"/provider?cohort={cohort}";
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
