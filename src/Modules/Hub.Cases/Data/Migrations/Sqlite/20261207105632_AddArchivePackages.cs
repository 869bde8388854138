using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Cases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddArchivePackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_archive_packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_archive_packages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_archive_packages_cases_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_archive_packages_CaseId",
                table: "cases_archive_packages",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_archive_packages_TenantId",
                table: "cases_archive_packages",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_archive_packages_TenantId_CaseId_Sequence",
                table: "cases_archive_packages",
                columns: new[] { "TenantId", "CaseId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_archive_packages");
        }
    }
}
