using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprenticeTracker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DashboardCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_ApprenticeId",
                table: "Enrolments");

            migrationBuilder.CreateTable(
                name: "DashboardCounts",
                columns: table => new
                {
                    TrainingProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StandardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DutyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Enrolments = table.Column<int>(type: "INTEGER", nullable: false),
                    WithEvidence = table.Column<int>(type: "INTEGER", nullable: false),
                    WithAccepted = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedOff = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DashboardCounts", x => new { x.TrainingProviderId, x.AssessorId, x.CohortId, x.EmployerId, x.Status, x.StandardId, x.DutyId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ApprenticeId_TrainingProviderId",
                table: "Enrolments",
                columns: new[] { "ApprenticeId", "TrainingProviderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Apprentices_FamilyName_GivenName",
                table: "Apprentices",
                columns: new[] { "FamilyName", "GivenName" });

            // Kept by the database, like DutyEvidenceCounts, whichever code or SQL changes what it counts.
            foreach (var trigger in DashboardCountsSql.CreateTriggers())
            {
                migrationBuilder.Sql(trigger);
            }

            // What is already there when the migration runs.
            migrationBuilder.Sql(DashboardCountsSql.Fill());
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var drop in DashboardCountsSql.DropTriggers())
            {
                migrationBuilder.Sql(drop);
            }

            migrationBuilder.DropTable(
                name: "DashboardCounts");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_ApprenticeId_TrainingProviderId",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Apprentices_FamilyName_GivenName",
                table: "Apprentices");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ApprenticeId",
                table: "Enrolments",
                column: "ApprenticeId");
        }
    }
}
