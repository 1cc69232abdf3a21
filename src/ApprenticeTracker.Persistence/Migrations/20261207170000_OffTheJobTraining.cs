using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprenticeTracker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OffTheJobTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OffTheJobMinimumHours",
                table: "Standards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OffTheJobMinimumSource",
                table: "Standards",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ContractedHoursPerWeek",
                table: "Enrolments",
                type: "TEXT",
                precision: 4,
                scale: 2,
                nullable: false,
                defaultValue: 30m);

            migrationBuilder.AddColumn<DateOnly>(
                name: "GatewayPassedOn",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PriorLearningMinutes",
                table: "Enrolments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PriorLearningReason",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OffTheJobEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainingProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityDate = table.Column<DateOnly>(type: "TEXT", maxLength: 10, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WhatWasLearnt = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Reflection = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    QueryReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffTheJobEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffTheJobEntries_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OffTheJobTotals",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitingMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    QueriedMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffTheJobTotals", x => x.EnrolmentId);
                    table.ForeignKey(
                        name: "FK_OffTheJobTotals_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OffTheJobEntryDuties",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DutyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffTheJobEntryDuties", x => new { x.EntryId, x.DutyId });
                    table.ForeignKey(
                        name: "FK_OffTheJobEntryDuties_Duties_DutyId",
                        column: x => x.DutyId,
                        principalTable: "Duties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffTheJobEntryDuties_OffTheJobEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "OffTheJobEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OffTheJobEntryEvidence",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvidenceItemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffTheJobEntryEvidence", x => new { x.EntryId, x.EvidenceItemId });
                    table.ForeignKey(
                        name: "FK_OffTheJobEntryEvidence_EvidenceItems_EvidenceItemId",
                        column: x => x.EvidenceItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OffTheJobEntryEvidence_OffTheJobEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "OffTheJobEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobEntries_EnrolmentId_ActivityDate",
                table: "OffTheJobEntries",
                columns: new[] { "EnrolmentId", "ActivityDate" });

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobEntries_EnrolmentId_Status_ActivityDate_Minutes",
                table: "OffTheJobEntries",
                columns: new[] { "EnrolmentId", "Status", "ActivityDate", "Minutes" });

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobEntryDuties_DutyId",
                table: "OffTheJobEntryDuties",
                column: "DutyId");

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobEntryEvidence_EvidenceItemId",
                table: "OffTheJobEntryEvidence",
                column: "EvidenceItemId");

            // Apprentices at gateway passed it when their status last changed (the UTC day of that instant).
            migrationBuilder.Sql(
                "UPDATE Enrolments SET GatewayPassedOn = date((StatusChangedAt - 621355968000000000) / 10000000, 'unixepoch') WHERE Status = 'Gateway';");

            // The database keeps each enrolment's off-the-job totals itself (OffTheJobTotalsSql says how).
            foreach (var sql in OffTheJobTotalsSql.CreateTriggers())
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.Sql(OffTheJobTotalsSql.Fill());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in OffTheJobTotalsSql.DropTriggers())
            {
                migrationBuilder.Sql(sql);
            }

            // SQLite drops these columns in place (3.35 and later); EF Core's DropColumn would rebuild Enrolments at the
            // end of the migration and lose the triggers that other migrations created on it.

            migrationBuilder.DropTable(
                name: "OffTheJobEntryDuties");

            migrationBuilder.DropTable(
                name: "OffTheJobEntryEvidence");

            migrationBuilder.DropTable(
                name: "OffTheJobTotals");

            migrationBuilder.DropTable(
                name: "OffTheJobEntries");

            migrationBuilder.Sql("ALTER TABLE Standards DROP COLUMN OffTheJobMinimumHours;");

            migrationBuilder.Sql("ALTER TABLE Standards DROP COLUMN OffTheJobMinimumSource;");

            migrationBuilder.Sql("ALTER TABLE Enrolments DROP COLUMN ContractedHoursPerWeek;");

            migrationBuilder.Sql("ALTER TABLE Enrolments DROP COLUMN GatewayPassedOn;");

            migrationBuilder.Sql("ALTER TABLE Enrolments DROP COLUMN PriorLearningMinutes;");

            migrationBuilder.Sql("ALTER TABLE Enrolments DROP COLUMN PriorLearningReason;");
        }
    }
}
