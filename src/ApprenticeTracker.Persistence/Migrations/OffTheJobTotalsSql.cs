#nullable enable

namespace ApprenticeTracker.Persistence.Migrations;

/// <summary>
/// The SQL of the triggers that keep <see cref="ReadModels.OffTheJobTotal"/>, used by the migration
/// <c>OffTheJobTraining</c>: the one place these triggers are written, so that another database (PostgreSQL) can mirror
/// them. Each trigger takes an entry's old contribution away and adds its new one with an upsert; a row whose totals
/// all reach zero is removed.
/// </summary>
internal static class OffTheJobTotalsSql
{
    public static IEnumerable<string> CreateTriggers()
    {
        yield return "CREATE TRIGGER OffTheJobTotals_entry_added AFTER INSERT ON OffTheJobEntries BEGIN " + Add("NEW") + "END;";
        yield return "CREATE TRIGGER OffTheJobTotals_entry_changed AFTER UPDATE OF Status, Minutes, EnrolmentId ON OffTheJobEntries " +
            "WHEN OLD.Status IS NOT NEW.Status OR OLD.Minutes IS NOT NEW.Minutes OR OLD.EnrolmentId IS NOT NEW.EnrolmentId BEGIN " +
            Remove("OLD") + Add("NEW") + "END;";
        yield return "CREATE TRIGGER OffTheJobTotals_entry_removed AFTER DELETE ON OffTheJobEntries BEGIN " + Remove("OLD") + "END;";
    }

    public static IEnumerable<string> DropTriggers() =>
        CreateTriggers().Select(sql => "DROP TRIGGER IF EXISTS " + sql.Split(' ')[2] + ";");

    /// <summary>Fills the table from the entries already stored.</summary>
    public static string Fill() =>
        "INSERT INTO OffTheJobTotals (EnrolmentId, ApprovedMinutes, WaitingMinutes, QueriedMinutes) " +
        "SELECT EnrolmentId, " + Sum("Approved") + ", " + Sum("Waiting") + ", " + Sum("Queried") + " FROM OffTheJobEntries GROUP BY EnrolmentId;";

    private static string Sum(string status) => $"SUM(CASE WHEN Status = '{status}' THEN Minutes ELSE 0 END)";

    private static string Part(string row, string status) => $"CASE WHEN {row}.Status = '{status}' THEN {row}.Minutes ELSE 0 END";

    private static string Add(string row) =>
        "INSERT INTO OffTheJobTotals (EnrolmentId, ApprovedMinutes, WaitingMinutes, QueriedMinutes) " +
        $"VALUES ({row}.EnrolmentId, {Part(row, "Approved")}, {Part(row, "Waiting")}, {Part(row, "Queried")}) " +
        "ON CONFLICT (EnrolmentId) DO UPDATE SET ApprovedMinutes = ApprovedMinutes + excluded.ApprovedMinutes, " +
        "WaitingMinutes = WaitingMinutes + excluded.WaitingMinutes, QueriedMinutes = QueriedMinutes + excluded.QueriedMinutes; ";

    private static string Remove(string row) =>
        $"UPDATE OffTheJobTotals SET ApprovedMinutes = ApprovedMinutes - ({Part(row, "Approved")}), " +
        $"WaitingMinutes = WaitingMinutes - ({Part(row, "Waiting")}), QueriedMinutes = QueriedMinutes - ({Part(row, "Queried")}) " +
        $"WHERE EnrolmentId = {row}.EnrolmentId; " +
        $"DELETE FROM OffTheJobTotals WHERE EnrolmentId = {row}.EnrolmentId AND ApprovedMinutes = 0 AND WaitingMinutes = 0 AND QueriedMinutes = 0; ";
}
