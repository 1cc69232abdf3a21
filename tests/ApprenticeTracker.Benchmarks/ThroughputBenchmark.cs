using System.Diagnostics;
using ApprenticeTracker.Persistence.Seeding;
using static ApprenticeTracker.Benchmarks.BenchmarkHost;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// Issue 18's page benchmark: the app on Kestrel (loopback only), each role signed in through the login form, and a
/// fixed number of concurrent clients requesting one page as fast as they can for a fixed time; requests a second, p50
/// and p99 of each page, and its share of <c>/healthz</c> (the cheapest request the app answers, so the share says
/// what the page itself costs on this machine, whatever else it runs). Signed-in pages on the demo data, then the
/// provider dashboard on the large data (2,000 apprentices). The last line of output is the result.
/// </summary>
internal static class ThroughputBenchmark
{
    private const int Clients = 16;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    public static int Run()
    {
        double healthz;
        var shares = new Dictionary<string, double>();
        using (var host = Start(largeApprentices: null, kestrel: true))
        {
            using var apprentice = host.SignInAsync(DemoDataSeeder.ApprenticeEmail, "/portfolio", Clients).GetAwaiter().GetResult();
            using var assessor = host.SignInAsync(DemoDataSeeder.AssessorEmail, "/assessor", Clients).GetAwaiter().GetResult();
            using var provider = host.SignInAsync(DemoDataSeeder.ProviderEmail, "/provider", Clients).GetAwaiter().GetResult();
            healthz = Drive(apprentice, "/healthz", "demo data").RequestsPerSecond;
            shares["home"] = Drive(apprentice, "/", "demo data, apprentice", healthz).Share;
            shares["portfolio"] = Drive(apprentice, "/portfolio", "demo data, apprentice", healthz).Share;
            shares["assessor"] = Drive(assessor, "/assessor", "demo data, assessor", healthz).Share;
            shares["reviews"] = Drive(assessor, "/assessor/reviews", "demo data, assessor", healthz).Share;
            shares["provider"] = Drive(provider, "/provider", "demo data, provider", healthz).Share;
        }

        double providerLarge;
        using (var host = Start(LargeDemoDataSeeder.DefaultApprentices, kestrel: true))
        {
            using var provider = host.SignInAsync(DemoDataSeeder.ProviderEmail, "/provider", Clients).GetAwaiter().GetResult();
            var largeHealthz = Drive(provider, "/healthz", "large data").RequestsPerSecond;
            providerLarge = Drive(provider, "/provider", "large data, provider", largeHealthz).Share;
        }

        Console.WriteLine(Invariant(
            $"Throughput healthz_rps={healthz:0} home_pct={shares["home"]:0.0} portfolio_pct={shares["portfolio"]:0.0} assessor_pct={shares["assessor"]:0.0} reviews_pct={shares["reviews"]:0.0} provider_pct={shares["provider"]:0.0} provider_large_pct={providerLarge:0.0}"));
        return 0;
    }

    /// <summary>
    /// <see cref="Clients"/> concurrent loops requesting <paramref name="path"/> for <see cref="Duration"/> (after a
    /// warm-up as long as <see cref="WarmUp"/>); every answer must be 200. Prints the figures and returns requests a
    /// second and the share of <paramref name="healthz"/> requests a second, in per cent.
    /// </summary>
    private static (double RequestsPerSecond, double Share) Drive(HttpClient client, string path, string what, double? healthz = null)
    {
        Loop(client, path, WarmUp);
        var (timings, bytes, elapsed) = Loop(client, path, Duration);
        var rps = timings.Count / elapsed.TotalSeconds;
        var share = healthz is { } baseline ? 100 * rps / baseline : 100;
        Console.WriteLine(Invariant(
            $"GET {path,-17} ({what}): {rps,7:0} req/s, p50 {Percentile(timings, 50),6:0.00} ms, p99 {Percentile(timings, 99),6:0.00} ms, {bytes / 1024.0,6:0.0} KB, {share,5:0.0} % of /healthz"));
        return (rps, share);
    }

    private static (List<double> Timings, long Bytes, TimeSpan Elapsed) Loop(HttpClient client, string path, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var bytes = 0L;
        var loops = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            var timings = new List<double>();
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                timings.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode != System.Net.HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
                }

                Interlocked.Exchange(ref bytes, body.LongLength);
            }

            return timings;
        })).ToArray();
        var all = Task.WhenAll(loops).GetAwaiter().GetResult().SelectMany(t => t).ToList();
        return (all, bytes, Stopwatch.GetElapsedTime(started));
    }
}
