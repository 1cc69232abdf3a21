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
            migrationBuilder.DropIndex(
                name: "IX_EvidenceItems_WitnessContactId_WitnessResponse",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "WitnessContactId",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "WitnessDeclineReason",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "WitnessName",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "WitnessRespondedAt",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "WitnessResponse",
                table: "EvidenceItems");

            migrationBuilder.DropColumn(
                name: "EmployerAgreedAt",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "EmployerAgreedByContactId",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "EmployerAgreedByName",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "EmployerAgreementDeclaration",
                table: "Enrolments");
        }
    }
}
