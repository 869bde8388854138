using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAdoptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_adoptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdopterTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BaseVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Following = table.Column<bool>(type: "INTEGER", nullable: false),
                    PreviousBaseVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PreviousLocalVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AutoTriedVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AutoOutcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AdoptedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AdoptedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_adoptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_adoptions_catalog_packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "catalog_packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_contributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdoptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BaseVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Subjects = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ProposedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreditedVersionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_contributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_contributions_catalog_packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "catalog_packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_adoptions_AdopterTenantId_PackageId",
                table: "catalog_adoptions",
                columns: new[] { "AdopterTenantId", "PackageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_adoptions_AdopterTenantId_ServiceKey",
                table: "catalog_adoptions",
                columns: new[] { "AdopterTenantId", "ServiceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_adoptions_PackageId",
                table: "catalog_adoptions",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_contributions_PackageId_Status",
                table: "catalog_contributions",
                columns: new[] { "PackageId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_adoptions");

            migrationBuilder.DropTable(
                name: "catalog_contributions");
        }
    }
}
