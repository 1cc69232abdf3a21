using AngleSharp.Html.Parser;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.OffTheJob;
using ApprenticeTracker.Web.Features.Provider;
using static ApprenticeTracker.Benchmarks.BenchmarkHost;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// Issue 13's benchmark: on the large data (<c>seed-demo --scale large</c>: 2,000 apprentices with about 100 off-the-job
/// entries each, on SQLite), the server time of one large apprentice's off-the-job page (plan, chart, forecast and log)
/// and of the cohort dashboard unfiltered and filtered to "behind on off-the-job", each for the demo provider
/// administrator through the real HTTP pipeline. The last line gives the medians beside the 150 ms target.
/// </summary>
internal static class OffTheJobBenchmark
{
    private const int TargetMs = 150;

    public static int Run()
    {
        using var host = Start(LargeDemoDataSeeder.DefaultApprentices);
        var enrolment = LargeApprenticeEnrolment(host);
        var size = LargeDemoDataSeeder.DefaultApprentices.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        var page = DashboardBenchmark.Time(host, size, OffTheJobRoutes.Apprentice(enrolment), ProviderRoutes.Dashboard);
        var dashboard = DashboardBenchmark.Time(host, size, null);
        var behind = DashboardBenchmark.Time(host, size, $"{ProviderRoutes.Dashboard}?otj={DashboardFilter.BehindValue}", ProviderRoutes.Dashboard);
        Console.WriteLine(Invariant($"OffTheJob median_ms otj_page_2000={page:0.0} dashboard_2000={dashboard:0.0} dashboard_behind_2000={behind:0.0} target={TargetMs}"));
        return 0;
    }

    /// <summary>
    /// The enrolment of the first apprentice on the dashboard (sorted by family name) whose family name is Adeyemi: only
    /// the large data has that name, so their log is the large seed's.
    /// </summary>
    private static Guid LargeApprenticeEnrolment(BenchmarkHost host)
    {
        const string prefix = "/provider/enrolments/";
        using var client = host.SignInAsync(DemoDataSeeder.ProviderEmail, ProviderRoutes.Dashboard).GetAwaiter().GetResult();
        var page = new HtmlParser().ParseDocument(client.GetStringAsync(ProviderRoutes.Dashboard).GetAwaiter().GetResult());
        var link = page.QuerySelectorAll($"a[href^='{prefix}']").First(a => a.TextContent.Contains("Adeyemi", StringComparison.Ordinal));
        return Guid.Parse(link.GetAttribute("href")!.AsSpan(prefix.Length, 36));
    }
}
