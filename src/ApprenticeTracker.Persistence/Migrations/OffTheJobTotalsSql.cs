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
    public static IEnumerable<string> CreateTriggers() =>
        Definitions().Select(t =>
            $"CREATE TRIGGER {t.Name} {t.When} " + (t.Condition is null ? string.Empty : $"WHEN {t.Condition} ") + $"BEGIN {t.Body}END;");

    /// <summary>
    /// The same triggers in PL/pgSQL, for the PostgreSQL initial migration (through <c>PostgreSqlTriggers</c>): one
    /// function and one row trigger each, with the same bodies quoted for PostgreSQL.
    /// </summary>
    public static IEnumerable<string> CreatePostgreSqlTriggers() =>
        Definitions().Select(t =>
        {
            var condition = t.Condition is null ? string.Empty : $"WHEN ({PostgreSqlText.Quote(t.Condition)}) ";
            // PostgreSQL reads a bare column in ON CONFLICT's SET as ambiguous: the stored row's is named by its table.
            var body = PostgreSqlText.Quote(t.Body);
            foreach (var figure in new[] { "ApprovedMinutes", "WaitingMinutes", "QueriedMinutes" })
            {
                body = body.Replace($"\"{figure}\" = \"{figure}\" + ", $"\"{figure}\" = \"OffTheJobTotals\".\"{figure}\" + ", StringComparison.Ordinal);
            }

            return $"CREATE FUNCTION \"{t.Name}\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body}RETURN NULL; END $$; " +
                $"CREATE TRIGGER \"{t.Name}\" {PostgreSqlText.Quote(t.When)} FOR EACH ROW {condition}EXECUTE FUNCTION \"{t.Name}\"();";
        });

    private static IEnumerable<(string Name, string When, string? Condition, string Body)> Definitions()
    {
        yield return ("OffTheJobTotals_entry_added", "AFTER INSERT ON OffTheJobEntries", null, Add("NEW"));
        yield return ("OffTheJobTotals_entry_changed", "AFTER UPDATE OF Status, Minutes, EnrolmentId ON OffTheJobEntries",
            "OLD.Status IS NOT NEW.Status OR OLD.Minutes IS NOT NEW.Minutes OR OLD.EnrolmentId IS NOT NEW.EnrolmentId", Remove("OLD") + Add("NEW"));
        yield return ("OffTheJobTotals_entry_removed", "AFTER DELETE ON OffTheJobEntries", null, Remove("OLD"));
    }

    public static IEnumerable<string> DropTriggers() =>
        CreateTriggers().Select(sql => "DROP TRIGGER IF EXISTS " + sql.Split(' ')[2] + ";");

    /// <summary>Fills the table from the entries already stored.</summary>
    public static string Fill() =>
        "INSERT INTO OffTheJobTotals (EnrolmentId, ApprovedMinutes, WaitingMinutes, QueriedMinutes) " +
        "SELECT EnrolmentId, " + Sum("Approved") + ", " + Sum("Waiting") + ", " + Sum("Queried") + " FROM OffTheJobEntries GROUP BY EnrolmentId;";

    /// <summary>The same as <see cref="Fill"/>, for PostgreSQL.</summary>
    public static string FillPostgreSql() => PostgreSqlText.Quote(Fill());

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
