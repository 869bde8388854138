using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Data;

/// <summary>
/// The keys that protect sign-in and antiforgery cookies, kept in the hub's database so every web node reads the
/// same key ring: a cookie issued by one node is accepted by the others, and a restart signs nobody out.
/// </summary>
internal class DataProtectionKeysDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Module = "DataProtection";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
}

internal sealed class SqliteDataProtectionKeysDbContext(DbContextOptions options) : DataProtectionKeysDbContext(options);

internal sealed class PostgresDataProtectionKeysDbContext(DbContextOptions options) : DataProtectionKeysDbContext(options);

internal sealed class SqliteDataProtectionKeysDesignFactory : IDesignTimeDbContextFactory<SqliteDataProtectionKeysDbContext>
{
    public SqliteDataProtectionKeysDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnection("Data Source=design.db"), DataProtectionKeysDbContext.Module));
}

internal sealed class PostgresDataProtectionKeysDesignFactory : IDesignTimeDbContextFactory<PostgresDataProtectionKeysDbContext>
{
    public PostgresDataProtectionKeysDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Postgres, new Npgsql.NpgsqlConnection("Host=localhost"), DataProtectionKeysDbContext.Module));
}
