using Hub.Abstractions;
using Hub.Catalog.Domain;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Catalog.Data;

/// <summary>A tenant's services, their versions and the studio's drafts.</summary>
internal class CatalogDbContext(DbContextOptions options, ITenantContext? tenantContext) : DbContext(options), ITenantScopedDbContext
{
    public Guid? CurrentTenantId => tenantContext?.Tenant?.Id;

    public DbSet<Service> Services => Set<Service>();

    public DbSet<ServiceVersion> Versions => Set<ServiceVersion>();

    public DbSet<ServiceDraft> Drafts => Set<ServiceDraft>();

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
        modelBuilder.ApplyTenantQueryFilters(this);
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
