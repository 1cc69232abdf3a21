using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprenticeTracker.Persistence.Migrations
{
    public partial class DutyEvidenceCounts : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DutyEvidenceCounts",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DutyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Submitted = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferredBack = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyEvidenceCounts", x => new { x.EnrolmentId, x.DutyId });
                    table.ForeignKey(
                        name: "FK_DutyEvidenceCounts_Duties_DutyId",
                        column: x => x.DutyId,
                        principalTable: "Duties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DutyEvidenceCounts_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DutyEvidenceCounts_DutyId",
                table: "DutyEvidenceCounts",
                column: "DutyId");

            // The database keeps the counts itself, whichever code path (or plain SQL) changes the evidence. Each
            // trigger adds or removes one item's contribution; a row whose counts all reach zero is removed.
            migrationBuilder.Sql(
                "CREATE TRIGGER DutyEvidenceCounts_link_added AFTER INSERT ON EvidenceDuties BEGIN " +
                Add(Item("EnrolmentId", "NEW.EvidenceItemId"), "NEW.DutyId", Item("Status", "NEW.EvidenceItemId")) +
                " END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER DutyEvidenceCounts_link_removed AFTER DELETE ON EvidenceDuties BEGIN " +
                Remove(Item("EnrolmentId", "OLD.EvidenceItemId"), "OLD.DutyId", Item("Status", "OLD.EvidenceItemId")) +
                " END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER DutyEvidenceCounts_item_changed AFTER UPDATE OF Status, EnrolmentId ON EvidenceItems " +
                "WHEN OLD.Status IS NOT NEW.Status OR OLD.EnrolmentId IS NOT NEW.EnrolmentId BEGIN " +
                Remove("OLD.EnrolmentId", "d.DutyId", "OLD.Status", "FROM EvidenceDuties AS d WHERE d.EvidenceItemId = OLD.Id") +
                Add("NEW.EnrolmentId", "d.DutyId", "NEW.Status", "FROM EvidenceDuties AS d WHERE d.EvidenceItemId = NEW.Id") +
                " END;");

            // Removing the item's links first, while the item is still there to say whose they were, lets the link
            // trigger take its counts away; the foreign key's cascade then finds nothing left to remove.
            migrationBuilder.Sql(
                "CREATE TRIGGER DutyEvidenceCounts_item_removed BEFORE DELETE ON EvidenceItems BEGIN " +
                "DELETE FROM EvidenceDuties WHERE EvidenceItemId = OLD.Id; END;");

            // Evidence that is already there when the migration runs.
            migrationBuilder.Sql(Fill);
        }

        /// <summary>
        /// Counts the evidence already stored, in one statement (into an empty table). Also used by the large demo
        /// seed, which writes its evidence with these triggers dropped and counts it afterwards.
        /// </summary>
        internal const string Fill =
            "INSERT INTO DutyEvidenceCounts (EnrolmentId, DutyId, Submitted, Accepted, ReferredBack) " +
            "SELECT i.EnrolmentId, d.DutyId, SUM(i.Status = 'Submitted'), SUM(i.Status = 'Accepted'), SUM(i.Status = 'ReferredBack') " +
            "FROM EvidenceDuties AS d INNER JOIN EvidenceItems AS i ON i.Id = d.EvidenceItemId " +
            $"WHERE i.Status IN ({Counted}) GROUP BY i.EnrolmentId, d.DutyId;";

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DutyEvidenceCounts_link_added;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DutyEvidenceCounts_link_removed;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DutyEvidenceCounts_item_changed;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS DutyEvidenceCounts_item_removed;");
            migrationBuilder.DropTable(
                name: "DutyEvidenceCounts");
        }

        /// <summary>The statuses that are counted: everything but drafts, which are the apprentice's own.</summary>
        private const string Counted = "'Submitted', 'Accepted', 'ReferredBack'";

        /// <summary>A column of the evidence item with the given id, as a scalar subquery.</summary>
        private static string Item(string column, string id) => $"(SELECT {column} FROM EvidenceItems WHERE Id = {id})";

        /// <summary>
        /// Statements that count one more item of <paramref name="status"/> for each (enrolment, duty) the optional
        /// <paramref name="from"/> clause yields (or for the one pair given, without it).
        /// </summary>
        private static string Add(string enrolment, string duty, string status, string from = "") =>
            "INSERT OR IGNORE INTO DutyEvidenceCounts (EnrolmentId, DutyId, Submitted, Accepted, ReferredBack) " +
            $"SELECT {enrolment}, {duty}, 0, 0, 0 {from} {(from.Length == 0 ? "WHERE" : "AND")} {status} IN ({Counted}); " +
            $"UPDATE DutyEvidenceCounts SET {Change(status, "+")} WHERE {Pair(enrolment, duty, from)}; ";

        /// <summary>Statements that count one item of <paramref name="status"/> fewer, then drop rows left empty.</summary>
        private static string Remove(string enrolment, string duty, string status, string from = "") =>
            $"UPDATE DutyEvidenceCounts SET {Change(status, "-")} WHERE {Pair(enrolment, duty, from)}; " +
            $"DELETE FROM DutyEvidenceCounts WHERE EnrolmentId = {enrolment} AND Submitted = 0 AND Accepted = 0 AND ReferredBack = 0; ";

        private static string Change(string status, string sign) =>
            $"Submitted = Submitted {sign} ({status} = 'Submitted'), " +
            $"Accepted = Accepted {sign} ({status} = 'Accepted'), " +
            $"ReferredBack = ReferredBack {sign} ({status} = 'ReferredBack')";

        private static string Pair(string enrolment, string duty, string from) =>
            from.Length == 0
                ? $"EnrolmentId = {enrolment} AND DutyId = {duty}"
                : $"EnrolmentId = {enrolment} AND DutyId IN (SELECT {duty} {from})";
    }
}
