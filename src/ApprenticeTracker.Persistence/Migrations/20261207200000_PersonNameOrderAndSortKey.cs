using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprenticeTracker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonNameOrderAndSortKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Apprentices_FamilyName_GivenName",
                table: "Apprentices");

            migrationBuilder.AddColumn<int>(
                name: "NameOrder",
                table: "Assessors",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "NameOrder",
                table: "Apprentices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "NameSortKey",
                table: "Apprentices",
                type: "TEXT",
                maxLength: 401,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Apprentices_NameSortKey",
                table: "Apprentices",
                column: "NameSortKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Apprentices_NameSortKey",
                table: "Apprentices");

            migrationBuilder.DropColumn(
                name: "NameOrder",
                table: "Assessors");

            migrationBuilder.DropColumn(
                name: "NameOrder",
                table: "Apprentices");

            migrationBuilder.DropColumn(
                name: "NameSortKey",
                table: "Apprentices");

            migrationBuilder.CreateIndex(
                name: "IX_Apprentices_FamilyName_GivenName",
                table: "Apprentices",
                columns: new[] { "FamilyName", "GivenName" });
        }
    }
}
