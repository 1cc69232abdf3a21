using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprenticeTracker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UlnAndOffTheJobFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Attachment_ContentType",
                table: "OffTheJobEntries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Attachment_FileName",
                table: "OffTheJobEntries",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Attachment_Sha256",
                table: "OffTheJobEntries",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Attachment_SizeBytes",
                table: "OffTheJobEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Attachment_StorageKey",
                table: "OffTheJobEntries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Attachment_UploadedAt",
                table: "OffTheJobEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Uln",
                table: "Enrolments",
                type: "TEXT",
                fixedLength: true,
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OffTheJobEntries_Attachment_StorageKey",
                table: "OffTheJobEntries",
                column: "Attachment_StorageKey");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_TrainingProviderId_Uln",
                table: "Enrolments",
                columns: new[] { "TrainingProviderId", "Uln" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OffTheJobEntries_Attachment_StorageKey",
                table: "OffTheJobEntries");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_TrainingProviderId_Uln",
                table: "Enrolments");

            // SQLite drops these columns in place (3.35 and later); EF Core's DropColumn would rebuild the tables at the
            // end of the migration and lose the triggers that other migrations created on them.
            migrationBuilder.Sql("ALTER TABLE OffTheJobEntries DROP COLUMN Attachment_ContentType;");

            migrationBuilder.Sql("ALTER TABLE OffTheJobEntries DROP COLUMN Attachment_FileName;");

            migrationBuilder.Sql("ALTER TABLE OffTheJobEntries DROP COLUMN Attachment_Sha256;");

            migrationBuilder.Sql("ALTER TABLE OffTheJobEntries DROP COLUMN Attachment_SizeBytes;");

            migrationBuilder.Sql("ALTER TABLE OffTheJobEntries DROP COLUMN Attachment_StorageKey;");

            migrationBuilder.Sql("ALTER TABLE OffTheJobEntries DROP COLUMN Attachment_UploadedAt;");

            migrationBuilder.Sql("ALTER TABLE Enrolments DROP COLUMN Uln;");
        }
    }
}
