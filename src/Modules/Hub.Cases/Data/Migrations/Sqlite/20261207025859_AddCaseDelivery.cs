using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Cases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCaseDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeliveredBy",
                table: "cases_cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveredUtc",
                table: "cases_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryReference",
                table: "cases_cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_cases_TenantId_UpdatedUtc_Number",
                table: "cases_cases",
                columns: new[] { "TenantId", "UpdatedUtc", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_cases_TenantId_UpdatedUtc_Number",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "DeliveredBy",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "DeliveredUtc",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "DeliveryReference",
                table: "cases_cases");
        }
    }
}
