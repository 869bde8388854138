using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Integrations.Data;

/// <summary>The e-mail outbox and durable timers. Rows are tenant-owned: a tenant's scope sees and writes only its own messages.</summary>
internal class IntegrationsDbContext(DbContextOptions options, ITenantContext? tenantContext) : DbContext(options), ITenantScopedDbContext
{
    public Guid? CurrentTenantId => tenantContext?.Tenant?.Id;

    public DbSet<OutgoingEmailMessage> OutgoingEmails => Set<OutgoingEmailMessage>();

    public DbSet<DurableTimer> Timers => Set<DurableTimer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutgoingEmailMessage>(email =>
        {
            email.ToTable("integrations_outgoing_emails");
            email.HasKey(e => e.Id);
            email.Property(e => e.Id).ValueGeneratedNever();
            email.Property(e => e.To).HasMaxLength(320);
            email.Property(e => e.SenderName).HasMaxLength(200);
            email.Property(e => e.Subject).HasMaxLength(998);
            email.Property(e => e.Language).HasMaxLength(35);
            email.Property(e => e.MessageId).HasMaxLength(200);
            email.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            email.Property(e => e.LastError).HasMaxLength(2000);
            email.Property(e => e.LeaseOwner).HasMaxLength(200);
            email.HasIndex(e => e.MessageId).IsUnique();
            // The dispatcher's claim: queued rows that are due.
            email.HasIndex(e => new { e.Status, e.NextAttemptAt });
        });
        modelBuilder.Entity<DurableTimer>(timer =>
        {
            timer.ToTable("integrations_timers");
            timer.HasKey(t => t.Id);
            timer.Property(t => t.Id).ValueGeneratedNever();
            timer.Property(t => t.Kind).HasMaxLength(64);
            timer.Property(t => t.Subject).HasMaxLength(200);
            timer.Property(t => t.Payload).HasMaxLength(4000);
            timer.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
            timer.Property(t => t.LastError).HasMaxLength(2000);
            timer.Property(t => t.LeaseOwner).HasMaxLength(200);
            // The worker's claim: pending timers that are due.
            timer.HasIndex(t => new { t.Status, t.NextAttemptAt });
            timer.HasIndex(t => new { t.TenantId, t.Kind, t.Subject });
        });
        modelBuilder.ApplyTenantQueryFilters(this);
    }
}

internal sealed class SqliteIntegrationsDbContext(DbContextOptions options, ITenantContext? tenantContext)
    : IntegrationsDbContext(options, tenantContext);

internal sealed class PostgresIntegrationsDbContext(DbContextOptions options, ITenantContext? tenantContext)
    : IntegrationsDbContext(options, tenantContext);

internal sealed class SqliteIntegrationsDesignFactory : IDesignTimeDbContextFactory<SqliteIntegrationsDbContext>
{
    public SqliteIntegrationsDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnection("Data Source=design.db"), IntegrationsModule.Name), null);
}

internal sealed class PostgresIntegrationsDesignFactory : IDesignTimeDbContextFactory<PostgresIntegrationsDbContext>
{
    public PostgresIntegrationsDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Postgres, new Npgsql.NpgsqlConnection("Host=localhost"), IntegrationsModule.Name), null);
}
