using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_service_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_service_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_service_versions_catalog_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "catalog_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_service_versions_ServiceId_Version",
                table: "catalog_service_versions",
                columns: new[] { "ServiceId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_service_versions_TenantId",
                table: "catalog_service_versions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_services_TenantId",
                table: "catalog_services",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_services_TenantId_Key",
                table: "catalog_services",
                columns: new[] { "TenantId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_service_versions");

            migrationBuilder.DropTable(
                name: "catalog_services");
        }
    }
}
