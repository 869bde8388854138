using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Identity.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoordinatorRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "identity_roles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[] { new Guid("00000000-0000-0000-0000-000000000006"), "role-6", "Coordinator", "COORDINATOR" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "identity_roles",
                keyColumn: "Id",
                keyValue: new Guid("00000000-0000-0000-0000-000000000006"));
        }
    }
}
