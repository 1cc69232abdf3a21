#nullable enable

namespace ApprenticeTracker.Persistence.Migrations;

/// <summary>
/// The SQL of the triggers that keep <see cref="ReadModels.DashboardCount"/>, used by the migration
/// <c>DashboardCounts</c>. Every trigger adds or takes away one change's contribution to the groups of one enrolment,
/// with one upsert; a group's rows whose figures all reach zero are removed.
/// </summary>
/// <remarks>
/// An enrolment's contribution is one to <c>Enrolments</c> on the row without a duty, and per duty one to
/// <c>WithEvidence</c> for its <c>DutyEvidenceCounts</c> row (one to <c>WithAccepted</c> too when that row has accepted
/// items) and one to <c>SignedOff</c> per active sign-off. Its groups are the one of no assessor and one per current
/// assessor. The triggers on <c>DutyEvidenceCounts</c> fire from that table's own triggers, so evidence changes reach
/// these figures through the counts, whichever code or SQL changes the evidence.
/// </remarks>
internal static class DashboardCountsSql
{
    /// <summary>The key for "no assessor" and "no cohort": <see cref="Guid.Empty"/> as EF Core stores a Guid.</summary>
    private const string None = "'00000000-0000-0000-0000-000000000000'";

    /// <summary>What differs between the two databases' SQL: PostgreSQL counts a comparison only once it is an integer.</summary>
    private sealed record Dialect(bool Postgres)
    {
        public static readonly Dialect Sqlite = new(false);
        public static readonly Dialect PostgreSql = new(true);

        public string Flag(string comparison) => Postgres ? $"({comparison})::int" : comparison;

        public string None => Postgres ? DashboardCountsSql.None + "::uuid" : DashboardCountsSql.None;
    }

    private sealed record TriggerDefinition(string Name, string When, string? Condition, string Body);

    private const string GroupColumns = "TrainingProviderId, AssessorId, CohortId, EmployerId, Status, StandardId";

    private const string Figures = "Enrolments, WithEvidence, WithAccepted, SignedOff";

    private const string EnrolmentColumns = "Id, TrainingProviderId, CohortId, EmployerId, Status, StandardId";

    public static IEnumerable<string> CreateTriggers() =>
        Definitions(Dialect.Sqlite).Select(t => Trigger(t.Name, t.When, t.Condition, t.Body));

    /// <summary>
    /// The same triggers in PL/pgSQL, for the PostgreSQL migrations: each a function and a row trigger that calls it,
    /// built from the same definitions with the identifiers quoted (EF Core's PostgreSQL names keep their case) and
    /// comparisons turned to integers where they are counted.
    /// </summary>
    public static IEnumerable<string> CreatePostgreSqlTriggers() =>
        Definitions(Dialect.PostgreSql).Select(t =>
        {
            var returned = t.When.StartsWith("BEFORE DELETE", StringComparison.Ordinal) ? "OLD" : "NULL";
            var condition = t.Condition is null ? string.Empty : $"WHEN ({PostgreSqlText.Quote(t.Condition)}) ";
            return $"CREATE FUNCTION \"{t.Name}\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {ForPostgreSql(t.Body)}RETURN {returned}; END $$; " +
                $"CREATE TRIGGER \"{t.Name}\" {PostgreSqlText.Quote(t.When)} FOR EACH ROW {condition}EXECUTE FUNCTION \"{t.Name}\"();";
        });

    /// <summary>SQL of <see cref="Apply"/> written for PostgreSQL's dialect, quoted for PostgreSQL.</summary>
    private static string ForPostgreSql(string sql)
    {
        // PostgreSQL reads a bare column in ON CONFLICT's SET as ambiguous: the stored row's is named by its table.
        var body = PostgreSqlText.Quote(sql);
        foreach (var figure in Figures.Split(", "))
        {
            body = body.Replace($"\"{figure}\" = \"{figure}\" +", $"\"{figure}\" = \"DashboardCounts\".\"{figure}\" +", StringComparison.Ordinal);
        }

        return body;
    }

    private static IEnumerable<TriggerDefinition> Definitions(Dialect d)
    {
        // DutyEvidenceCounts: an enrolment gains or loses evidence of a duty, or its first or last accepted item.
        yield return new TriggerDefinition("DashboardCounts_evidence_added", "AFTER INSERT ON DutyEvidenceCounts", null,
            Apply(Groups(d, EnrolmentById("NEW.EnrolmentId")), Change("NEW.EnrolmentId", "NEW.DutyId", withEvidence: "1", withAccepted: d.Flag("NEW.Accepted > 0")), "+"));
        yield return new TriggerDefinition("DashboardCounts_evidence_accepted", "AFTER UPDATE OF Accepted ON DutyEvidenceCounts", "(OLD.Accepted > 0) <> (NEW.Accepted > 0)",
            Apply(Groups(d, EnrolmentById("NEW.EnrolmentId")), Change("NEW.EnrolmentId", "NEW.DutyId", withAccepted: $"({d.Flag("NEW.Accepted > 0")}) - ({d.Flag("OLD.Accepted > 0")})"), "+"));
        yield return new TriggerDefinition("DashboardCounts_evidence_removed", "AFTER DELETE ON DutyEvidenceCounts", null,
            Apply(Groups(d, EnrolmentById("OLD.EnrolmentId")), Change("OLD.EnrolmentId", "OLD.DutyId", withEvidence: "1", withAccepted: d.Flag("OLD.Accepted > 0")), "-"));

        // DutySignOffs: a sign-off made, revoked (or moved by plain SQL) or removed.
        yield return new TriggerDefinition("DashboardCounts_signoff_added", "AFTER INSERT ON DutySignOffs", "NEW.RevokedAt IS NULL",
            Apply(Groups(d, EnrolmentById("NEW.EnrolmentId")), Change("NEW.EnrolmentId", "NEW.DutyId", signedOff: "1"), "+"));
        yield return new TriggerDefinition("DashboardCounts_signoff_changed", "AFTER UPDATE OF RevokedAt, EnrolmentId, DutyId ON DutySignOffs",
            "(OLD.RevokedAt IS NULL) <> (NEW.RevokedAt IS NULL) OR OLD.EnrolmentId IS NOT NEW.EnrolmentId OR OLD.DutyId IS NOT NEW.DutyId",
            Apply(Groups(d, EnrolmentById("OLD.EnrolmentId")), Change("OLD.EnrolmentId", "OLD.DutyId", signedOff: "1") + " WHERE OLD.RevokedAt IS NULL", "-") +
            Apply(Groups(d, EnrolmentById("NEW.EnrolmentId")), Change("NEW.EnrolmentId", "NEW.DutyId", signedOff: "1") + " WHERE NEW.RevokedAt IS NULL", "+"));
        yield return new TriggerDefinition("DashboardCounts_signoff_removed", "AFTER DELETE ON DutySignOffs", "OLD.RevokedAt IS NULL",
            Apply(Groups(d, EnrolmentById("OLD.EnrolmentId")), Change("OLD.EnrolmentId", "OLD.DutyId", signedOff: "1"), "-"));

        // AssessorAssignments: an assessor's groups gain or lose the whole enrolment.
        yield return new TriggerDefinition("DashboardCounts_assignment_added", "AFTER INSERT ON AssessorAssignments", "NEW.EndedAt IS NULL",
            Apply(AssessorGroup(d, "NEW"), Contribution(d, "NEW.EnrolmentId"), "+"));
        yield return new TriggerDefinition("DashboardCounts_assignment_changed", "AFTER UPDATE OF EndedAt, AssessorId, EnrolmentId ON AssessorAssignments",
            "(OLD.EndedAt IS NULL) <> (NEW.EndedAt IS NULL) OR OLD.AssessorId IS NOT NEW.AssessorId OR OLD.EnrolmentId IS NOT NEW.EnrolmentId",
            Apply(AssessorGroup(d, "OLD") + " AND OLD.EndedAt IS NULL", Contribution(d, "OLD.EnrolmentId"), "-") +
            Apply(AssessorGroup(d, "NEW") + " AND NEW.EndedAt IS NULL", Contribution(d, "NEW.EnrolmentId"), "+"));
        yield return new TriggerDefinition("DashboardCounts_assignment_removed", "AFTER DELETE ON AssessorAssignments", "OLD.EndedAt IS NULL",
            Apply(AssessorGroup(d, "OLD"), Contribution(d, "OLD.EnrolmentId"), "-"));

        // Enrolments: added, moved between groups (status, cohort, employer…), or removed. Removing takes the whole
        // contribution away before the row goes; the cascades that follow find no enrolment and so change nothing.
        yield return new TriggerDefinition("DashboardCounts_enrolment_added", "AFTER INSERT ON Enrolments", null,
            Apply(Groups(d, EnrolmentRow("NEW")), Contribution(d, "NEW.Id"), "+"));
        yield return new TriggerDefinition("DashboardCounts_enrolment_changed", "AFTER UPDATE OF TrainingProviderId, CohortId, EmployerId, Status, StandardId ON Enrolments",
            "OLD.TrainingProviderId IS NOT NEW.TrainingProviderId OR OLD.CohortId IS NOT NEW.CohortId OR OLD.EmployerId IS NOT NEW.EmployerId " +
            "OR OLD.Status IS NOT NEW.Status OR OLD.StandardId IS NOT NEW.StandardId",
            Apply(Groups(d, EnrolmentRow("OLD")), Contribution(d, "OLD.Id"), "-") +
            Apply(Groups(d, EnrolmentRow("NEW")), Contribution(d, "NEW.Id"), "+"));
        yield return new TriggerDefinition("DashboardCounts_enrolment_removed", "BEFORE DELETE ON Enrolments", null,
            Apply(Groups(d, EnrolmentRow("OLD")), Contribution(d, "OLD.Id"), "-"));
    }

    public static IEnumerable<string> DropTriggers() =>
        CreateTriggers().Select(sql => "DROP TRIGGER IF EXISTS " + sql.Split(' ')[2] + ";");

    /// <summary>Fills the table from the enrolments, assignments, counts and sign-offs already stored.</summary>
    public static string Fill() => Fill(Dialect.Sqlite);

    /// <summary>The same as <see cref="Fill()"/>, for PostgreSQL.</summary>
    public static string FillPostgreSql() => ForPostgreSql(Fill(Dialect.PostgreSql));

    private static string Fill(Dialect d) => Apply(Groups(d, "(SELECT " + EnrolmentColumns + " FROM Enrolments)"), Contribution(d, null), "+");

    private static string Trigger(string name, string when, string? condition, string body) =>
        $"CREATE TRIGGER {name} {when} " + (condition is null ? string.Empty : $"WHEN {condition} ") + $"BEGIN {body}END;";

    /// <summary>The groups of the enrolment a one-row query yields: the one of no assessor and one per current assessor.</summary>
    private static string Groups(Dialect d, string enrolment) =>
        $"SELECT e.Id AS EnrolmentId, e.TrainingProviderId, {d.None} AS AssessorId, COALESCE(e.CohortId, {d.None}) AS CohortId, e.EmployerId, e.Status, e.StandardId " +
        $"FROM {enrolment} AS e " +
        "UNION ALL " +
        $"SELECT e.Id, e.TrainingProviderId, a.AssessorId, COALESCE(e.CohortId, {d.None}), e.EmployerId, e.Status, e.StandardId " +
        $"FROM {enrolment} AS e INNER JOIN AssessorAssignments AS a ON a.EnrolmentId = e.Id AND a.EndedAt IS NULL";

    /// <summary>The one group of an assignment's assessor (<paramref name="row"/> is NEW or OLD of AssessorAssignments).</summary>
    private static string AssessorGroup(Dialect d, string row) =>
        $"SELECT e.Id AS EnrolmentId, e.TrainingProviderId, {row}.AssessorId AS AssessorId, COALESCE(e.CohortId, {d.None}) AS CohortId, e.EmployerId, e.Status, e.StandardId " +
        $"FROM Enrolments AS e WHERE e.Id = {row}.EnrolmentId";

    private static string EnrolmentById(string id) => $"(SELECT {EnrolmentColumns} FROM Enrolments WHERE Id = {id})";

    /// <summary>The enrolment as NEW or OLD of a trigger on Enrolments says it is.</summary>
    private static string EnrolmentRow(string row) =>
        $"(SELECT {row}.Id AS Id, {row}.TrainingProviderId AS TrainingProviderId, {row}.CohortId AS CohortId, {row}.EmployerId AS EmployerId, " +
        $"{row}.Status AS Status, {row}.StandardId AS StandardId)";

    /// <summary>One duty's change of figures for one enrolment.</summary>
    private static string Change(string enrolment, string duty, string withEvidence = "0", string withAccepted = "0", string signedOff = "0") =>
        $"SELECT {enrolment} AS EnrolmentId, {duty} AS DutyId, 0 AS Enrolments, {withEvidence} AS WithEvidence, {withAccepted} AS WithAccepted, {signedOff} AS SignedOff";

    /// <summary>The whole contribution of one enrolment (or, with <paramref name="enrolment"/> null, of every enrolment).</summary>
    private static string Contribution(Dialect d, string? enrolment)
    {
        string Where(string column) => enrolment is null ? string.Empty : $" WHERE {column} = {enrolment}";
        string And(string column) => enrolment is null ? string.Empty : $" AND {column} = {enrolment}";
        return
            $"SELECT Id AS EnrolmentId, {d.None} AS DutyId, 1 AS Enrolments, 0 AS WithEvidence, 0 AS WithAccepted, 0 AS SignedOff FROM Enrolments{Where("Id")} " +
            $"UNION ALL SELECT EnrolmentId, DutyId, 0, 1, {d.Flag("Accepted > 0")}, 0 FROM DutyEvidenceCounts{Where("EnrolmentId")} " +
            $"UNION ALL SELECT EnrolmentId, DutyId, 0, 0, 0, 1 FROM DutySignOffs WHERE RevokedAt IS NULL{And("EnrolmentId")}";
    }

    /// <summary>
    /// Adds (<paramref name="sign"/> "+") or takes away ("-") the contribution to each group, then removes that group's
    /// rows left at zero.
    /// </summary>
    private static string Apply(string groups, string contribution, string sign) =>
        $"INSERT INTO DashboardCounts ({GroupColumns}, DutyId, {Figures}) " +
        $"SELECT g.TrainingProviderId, g.AssessorId, g.CohortId, g.EmployerId, g.Status, g.StandardId, c.DutyId, " +
        $"{sign}SUM(c.Enrolments), {sign}SUM(c.WithEvidence), {sign}SUM(c.WithAccepted), {sign}SUM(c.SignedOff) " +
        $"FROM ({groups}) AS g INNER JOIN ({contribution}) AS c ON c.EnrolmentId = g.EnrolmentId " +
        "WHERE true GROUP BY g.TrainingProviderId, g.AssessorId, g.CohortId, g.EmployerId, g.Status, g.StandardId, c.DutyId " +
        $"ON CONFLICT ({GroupColumns}, DutyId) DO UPDATE SET " +
        "Enrolments = Enrolments + excluded.Enrolments, WithEvidence = WithEvidence + excluded.WithEvidence, " +
        "WithAccepted = WithAccepted + excluded.WithAccepted, SignedOff = SignedOff + excluded.SignedOff; " +
        (sign == "-"
            ? "DELETE FROM DashboardCounts WHERE Enrolments = 0 AND WithEvidence = 0 AND WithAccepted = 0 AND SignedOff = 0 " +
              $"AND ({GroupColumns}) IN (SELECT g.TrainingProviderId, g.AssessorId, g.CohortId, g.EmployerId, g.Status, g.StandardId FROM ({groups}) AS g); "
            : string.Empty);
}
