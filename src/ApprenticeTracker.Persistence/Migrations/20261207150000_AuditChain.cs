using Chain = ApprenticeTracker.Persistence.Auditing.AuditChain;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprenticeTracker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Hand-written: chain the events stored before this migration, in id order, by the one definition of the hash
            // (AuditChain, registered on the connection by AppDbContext as the SQL function audit_event_hash). The
            // append-only trigger would refuse these updates, so it is dropped and created again around them; the
            // migration runs in one transaction, so no other writer sees the table without it.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_refuse_update;");
            migrationBuilder.Sql(
                $"""
                WITH RECURSIVE chain(Id, PreviousHash, Hash) AS (
                    SELECT e.Id, '{Chain.Genesis}', {Hash($"'{Chain.Genesis}'")}
                    FROM AuditEvents AS e
                    WHERE e.Id = (SELECT MIN(Id) FROM AuditEvents)
                    UNION ALL
                    SELECT e.Id, c.Hash, {Hash("c.Hash")}
                    FROM chain AS c
                    JOIN AuditEvents AS e ON e.Id = (SELECT MIN(Id) FROM AuditEvents WHERE Id > c.Id)
                )
                UPDATE AuditEvents SET PreviousHash = chain.PreviousHash, Hash = chain.Hash
                FROM chain
                WHERE chain.Id = AuditEvents.Id;
                """);
            migrationBuilder.Sql(
                "CREATE TRIGGER AuditEvents_refuse_update BEFORE UPDATE ON AuditEvents " +
                "BEGIN SELECT RAISE(ABORT, 'Audit events are append-only: they cannot be changed.'); END;");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_PreviousHash",
                table: "AuditEvents",
                column: "PreviousHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_PreviousHash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "AuditEvents");

            // Hand-written: dropping columns rebuilds the table, which drops its triggers; the log stays append-only.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_refuse_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_refuse_delete;");
            migrationBuilder.Sql(
                "CREATE TRIGGER AuditEvents_refuse_update BEFORE UPDATE ON AuditEvents " +
                "BEGIN SELECT RAISE(ABORT, 'Audit events are append-only: they cannot be changed.'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER AuditEvents_refuse_delete BEFORE DELETE ON AuditEvents " +
                "BEGIN SELECT RAISE(ABORT, 'Audit events are append-only: they cannot be deleted.'); END;");
        }

        private static string Hash(string previousHash) =>
            $"{Chain.SqlFunctionName}({previousHash}, e.Id, e.OccurredAt, e.ActorUserId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.EnrolmentId, e.TrainingProviderId, e.Details)";
    }
}
