using System.Collections.Frozen;
using Hub.Abstractions;
using Hub.Tenancy.Contracts;
using Hub.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tenancy.Resolution;

/// <summary>
/// Holds an immutable snapshot of all tenants. Requests read it without locks; a refresh swaps in a new one.
/// 1,000 tenants cost a few hundred kilobytes here and nothing else until a request comes.
/// </summary>
internal sealed class TenantRegistry(IServiceScopeFactory scopes) : ITenantDirectory, IDisposable
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile Snapshot current = Snapshot.Empty;

    public Snapshot Current => current;

    public void Dispose() => refreshing.Dispose();

    public IReadOnlyList<TenantSnapshot> All => current.All;

    public TenantSnapshot? Hub => current.FindBySlug(TenantSnapshot.HubSlug);

    public TenantSnapshot? FindBySlug(string slug) => current.FindBySlug(slug);

    public TenantSnapshot? FindById(Guid id) => current.FindById(id);

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
            var tenants = await db.Tenants.AsNoTracking().ToListAsync(cancellationToken);
            // The stamp comes from the very rows loaded: read separately, a change committed in between would give old
            // rows a new stamp, and the poll would never load them.
            current = Snapshot.Create(tenants.Select(t => t.ToSnapshot()), Stamp(tenants.Count, tenants.Sum(t => t.Version)));
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>A cheap fingerprint of the table: changes whenever a tenant is added or changed.</summary>
    public static async Task<string> StampAsync(TenancyDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.Tenants.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Sum = g.Sum(t => t.Version) })
            .FirstOrDefaultAsync(cancellationToken);
        return versions is null ? Stamp(0, 0) : Stamp(versions.Count, versions.Sum);
    }

    private static string Stamp(int count, long versionSum) => $"{count}:{versionSum}";

    internal sealed class Snapshot
    {
        private readonly FrozenDictionary<string, TenantSnapshot> bySlug;
        private readonly FrozenDictionary<string, TenantSnapshot> byHost;

        private Snapshot(IReadOnlyList<TenantSnapshot> all, string stamp)
        {
            All = all;
            Stamp = stamp;
            bySlug = all.ToFrozenDictionary(t => t.Slug, StringComparer.OrdinalIgnoreCase);
            byHost = all.SelectMany(t => t.HostNames.Select(h => (Host: h, Tenant: t)))
                .DistinctBy(p => p.Host, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(p => p.Host, p => p.Tenant, StringComparer.OrdinalIgnoreCase);
        }

        public static Snapshot Empty { get; } = new([], "");


        public IReadOnlyList<TenantSnapshot> All { get; }

        public string Stamp { get; }

        public static Snapshot Create(IEnumerable<TenantSnapshot> tenants, string stamp) => new(
            [.. tenants.OrderBy(t => t.IsHub ? 0 : 1).ThenBy(t => t.Settings.DisplayName, SwedishOrder)], stamp);

        /// <summary>Å, Ä, Ö after Z whoever's request triggered the refresh.</summary>
        private static readonly StringComparer SwedishOrder = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), ignoreCase: true);

        public TenantSnapshot? FindBySlug(string slug) => bySlug.GetValueOrDefault(slug);

        public TenantSnapshot? FindByHost(string host) => byHost.GetValueOrDefault(host);

        public TenantSnapshot? FindById(Guid id) => All.FirstOrDefault(t => t.Id == id);
    }
}
