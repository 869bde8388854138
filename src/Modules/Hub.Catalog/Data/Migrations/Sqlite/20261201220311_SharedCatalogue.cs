using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Catalog.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PublishedVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SummarySv = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Keywords = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_packages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_review_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredApprovals = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerMayApprove = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequiredDocumentKinds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_review_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_package_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Changelog = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OriginDetail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Maturity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Documents = table.Column<string>(type: "TEXT", nullable: false),
                    QualityFindings = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmitterEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_package_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_package_versions_catalog_packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "catalog_packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_package_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerTenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_package_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_package_reviews_catalog_package_versions_PackageVersionId",
                        column: x => x.PackageVersionId,
                        principalTable: "catalog_package_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_package_reviews_PackageVersionId",
                table: "catalog_package_reviews",
                column: "PackageVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_package_versions_PackageId_Version",
                table: "catalog_package_versions",
                columns: new[] { "PackageId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_package_versions_Status",
                table: "catalog_package_versions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_packages_OwnerTenantId_ServiceKey",
                table: "catalog_packages",
                columns: new[] { "OwnerTenantId", "ServiceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_packages_Status_Category",
                table: "catalog_packages",
                columns: new[] { "Status", "Category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_package_reviews");

            migrationBuilder.DropTable(
                name: "catalog_review_rules");

            migrationBuilder.DropTable(
                name: "catalog_package_versions");

            migrationBuilder.DropTable(
                name: "catalog_packages");
        }
    }
}
