using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Cases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddServiceDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_service_delivery",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Pull = table.Column<bool>(type: "INTEGER", nullable: false),
                    PushWebhookId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PushFormat = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AlertAfterHours = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_service_delivery", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_service_delivery_TenantId",
                table: "cases_service_delivery",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_service_delivery_TenantId_ServiceKey",
                table: "cases_service_delivery",
                columns: new[] { "TenantId", "ServiceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_service_delivery");
        }
    }
}
