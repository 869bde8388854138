using Hub.Abstractions;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Audit.Data;

/// <summary>One recorded event; rows are never updated or deleted (triggers refuse both).</summary>
internal sealed class AuditRecord : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTime AtUtc { get; set; }

    public string Action { get; set; } = "";

    public string SubjectType { get; set; } = "";

    public string SubjectId { get; set; } = "";

    public string Actor { get; set; } = "";

    public string? Details { get; set; }
}

/// <summary>The audit trail; rows are tenant-owned.</summary>
internal class AuditDbContext(DbContextOptions options, ITenantContext? tenantContext) : DbContext(options), ITenantScopedDbContext
{
    public Guid? CurrentTenantId => tenantContext?.Tenant?.Id;

    public DbSet<AuditRecord> Events => Set<AuditRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable("audit_events");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Action).HasMaxLength(64);
            e.Property(r => r.SubjectType).HasMaxLength(64);
            e.Property(r => r.SubjectId).HasMaxLength(200);
            e.Property(r => r.Actor).HasMaxLength(200);
            e.Property(r => r.Details).HasMaxLength(4000);
            e.HasIndex(r => new { r.TenantId, r.SubjectType, r.SubjectId });
        });
        modelBuilder.ApplyTenantQueryFilters(this);
    }
}

internal sealed class SqliteAuditDbContext(DbContextOptions options, ITenantContext? tenantContext) : AuditDbContext(options, tenantContext);

internal sealed class PostgresAuditDbContext(DbContextOptions options, ITenantContext? tenantContext) : AuditDbContext(options, tenantContext);

internal sealed class SqliteAuditDesignFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnection("Data Source=design.db"), AuditModule.Name), null);
}

internal sealed class PostgresAuditDesignFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Postgres, new Npgsql.NpgsqlConnection("Host=localhost"), AuditModule.Name), null);
}
