using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Cases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCaseHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StateKey",
                table: "cases_events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedName",
                table: "cases_cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedTo",
                table: "cases_cases",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionText",
                table: "cases_cases",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlingGroup",
                table: "cases_cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StateKey",
                table: "cases_cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "received");

            migrationBuilder.CreateTable(
                name: "cases_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_messages_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_notes_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_TenantId_AssignedTo",
                table: "cases_cases",
                columns: new[] { "TenantId", "AssignedTo" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_TenantId_Status",
                table: "cases_cases",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_messages_CaseId",
                table: "cases_messages",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_messages_TenantId",
                table: "cases_messages",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_notes_CaseId",
                table: "cases_notes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_notes_TenantId",
                table: "cases_notes",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_messages");

            migrationBuilder.DropTable(
                name: "cases_notes");

            migrationBuilder.DropIndex(
                name: "IX_cases_cases_TenantId_AssignedTo",
                table: "cases_cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_cases_TenantId_Status",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "StateKey",
                table: "cases_events");

            migrationBuilder.DropColumn(
                name: "AssignedName",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "DecisionText",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "HandlingGroup",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "StateKey",
                table: "cases_cases");
        }
    }
}
