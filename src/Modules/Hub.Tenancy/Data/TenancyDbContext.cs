using Hub.Data;
using Hub.Tenancy.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Tenancy.Data;

/// <summary>The tenant registry's tables. Tenants are not tenant-owned rows: the registry is the hub's own.</summary>
internal class TenancyDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var tenant = modelBuilder.Entity<Tenant>();
        tenant.ToTable("tenancy_tenants");
        tenant.HasKey(t => t.Id);
        tenant.Property(t => t.Slug).HasMaxLength(40);
        tenant.HasIndex(t => t.Slug).IsUnique();
        tenant.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        tenant.Property(t => t.Version).IsConcurrencyToken();
        tenant.OwnsOne(t => t.Settings, settings => settings.ToJson());
    }
}

internal sealed class SqliteTenancyDbContext(DbContextOptions options) : TenancyDbContext(options);

internal sealed class PostgresTenancyDbContext(DbContextOptions options) : TenancyDbContext(options);

internal sealed class SqliteTenancyDesignFactory : IDesignTimeDbContextFactory<SqliteTenancyDbContext>
{
    public SqliteTenancyDbContext CreateDbContext(string[] args) =>
        new(HubDataModule.BuildOptions(DatabaseProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnection("Data Source=design.db"), TenancyModule.Name));
}

internal sealed class PostgresTenancyDesignFactory : IDesignTimeDbContextFactory<PostgresTenancyDbContext>
{
    public PostgresTenancyDbContext CreateDbContext(string[] args) =>
        new(HubDataModule.BuildOptions(DatabaseProvider.Postgres, new Npgsql.NpgsqlConnection("Host=localhost"), TenancyModule.Name));
}
