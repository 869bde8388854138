using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Cases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddHandlingGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Lead = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_group_members",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_group_members", x => new { x.GroupId, x.UserName });
                    table.ForeignKey(
                        name: "FK_cases_group_members_cases_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "cases_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_group_members_TenantId",
                table: "cases_group_members",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_group_members_TenantId_UserName",
                table: "cases_group_members",
                columns: new[] { "TenantId", "UserName" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_groups_TenantId",
                table: "cases_groups",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_groups_TenantId_Key",
                table: "cases_groups",
                columns: new[] { "TenantId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_group_members");

            migrationBuilder.DropTable(
                name: "cases_groups");
        }
    }
}
