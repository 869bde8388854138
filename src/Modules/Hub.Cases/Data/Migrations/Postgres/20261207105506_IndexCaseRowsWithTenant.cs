using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Cases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndexCaseRowsWithTenant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_signatures_CaseId",
                table: "cases_signatures");

            migrationBuilder.DropIndex(
                name: "IX_cases_notes_CaseId",
                table: "cases_notes");

            migrationBuilder.DropIndex(
                name: "IX_cases_messages_CaseId",
                table: "cases_messages");

            migrationBuilder.DropIndex(
                name: "IX_cases_files_CaseId",
                table: "cases_files");

            migrationBuilder.DropIndex(
                name: "IX_cases_files_DraftId",
                table: "cases_files");

            migrationBuilder.DropIndex(
                name: "IX_cases_events_CaseId",
                table: "cases_events");

            migrationBuilder.DropIndex(
                name: "IX_cases_attributes_CaseId_Key",
                table: "cases_attributes");

            migrationBuilder.CreateIndex(
                name: "IX_cases_signatures_CaseId_TenantId",
                table: "cases_signatures",
                columns: new[] { "CaseId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_notes_CaseId_TenantId",
                table: "cases_notes",
                columns: new[] { "CaseId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_messages_CaseId_TenantId",
                table: "cases_messages",
                columns: new[] { "CaseId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_files_CaseId_TenantId",
                table: "cases_files",
                columns: new[] { "CaseId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_files_DraftId_TenantId",
                table: "cases_files",
                columns: new[] { "DraftId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_events_CaseId_TenantId",
                table: "cases_events",
                columns: new[] { "CaseId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_attributes_CaseId_TenantId_Key",
                table: "cases_attributes",
                columns: new[] { "CaseId", "TenantId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_signatures_CaseId_TenantId",
                table: "cases_signatures");

            migrationBuilder.DropIndex(
                name: "IX_cases_notes_CaseId_TenantId",
                table: "cases_notes");

            migrationBuilder.DropIndex(
                name: "IX_cases_messages_CaseId_TenantId",
                table: "cases_messages");

            migrationBuilder.DropIndex(
                name: "IX_cases_files_CaseId_TenantId",
                table: "cases_files");

            migrationBuilder.DropIndex(
                name: "IX_cases_files_DraftId_TenantId",
                table: "cases_files");

            migrationBuilder.DropIndex(
                name: "IX_cases_events_CaseId_TenantId",
                table: "cases_events");

            migrationBuilder.DropIndex(
                name: "IX_cases_attributes_CaseId_TenantId_Key",
                table: "cases_attributes");

            migrationBuilder.CreateIndex(
                name: "IX_cases_signatures_CaseId",
                table: "cases_signatures",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_notes_CaseId",
                table: "cases_notes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_messages_CaseId",
                table: "cases_messages",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_files_CaseId",
                table: "cases_files",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_files_DraftId",
                table: "cases_files",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_events_CaseId",
                table: "cases_events",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_attributes_CaseId_Key",
                table: "cases_attributes",
                columns: new[] { "CaseId", "Key" },
                unique: true);
        }
    }
}
