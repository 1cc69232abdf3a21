namespace ApprenticeTracker.Web.Features.Home;

/// <summary>Reads the imported standards and their duties for the home page.</summary>
public sealed class HomeQuery(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<HomeModel> RunAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var standards = await db.Standards
            .AsNoTracking()
            .ProjectToStandardSummary()
            .ToListAsync(ct);
        var duties = await db.Duties
            .AsNoTracking()
            .OrderBy(d => d.Number)
            .ProjectToDutySummary()
            .ToListAsync(ct);

        var dutiesByStandard = duties.ToLookup(d => d.StandardId);
        foreach (var standard in standards)
        {
            standard.Duties = dutiesByStandard[standard.Id].ToList();
        }

        var ordered = standards
            .OrderBy(s => s.ReferenceNumber, StringComparer.Ordinal)
            .ThenBy(s => s.Version, VersionComparer.Instance)
            .ToList();
        return new HomeModel(ordered);
    }

    /// <summary>Orders "1.10" after "1.9", which an ordinal comparison of the text would not.</summary>
    private sealed class VersionComparer : IComparer<string>
    {
        public static VersionComparer Instance { get; } = new();

        public int Compare(string? x, string? y) =>
            System.Version.TryParse(x, out var vx) && System.Version.TryParse(y, out var vy)
                ? vx.CompareTo(vy)
                : string.CompareOrdinal(x, y);
    }
}
