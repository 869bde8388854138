using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Cases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    SubmissionHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmitterPersonalIdentityNumber = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    SubmitterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnonymousKeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpectedDecisionBy = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerPersonalIdentityNumber = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    AnonymousKeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    CurrentPage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ElementKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_number_series",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_number_series", x => new { x.TenantId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "cases_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_events_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RoleLabelJson = table.Column<string>(type: "text", nullable: false),
                    ExpectedPersonalIdentityNumber = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SignedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CompletedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Evidence = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_signatures_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_TenantId",
                table: "cases_cases",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_TenantId_DraftId",
                table: "cases_cases",
                columns: new[] { "TenantId", "DraftId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_TenantId_Number",
                table: "cases_cases",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_TenantId_SubmitterPersonalIdentityNumber",
                table: "cases_cases",
                columns: new[] { "TenantId", "SubmitterPersonalIdentityNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_drafts_ExpiresUtc",
                table: "cases_drafts",
                column: "ExpiresUtc");

            migrationBuilder.CreateIndex(
                name: "IX_cases_drafts_TenantId",
                table: "cases_drafts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_drafts_TenantId_OwnerPersonalIdentityNumber",
                table: "cases_drafts",
                columns: new[] { "TenantId", "OwnerPersonalIdentityNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_events_CaseId",
                table: "cases_events",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_events_TenantId",
                table: "cases_events",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_files_CaseId",
                table: "cases_files",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_files_DraftId",
                table: "cases_files",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_files_TenantId",
                table: "cases_files",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_number_series_TenantId",
                table: "cases_number_series",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_signatures_CaseId",
                table: "cases_signatures",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_signatures_TenantId",
                table: "cases_signatures",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_signatures_TenantId_ExpectedPersonalIdentityNumber",
                table: "cases_signatures",
                columns: new[] { "TenantId", "ExpectedPersonalIdentityNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_drafts");

            migrationBuilder.DropTable(
                name: "cases_events");

            migrationBuilder.DropTable(
                name: "cases_files");

            migrationBuilder.DropTable(
                name: "cases_number_series");

            migrationBuilder.DropTable(
                name: "cases_signatures");

            migrationBuilder.DropTable(
                name: "cases_cases");
        }
    }
}
