using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprenticeTracker.Persistence.Migrations
{
    public partial class DashboardIndexes : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_EnrolmentId_Status_Id",
                table: "EvidenceItems",
                columns: new[] { "EnrolmentId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_EnrolmentId_SubmittedAt",
                table: "EvidenceItems",
                columns: new[] { "EnrolmentId", "SubmittedAt" });
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EvidenceItems_EnrolmentId_Status_Id",
                table: "EvidenceItems");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceItems_EnrolmentId_SubmittedAt",
                table: "EvidenceItems");
        }
    }
}
