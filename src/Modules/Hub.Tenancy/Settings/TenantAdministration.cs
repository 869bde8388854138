using Hub.Abstractions;
using Hub.Tenancy.Data;
using Hub.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace Hub.Tenancy.Settings;

/// <summary>Changes to tenants made from the admin pages; every change refreshes the registry snapshot.</summary>
internal sealed class TenantAdministration(TenancyDbContext db, TenantRegistry registry, TimeProvider clock)
{
    public async Task<IReadOnlyList<SettingsError>> UpdateSettingsAsync(Guid tenantId, TenantSettings settings, CancellationToken cancellationToken)
    {
        var errors = TenantSettingsValidator.Validate(settings);
        if (errors.Count > 0)
        {
            return errors;
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        tenant.UpdateSettings(settings, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await registry.RefreshAsync(cancellationToken);
        return [];
    }

    public async Task<TenantSnapshot?> FindAsync(string slug, CancellationToken cancellationToken) =>
        (await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken))?.ToSnapshot();

    /// <summary>Host names other tenants already answer to.</summary>
    public async Task<HashSet<string>> HostNamesOfOthersAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var others = await db.Tenants.AsNoTracking().Where(t => t.Id != tenantId).Select(t => t.HostNames).ToListAsync(cancellationToken);
        return others.SelectMany(h => h).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public async Task UpdateTenantAsync(
        Guid tenantId, string displayName, IReadOnlyList<string> hostNames, IReadOnlyList<string> features, TenantState state,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        tenant.UpdateSettings(tenant.Settings.ToSettings() with { DisplayName = displayName }, now);
        tenant.SetHostNames(hostNames, now);
        tenant.SetFeatures(features, now);
        tenant.SetState(state, now);
        await db.SaveChangesAsync(cancellationToken);
        await registry.RefreshAsync(cancellationToken);
    }
}
