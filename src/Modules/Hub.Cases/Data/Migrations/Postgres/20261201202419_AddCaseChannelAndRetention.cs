using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Cases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCaseChannelAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "cases_cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "digital");

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedUtc",
                table: "cases_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PersonalDataRemovedUtc",
                table: "cases_cases",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Channel",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "ClosedUtc",
                table: "cases_cases");

            migrationBuilder.DropColumn(
                name: "PersonalDataRemovedUtc",
                table: "cases_cases");
        }
    }
}
