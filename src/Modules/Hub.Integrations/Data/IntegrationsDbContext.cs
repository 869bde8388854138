using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Integrations.Data;

/// <summary>The e-mail outbox, durable timers, and webhooks with their events and deliveries. Rows are tenant-owned: a tenant's scope sees and writes only its own messages.</summary>
internal class IntegrationsDbContext(DbContextOptions options, ITenantContext? tenantContext) : DbContext(options), ITenantScopedDbContext
{
    public Guid? CurrentTenantId => tenantContext?.Tenant?.Id;

    public DbSet<OutgoingEmailMessage> OutgoingEmails => Set<OutgoingEmailMessage>();

    public DbSet<DurableTimer> Timers => Set<DurableTimer>();

    public DbSet<Webhook> Webhooks => Set<Webhook>();

    public DbSet<IntegrationEventRecord> Events => Set<IntegrationEventRecord>();

    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

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
        modelBuilder.Entity<Webhook>(webhook =>
        {
            webhook.ToTable("integrations_webhooks");
            webhook.HasKey(w => w.Id);
            webhook.Property(w => w.Id).ValueGeneratedNever();
            webhook.Property(w => w.Name).HasMaxLength(100);
            webhook.Property(w => w.Url).HasMaxLength(2000);
            webhook.Property(w => w.ProtectedSecret).HasMaxLength(1000);
            webhook.Property(w => w.EventTypes).HasMaxLength(500);
            webhook.Property(w => w.CreatedBy).HasMaxLength(256);
            webhook.HasIndex(w => w.TenantId);
        });
        modelBuilder.Entity<IntegrationEventRecord>(record =>
        {
            record.ToTable("integrations_events");
            record.HasKey(e => e.Id);
            record.Property(e => e.Id).ValueGeneratedNever();
            record.Property(e => e.Type).HasMaxLength(64);
            record.Property(e => e.Subject).HasMaxLength(200);
            record.HasIndex(e => new { e.TenantId, e.OccurredAt });
        });
        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("integrations_webhook_deliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Id).ValueGeneratedNever();
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            delivery.Property(d => d.LastError).HasMaxLength(2000);
            delivery.Property(d => d.LeaseOwner).HasMaxLength(200);
            // The dispatcher's claim: pending deliveries that are due.
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
            delivery.HasIndex(d => new { d.TenantId, d.WebhookId });
            delivery.HasIndex(d => new { d.TenantId, d.CreatedAt });
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
