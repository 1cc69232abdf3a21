using ApprenticeTracker.Persistence.Migrations;

namespace ApprenticeTracker.Persistence.Seeding;

/// <summary>
/// Every read model the triggers keep, emptied and counted afresh from the records with the set-based statements the
/// migrations fill them with: for a writer that turned those triggers off while it wrote (the large demo seed). The one
/// place a new read model must be added for that writer, on both databases.
/// </summary>
internal static class ReadModelRecount
{
    /// <summary>The read models' tables, in the order they are filled (the dashboard's figures read the duty counts).</summary>
    public static readonly string[] Tables = ["DutyEvidenceCounts", "DashboardCounts", "OffTheJobTotals"];

    public static IEnumerable<string> Sqlite() =>
    [
        string.Join(' ', Tables.Select(t => $"DELETE FROM {t};")),
        DutyEvidenceCounts.Fill,
        DashboardCountsSql.Fill(),
        OffTheJobTotalsSql.Fill(),
    ];

    public static IEnumerable<string> PostgreSql() =>
    [
        string.Join(' ', Tables.Select(t => $"DELETE FROM \"{t}\";")),
        PostgreSqlText.QuoteCounting(DutyEvidenceCounts.Fill),
        DashboardCountsSql.FillPostgreSql(),
        OffTheJobTotalsSql.FillPostgreSql(),
    ];
}
