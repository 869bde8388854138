using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Cases.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Pull = table.Column<bool>(type: "boolean", nullable: false),
                    PushWebhookId = table.Column<Guid>(type: "uuid", nullable: true),
                    PushFormat = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AlertAfterHours = table.Column<int>(type: "integer", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
