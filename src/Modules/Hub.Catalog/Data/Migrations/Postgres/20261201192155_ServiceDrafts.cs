using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Catalog.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_service_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    BaseVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_service_drafts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_service_drafts_TenantId",
                table: "catalog_service_drafts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_service_drafts_TenantId_ServiceKey",
                table: "catalog_service_drafts",
                columns: new[] { "TenantId", "ServiceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_service_drafts");
        }
    }
}
