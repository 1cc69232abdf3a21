using System.Diagnostics;
using System.Net;
using ApprenticeTracker.Persistence.Seeding;
using static ApprenticeTracker.Benchmarks.BenchmarkHost;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Home;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// Issue 18's page benchmark: the app on Kestrel (loopback only), each role signed in through the login form, and a
/// fixed number of concurrent clients requesting one page as fast as they can for a fixed time; requests a second, p50
/// and p99 of each page, and its share of <c>/healthz</c> (the cheapest request the app answers, so the share says
/// what the page itself costs on this machine, whatever else it runs). Signed-in pages on the demo data, then the
/// provider dashboard on the large data (2,000 apprentices). Then, for issue 17, the assessor's caseload and the
/// provider's dashboard on PostgreSQL, against one instance and against two instances sharing the database and the
/// data folder (the clients shared out between them, as a proxy would), when a server is configured. The last line of
/// output is issue 18's result.
/// </summary>
internal static class ThroughputBenchmark
{
    private const int Clients = 16;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    private sealed record Result(double RequestsPerSecond, double P50, double P99, double Share);

    public static int Run()
    {
        double healthz;
        var shares = new Dictionary<string, double>();
        using (var host = Start(largeApprentices: null, kestrel: true))
        {
            using var apprentice = host.SignInAsync(DemoDataSeeder.ApprenticeEmail, PortfolioRoutes.Home, Clients).GetAwaiter().GetResult();
            using var assessor = host.SignInAsync(DemoDataSeeder.AssessorEmail, AssessorRoutes.Caseload, Clients).GetAwaiter().GetResult();
            using var provider = host.SignInAsync(DemoDataSeeder.ProviderEmail, ProviderRoutes.Dashboard, Clients).GetAwaiter().GetResult();
            healthz = Drive([apprentice], "/healthz", "demo data").RequestsPerSecond;
            shares["home"] = Drive([apprentice], HomeRoutes.Home, "demo data, apprentice", healthz).Share;
            shares["portfolio"] = Drive([apprentice], PortfolioRoutes.Home, "demo data, apprentice", healthz).Share;
            shares["assessor"] = Drive([assessor], AssessorRoutes.Caseload, "demo data, assessor", healthz).Share;
            shares["reviews"] = Drive([assessor], AssessorRoutes.Reviews, "demo data, assessor", healthz).Share;
            shares["provider"] = Drive([provider], ProviderRoutes.Dashboard, "demo data, provider", healthz).Share;
        }

        double providerLarge;
        using (var host = Start(LargeDemoDataSeeder.DefaultApprentices, kestrel: true))
        {
            using var provider = host.SignInAsync(DemoDataSeeder.ProviderEmail, ProviderRoutes.Dashboard, Clients).GetAwaiter().GetResult();
            var largeHealthz = Drive([provider], "/healthz", "large data").RequestsPerSecond;
            providerLarge = Drive([provider], ProviderRoutes.Dashboard, "large data, provider", largeHealthz).Share;
        }

        if (BenchmarkPostgres.Server(out var reason) is { } server)
        {
            Instances(server);
        }
        else
        {
            Console.WriteLine(reason);
        }

        Console.WriteLine(Invariant(
            $"Throughput healthz_rps={healthz:0} home_pct={shares["home"]:0.0} portfolio_pct={shares["portfolio"]:0.0} assessor_pct={shares["assessor"]:0.0} reviews_pct={shares["reviews"]:0.0} provider_pct={shares["provider"]:0.0} provider_large_pct={providerLarge:0.0}"));
        return 0;
    }

    /// <summary>
    /// The caseload and the dashboard on the demo data on PostgreSQL: one instance, then two on the same database and
    /// data folder, each client signed in once and its requests shared out between the instances (the sign-in cookie
    /// of one is honoured by the other). Prints a line per instance count.
    /// </summary>
    private static void Instances(string server)
    {
        var database = BenchmarkPostgres.CreateDatabase(server);
        try
        {
            using var first = Start(largeApprentices: null, kestrel: true, postgres: database);
            var assessorCookies = new CookieContainer();
            var providerCookies = new CookieContainer();
            using var assessorOnFirst = first.SignInAsync(DemoDataSeeder.AssessorEmail, AssessorRoutes.Caseload, Clients, assessorCookies).GetAwaiter().GetResult();
            using var providerOnFirst = first.SignInAsync(DemoDataSeeder.ProviderEmail, ProviderRoutes.Dashboard, Clients, providerCookies).GetAwaiter().GetResult();
            Print(1, Drive([assessorOnFirst], AssessorRoutes.Caseload, "PostgreSQL, one instance, assessor"), Drive([providerOnFirst], ProviderRoutes.Dashboard, "PostgreSQL, one instance, provider"));

            using var second = StartSecondInstance(first);
            using var assessorOnSecond = second.Client(assessorCookies, Clients);
            using var providerOnSecond = second.Client(providerCookies, Clients);
            Print(2, Drive([assessorOnFirst, assessorOnSecond], AssessorRoutes.Caseload, "PostgreSQL, two instances, assessor"), Drive([providerOnFirst, providerOnSecond], ProviderRoutes.Dashboard, "PostgreSQL, two instances, provider"));
        }
        finally
        {
            BenchmarkPostgres.Drop(server, database);
        }

        static void Print(int instances, Result assessor, Result provider) => Console.WriteLine(Invariant(
            $"Throughput PostgreSQL instances={instances} assessor_rps={assessor.RequestsPerSecond:0} assessor_p50_ms={assessor.P50:0.00} assessor_p99_ms={assessor.P99:0.00} provider_rps={provider.RequestsPerSecond:0} provider_p50_ms={provider.P50:0.00} provider_p99_ms={provider.P99:0.00}"));
    }

    /// <summary>
    /// <see cref="Clients"/> concurrent loops requesting <paramref name="path"/> for <see cref="Duration"/> (after a
    /// warm-up as long as <see cref="WarmUp"/>), loop i through client i modulo their number (one client per
    /// instance); every answer must be 200. Prints the figures and returns requests a second, p50, p99 and the share of
    /// <paramref name="healthz"/> requests a second, in per cent.
    /// </summary>
    private static Result Drive(HttpClient[] clients, string path, string what, double? healthz = null)
    {
        Loop(clients, path, WarmUp);
        var (timings, bytes, elapsed) = Loop(clients, path, Duration);
        var rps = timings.Count / elapsed.TotalSeconds;
        var share = healthz is { } baseline ? 100 * rps / baseline : 100;
        var result = new Result(rps, Percentile(timings, 50), Percentile(timings, 99), share);
        var ofHealthz = healthz is null ? string.Empty : Invariant($", {share,5:0.0} % of /healthz");
        Console.WriteLine(Invariant(
            $"GET {path,-17} ({what}): {rps,7:0} req/s, p50 {result.P50,6:0.00} ms, p99 {result.P99,6:0.00} ms, {bytes / 1024.0,6:0.0} KB{ofHealthz}"));
        return result;
    }

    private static (List<double> Timings, long Bytes, TimeSpan Elapsed) Loop(HttpClient[] clients, string path, TimeSpan duration)
    {
        var started = Stopwatch.GetTimestamp();
        var bytes = 0L;
        var loops = Enumerable.Range(0, Clients).Select(i => Task.Run(async () =>
        {
            var client = clients[i % clients.Length];
            var timings = new List<double>();
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                timings.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET {path} on {client.BaseAddress} answered {(int)response.StatusCode}.");
                }

                Interlocked.Exchange(ref bytes, body.LongLength);
            }

            return timings;
        })).ToArray();
        var all = Task.WhenAll(loops).GetAwaiter().GetResult().SelectMany(t => t).ToList();
        return (all, bytes, Stopwatch.GetElapsedTime(started));
    }
}
