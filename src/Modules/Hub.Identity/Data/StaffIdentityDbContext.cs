using Hub.Abstractions;
using Hub.Data;
using Hub.Identity.ApiClients;
using Hub.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Identity.Data;

/// <summary>Staff accounts and roles. Users are tenant-owned: a query sees only the current tenant's staff.</summary>
internal class StaffIdentityDbContext(DbContextOptions options, ITenantContext? tenantContext)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), ITenantScopedDbContext
{
    public Guid? CurrentTenantId => tenantContext?.Tenant?.Id;

    /// <summary>The tenant's API clients (docs/api.md).</summary>
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>(user =>
        {
            user.ToTable("identity_users");
            user.Property(u => u.DisplayName).HasMaxLength(100);
            // User names are unique per tenant, not across the hub: two municipalities may both have "admin".
            var globalIndex = user.Metadata.GetIndexes().Single(i => i.GetDatabaseName() == "UserNameIndex");
            user.Metadata.RemoveIndex(globalIndex);
            user.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique().HasDatabaseName("UserNameIndex");
        });
        builder.Entity<IdentityRole<Guid>>(role =>
        {
            role.ToTable("identity_roles");
            role.HasData(HubRoles.All.Select((name, index) => new IdentityRole<Guid>
            {
                Id = new Guid($"00000000-0000-0000-0000-00000000000{index + 1}"),
                Name = name,
                NormalizedName = name.ToUpperInvariant(),
                ConcurrencyStamp = $"role-{index + 1}",
            }));
        });
        builder.Entity<ApiClient>(client =>
        {
            client.ToTable("identity_api_clients");
            client.HasKey(c => c.Id);
            client.Property(c => c.ClientId).HasMaxLength(80);
            client.HasIndex(c => c.ClientId).IsUnique();
            client.HasIndex(c => c.TenantId);
            client.Property(c => c.Name).HasMaxLength(ApiClient.NameMaxLength);
            client.Property(c => c.Scopes).HasMaxLength(200);
            client.Property(c => c.SecretHash).HasMaxLength(64);
            client.Property(c => c.CreatedBy).HasMaxLength(200);
            client.Property(c => c.Revision).IsConcurrencyToken();
            client.Ignore(c => c.ScopeList);
            client.Ignore(c => c.IsActive);
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("identity_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("identity_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("identity_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("identity_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("identity_role_claims");
        builder.ApplyTenantQueryFilters(this);
    }
}

internal sealed class SqliteStaffIdentityDbContext(DbContextOptions options, ITenantContext? tenantContext)
    : StaffIdentityDbContext(options, tenantContext);

internal sealed class PostgresStaffIdentityDbContext(DbContextOptions options, ITenantContext? tenantContext)
    : StaffIdentityDbContext(options, tenantContext);

internal sealed class SqliteStaffIdentityDesignFactory : IDesignTimeDbContextFactory<SqliteStaffIdentityDbContext>
{
    public SqliteStaffIdentityDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Sqlite, new Microsoft.Data.Sqlite.SqliteConnection("Data Source=design.db"), IdentityModule.Name), null);
}

internal sealed class PostgresStaffIdentityDesignFactory : IDesignTimeDbContextFactory<PostgresStaffIdentityDbContext>
{
    public PostgresStaffIdentityDbContext CreateDbContext(string[] args) => new(
        HubDataModule.BuildOptions(DatabaseProvider.Postgres, new Npgsql.NpgsqlConnection("Host=localhost"), IdentityModule.Name), null);
}
