using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprenticeTracker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProgressReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgressReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainingProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", maxLength: 10, nullable: false),
                    ProgressAgainstActions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TrainingSince = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OffTheJobPlannedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    OffTheJobActualMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    OffTheJobSlippage = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DutyProgress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ApprenticeConcerns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EmployerConcerns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProviderConcerns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChangesOfCircumstance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TrainingPlanChanges = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WellbeingChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    WellbeingNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", maxLength: 10, nullable: false),
                    AgreedIntervalWeeks = table.Column<int>(type: "INTEGER", nullable: true),
                    AgreedIntervalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DraftedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DraftedByName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    DraftedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReviews_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReviewActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgressReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReviewActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReviewActions_ProgressReviews_ProgressReviewId",
                        column: x => x.ProgressReviewId,
                        principalTable: "ProgressReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReviewAddenda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgressReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReviewAddenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReviewAddenda_ProgressReviews_ProgressReviewId",
                        column: x => x.ProgressReviewId,
                        principalTable: "ProgressReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReviewSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgressReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    Capacity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Declaration = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReviewSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReviewSignatures_ProgressReviews_ProgressReviewId",
                        column: x => x.ProgressReviewId,
                        principalTable: "ProgressReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviewActions_ProgressReviewId",
                table: "ProgressReviewActions",
                column: "ProgressReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviewAddenda_ProgressReviewId",
                table: "ProgressReviewAddenda",
                column: "ProgressReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviews_EnrolmentId_CompletedAt_HeldOn",
                table: "ProgressReviews",
                columns: new[] { "EnrolmentId", "CompletedAt", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReviewSignatures_ProgressReviewId_Party",
                table: "ProgressReviewSignatures",
                columns: new[] { "ProgressReviewId", "Party" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgressReviewActions");

            migrationBuilder.DropTable(
                name: "ProgressReviewAddenda");

            migrationBuilder.DropTable(
                name: "ProgressReviewSignatures");

            migrationBuilder.DropTable(
                name: "ProgressReviews");
        }
    }
}
