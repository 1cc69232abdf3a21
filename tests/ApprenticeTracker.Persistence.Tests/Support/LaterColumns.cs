using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence.Tests.Support;

/// <summary>
/// Columns that today's model writes and that a schema older than the migrations <c>OffTheJobTraining</c> and
/// <c>PersonNameOrderAndSortKey</c> (and <c>UlnAndOffTheJobFiles</c> and <c>WitnessTestimoniesAndEmployerGatewayAgreement</c>) lacks. A test
/// that saves rows with today's model into an older schema adds them for the save and drops them again before the
/// migrations bring the schema up, so that the database is as that release left it.
/// </summary>
internal static class LaterColumns
{
    private static readonly (string Table, string Column, string Definition)[] Columns =
    [
        ("Standards", "OffTheJobMinimumHours", "INTEGER NULL"),
        ("Standards", "OffTheJobMinimumSource", "TEXT NULL"),
        ("Enrolments", "ContractedHoursPerWeek", "TEXT NOT NULL DEFAULT '30.0'"),
        ("Enrolments", "GatewayPassedOn", "TEXT NULL"),
        ("Enrolments", "PriorLearningMinutes", "INTEGER NOT NULL DEFAULT 0"),
        ("Enrolments", "PriorLearningReason", "TEXT NULL"),
        ("Enrolments", "Uln", "TEXT NULL"),
        ("Apprentices", "NameOrder", "INTEGER NOT NULL DEFAULT 0"),
        ("Apprentices", "NameSortKey", "TEXT NOT NULL DEFAULT ''"),
        ("Assessors", "NameOrder", "INTEGER NOT NULL DEFAULT 0"),
        ("Enrolments", "EmployerAgreedAt", "INTEGER NULL"),
        ("Enrolments", "EmployerAgreedByContactId", "TEXT NULL"),
        ("Enrolments", "EmployerAgreedByName", "TEXT NULL"),
        ("Enrolments", "EmployerAgreementDeclaration", "TEXT NULL"),
        ("EvidenceItems", "WitnessContactId", "TEXT NULL"),
        ("EvidenceItems", "WitnessName", "TEXT NULL"),
        ("EvidenceItems", "WitnessResponse", "TEXT NULL"),
        ("EvidenceItems", "WitnessRespondedAt", "INTEGER NULL"),
        ("EvidenceItems", "WitnessDeclineReason", "TEXT NULL"),
    ];

    public static void Add(AppDbContext db)
    {
        foreach (var (table, column, definition) in Columns)
        {
            Run(db, $"ALTER TABLE {table} ADD COLUMN {column} {definition};");
        }
    }

    public static void Drop(AppDbContext db)
    {
        foreach (var (table, column, _) in Columns)
        {
            Run(db, $"ALTER TABLE {table} DROP COLUMN {column};");
        }
    }

    private static void Run(AppDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
