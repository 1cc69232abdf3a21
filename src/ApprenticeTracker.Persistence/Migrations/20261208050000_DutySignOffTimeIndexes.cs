using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprenticeTracker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DutySignOffTimeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DutySignOffs_RevokedAt",
                table: "DutySignOffs",
                column: "RevokedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DutySignOffs_SignedAt",
                table: "DutySignOffs",
                column: "SignedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DutySignOffs_RevokedAt",
                table: "DutySignOffs");

            migrationBuilder.DropIndex(
                name: "IX_DutySignOffs_SignedAt",
                table: "DutySignOffs");
        }
    }
}
