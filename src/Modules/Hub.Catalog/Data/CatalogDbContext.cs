using Hub.Abstractions;
using Hub.Catalog.Adoption;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Domain;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Catalog.Data;

/// <summary>
/// A tenant's services, their versions and the studio's drafts (tenant-owned, filtered); and the hub's shared catalogue
/// (hub-owned, cross-tenant, reached only through <see cref="ICrossTenantCatalogue"/>).
/// </summary>
internal class CatalogDbContext(DbContextOptions options, ITenantContext? tenantContext) : DbContext(options), ITenantScopedDbContext
{
    public Guid? CurrentTenantId => tenantContext?.Tenant?.Id;

    public DbSet<Service> Services => Set<Service>();

    public DbSet<ServiceVersion> Versions => Set<ServiceVersion>();

    public DbSet<ServiceDraft> Drafts => Set<ServiceDraft>();

    public DbSet<CataloguePackage> CataloguePackages => Set<CataloguePackage>();

    public DbSet<CataloguePackageVersion> CatalogueVersions => Set<CataloguePackageVersion>();

    public DbSet<CatalogueReview> CatalogueReviews => Set<CatalogueReview>();

    public DbSet<CatalogueReviewRules> CatalogueRules => Set<CatalogueReviewRules>();

    public DbSet<CatalogueAdoption> Adoptions => Set<CatalogueAdoption>();

    public DbSet<CatalogueContribution> Contributions => Set<CatalogueContribution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var service = modelBuilder.Entity<Service>();
        service.ToTable("catalog_services");
        service.Property(s => s.Key).HasMaxLength(64);
        service.HasIndex(s => new { s.TenantId, s.Key }).IsUnique();

        var version = modelBuilder.Entity<ServiceVersion>();
        version.ToTable("catalog_service_versions");
        version.Property(v => v.Version).HasMaxLength(32);
        version.Property(v => v.ContentHash).HasMaxLength(64);
        version.Property(v => v.ChangeNote).HasMaxLength(2000);
        version.HasIndex(v => new { v.ServiceId, v.Version }).IsUnique();
        version.HasOne<Service>().WithMany().HasForeignKey(v => v.ServiceId).OnDelete(DeleteBehavior.Cascade);

        var draft = modelBuilder.Entity<ServiceDraft>();
        draft.ToTable("catalog_service_drafts");
        draft.Property(d => d.ServiceKey).HasMaxLength(64);
        draft.Property(d => d.UpdatedBy).HasMaxLength(256);
        draft.Property(d => d.Revision).IsConcurrencyToken();
        draft.HasIndex(d => new { d.TenantId, d.ServiceKey }).IsUnique();
        ConfigureCatalogue(modelBuilder);
        modelBuilder.ApplyTenantQueryFilters(this);
    }

    private static void ConfigureCatalogue(ModelBuilder modelBuilder)
    {
        var package = modelBuilder.Entity<CataloguePackage>();
        package.ToTable("catalog_packages");
        package.Property(p => p.ServiceKey).HasMaxLength(64);
        package.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        package.Property(p => p.StatusReason).HasMaxLength(2000);
        package.Property(p => p.Category).HasMaxLength(64);
        package.Property(p => p.TitleSv).HasMaxLength(200);
        package.Property(p => p.TitleEn).HasMaxLength(200);
        package.Property(p => p.SummarySv).HasMaxLength(500);
        package.Property(p => p.SummaryEn).HasMaxLength(500);
        package.Property(p => p.Revision).IsConcurrencyToken();
        package.HasIndex(p => new { p.OwnerTenantId, p.ServiceKey }).IsUnique();
        package.HasIndex(p => new { p.Status, p.Category });

        var version = modelBuilder.Entity<CataloguePackageVersion>();
        version.ToTable("catalog_package_versions");
        version.Property(v => v.Version).HasMaxLength(32);
        version.Property(v => v.ContentHash).HasMaxLength(64);
        version.Property(v => v.Changelog).HasMaxLength(2000);
        version.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        version.Property(v => v.Category).HasMaxLength(64);
        version.Property(v => v.Description).HasMaxLength(4000);
        version.Property(v => v.Origin).HasConversion<string>().HasMaxLength(20);
        version.Property(v => v.OriginDetail).HasMaxLength(200);
        version.Property(v => v.LegalBasis).HasMaxLength(500);
        version.Property(v => v.Maturity).HasConversion<string>().HasMaxLength(20);
        version.Property(v => v.ContactName).HasMaxLength(100);
        version.Property(v => v.ContactEmail).HasMaxLength(120);
        version.Property(v => v.SubmittedBy).HasMaxLength(256);
        version.Property(v => v.SubmitterEmail).HasMaxLength(256);
        // Not unique: a number refused or replaced in review may be submitted again; the catalogue checks approved ones.
        version.HasIndex(v => new { v.PackageId, v.Version });
        version.HasIndex(v => v.Status);
        version.HasOne<CataloguePackage>().WithMany().HasForeignKey(v => v.PackageId).OnDelete(DeleteBehavior.Cascade);

        var review = modelBuilder.Entity<CatalogueReview>();
        review.ToTable("catalog_package_reviews");
        review.Property(r => r.ReviewerUserName).HasMaxLength(256);
        review.Property(r => r.ReviewerName).HasMaxLength(256);
        review.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        review.Property(r => r.Comment).HasMaxLength(4000);
        review.HasIndex(r => r.PackageVersionId);
        review.HasOne<CataloguePackageVersion>().WithMany().HasForeignKey(r => r.PackageVersionId).OnDelete(DeleteBehavior.Cascade);

        var rules = modelBuilder.Entity<CatalogueReviewRules>();
        rules.ToTable("catalog_review_rules");
        rules.Property(r => r.Id).ValueGeneratedNever();
        rules.Property(r => r.RequiredDocumentKinds).HasMaxLength(200);
        rules.Ignore(r => r.RequiredDocuments);

        var adoption = modelBuilder.Entity<CatalogueAdoption>();
        adoption.ToTable("catalog_adoptions");
        adoption.Property(a => a.ServiceKey).HasMaxLength(64);
        adoption.Property(a => a.AutoOutcome).HasMaxLength(2000);
        adoption.Property(a => a.AdoptedBy).HasMaxLength(256);
        adoption.Property(a => a.ContactEmail).HasMaxLength(256);
        adoption.Property(a => a.Revision).IsConcurrencyToken();
        adoption.HasIndex(a => new { a.AdopterTenantId, a.PackageId }).IsUnique();
        adoption.HasIndex(a => new { a.AdopterTenantId, a.ServiceKey }).IsUnique();
        adoption.HasIndex(a => a.PackageId);
        adoption.HasOne<CataloguePackage>().WithMany().HasForeignKey(a => a.PackageId).OnDelete(DeleteBehavior.Cascade);

        var contribution = modelBuilder.Entity<CatalogueContribution>();
        contribution.ToTable("catalog_contributions");
        contribution.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        contribution.Property(c => c.Message).HasMaxLength(2000);
        contribution.Property(c => c.Subjects).HasMaxLength(20000);
        contribution.Property(c => c.DecisionReason).HasMaxLength(2000);
        contribution.Property(c => c.ProposedBy).HasMaxLength(256);
        contribution.Property(c => c.ProposerEmail).HasMaxLength(256);
        contribution.Property(c => c.DecidedBy).HasMaxLength(256);
        contribution.HasIndex(c => new { c.PackageId, c.Status });
        contribution.HasOne<CataloguePackage>().WithMany().HasForeignKey(c => c.PackageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SqliteCatalogDbContext(DbContextOptions options, ITenantContext? tenantContext) : CatalogDbContext(options, tenantContext);

internal sealed class PostgresCatalogDbContext(DbContextOptions options, ITenantContext? tenantContext) : CatalogDbContext(options, tenantContext);

internal sealed class SqliteCatalogDesignFactory : IDesignTimeDbContextFactory<SqliteCatalogDbContext>
{
    public SqliteCatalogDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnection("Data Source=design.db"), CatalogModule.Name), null);
}

internal sealed class PostgresCatalogDesignFactory : IDesignTimeDbContextFactory<PostgresCatalogDbContext>
{
    public PostgresCatalogDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Postgres, new Npgsql.NpgsqlConnection("Host=localhost"), CatalogModule.Name), null);
}
