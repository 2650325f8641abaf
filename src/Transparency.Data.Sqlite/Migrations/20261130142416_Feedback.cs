using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Transparency.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feedback_commitments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReplyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_commitments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepresentativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UsedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_invitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_ratings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepresentativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Overall = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Communication = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Attitude = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FaceToFace = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CommentPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InvitationId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PaperDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ScanFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ScanStoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ScanContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_ratings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedByRatingId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_corrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RatingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Overall = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Communication = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Attitude = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CorrectedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CorrectedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_feedback_corrections_feedback_ratings_RatingId",
                        column: x => x.RatingId,
                        principalTable: "feedback_ratings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_commitments_DoneOn_DueOn",
                table: "feedback_commitments",
                columns: new[] { "DoneOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_commitments_ProposalId",
                table: "feedback_commitments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_commitments_ReplyId",
                table: "feedback_commitments",
                column: "ReplyId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_corrections_RatingId",
                table: "feedback_corrections",
                column: "RatingId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_invitations_ProposalId_RepresentativeId_Round",
                table: "feedback_invitations",
                columns: new[] { "ProposalId", "RepresentativeId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_ratings_ProposalId_RepresentativeId_Round",
                table: "feedback_ratings",
                columns: new[] { "ProposalId", "RepresentativeId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_rounds_ProposalId_Number",
                table: "feedback_rounds",
                columns: new[] { "ProposalId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_commitments");

            migrationBuilder.DropTable(
                name: "feedback_corrections");

            migrationBuilder.DropTable(
                name: "feedback_invitations");

            migrationBuilder.DropTable(
                name: "feedback_rounds");

            migrationBuilder.DropTable(
                name: "feedback_ratings");
        }
    }
}
