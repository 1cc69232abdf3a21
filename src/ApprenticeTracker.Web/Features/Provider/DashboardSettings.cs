namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>Settings of the cohort dashboard, bound from the configuration section <c>Dashboard</c>.</summary>
public sealed class DashboardSettings
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// How long, in seconds, the coverage figures of one organisation and filter are reused; 0 computes them on every
    /// request. Computing them reads every evidence link of the filtered apprentices (about 140,000 rows for 2,000
    /// apprentices, some 200 ms); a chart up to this old is accurate enough, and the table rows are always read fresh.
    /// </summary>
    public int CoverageCacheSeconds { get; set; } = 30;

    public TimeSpan CoverageLifetime => TimeSpan.FromSeconds(CoverageCacheSeconds);
}
