using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprenticeTracker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WitnessTestimoniesAndEmployerGatewayAgreement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "WitnessContactId",
                table: "EvidenceItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WitnessDeclineReason",
                table: "EvidenceItems",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WitnessName",
                table: "EvidenceItems",
                type: "TEXT",
                maxLength: 303,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WitnessRespondedAt",
                table: "EvidenceItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WitnessResponse",
                table: "EvidenceItems",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmployerAgreedAt",
                table: "Enrolments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EmployerAgreedByContactId",
                table: "Enrolments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmployerAgreedByName",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 303,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmployerAgreementDeclaration",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_WitnessContactId_WitnessResponse",
                table: "EvidenceItems",
                columns: new[] { "WitnessContactId", "WitnessResponse" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Plain DROP COLUMN, not EF's table rebuild, which would break the triggers that name these tables.
            migrationBuilder.DropIndex(
                name: "IX_EvidenceItems_WitnessContactId_WitnessResponse",
                table: "EvidenceItems");

            migrationBuilder.Sql("ALTER TABLE EvidenceItems DROP COLUMN WitnessContactId;");

            migrationBuilder.Sql("ALTER TABLE EvidenceItems DROP COLUMN WitnessDeclineReason;");

            migrationBuilder.Sql("ALTER TABLE EvidenceItems DROP COLUMN WitnessName;");

            migrationBuilder.Sql("ALTER TABLE EvidenceItems DROP COLUMN WitnessRespondedAt;");

            migrationBuilder.Sql("ALTER TABLE EvidenceItems DROP COLUMN WitnessResponse;");

            migrationBuilder.Sql("ALTER TABLE Enrolments DROP COLUMN EmployerAgreedAt;");

            migrationBuilder.Sql("ALTER TABLE Enrolments DROP COLUMN EmployerAgreedByContactId;");

            migrationBuilder.Sql("ALTER TABLE Enrolments DROP COLUMN EmployerAgreedByName;");

            migrationBuilder.Sql("ALTER TABLE Enrolments DROP COLUMN EmployerAgreementDeclaration;");
        }
    }
}
