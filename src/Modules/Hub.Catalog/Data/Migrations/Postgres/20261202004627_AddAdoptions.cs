using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Catalog.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdopterTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BaseVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Following = table.Column<bool>(type: "boolean", nullable: false),
                    PreviousBaseVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    PreviousLocalVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    AutoTriedVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    AutoOutcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AdoptedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AdoptedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdoptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    BaseVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Subjects = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposerEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ProposedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreditedVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
