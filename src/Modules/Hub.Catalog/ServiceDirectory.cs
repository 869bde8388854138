using System.Collections.Concurrent;
using Hub.Abstractions;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Packages.Contracts;
using Hub.Search.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog;

/// <summary>
/// What the node holds in memory about tenants' services: each tenant's published versions (re-read from the database
/// at most every <see cref="Freshness"/>, and at once after a change on this node) and parsed versions by id (versions
/// are immutable, so those never go stale).
/// </summary>
internal sealed class ServiceCache(IMemoryCache versions, ServiceSearchIndexes searchIndexes, TimeProvider clock)
{
    /// <summary>How long another node may show the previous published version after a change.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, TenantServices> tenants = new();

    public ServiceSearchIndexes SearchIndexes => searchIndexes;

    public TenantServices? Published(Guid tenantId) =>
        tenants.TryGetValue(tenantId, out var entry) && clock.GetUtcNow() - entry.LoadedAt < Freshness ? entry : null;

    public void SetPublished(Guid tenantId, TenantServices services) => tenants[tenantId] = services;

    /// <summary>Forgets the tenant's published versions and search index after a change on this node.</summary>
    public void Invalidate(Guid tenantId)
    {
        tenants.TryRemove(tenantId, out _);
        searchIndexes.Remove(tenantId);
    }

    /// <summary>A version already parsed on this node, if any (keyed by tenant, so no other tenant's version is found).</summary>
    public PublishedService? CachedVersion(Guid tenantId, Guid versionId) =>
        versions.TryGetValue((tenantId, versionId), out PublishedService? found) ? found : null;

    public PublishedService Version(Guid tenantId, Guid serviceId, Guid versionId, string version, string hash, string content) =>
        versions.GetOrCreate((tenantId, versionId), entry =>
        {
            entry.Size = 1;
            var (package, problems) = ServicePackageJson.Read(content);
            return package is null
                ? throw new InvalidOperationException($"Stored service version {versionId} does not read: {string.Join("; ", problems)}")
                : new PublishedService(serviceId, versionId, version, hash, package);
        })!;
}

/// <summary>One tenant's published services, as loaded at <see cref="LoadedAt"/>.</summary>
internal sealed record TenantServices(DateTimeOffset LoadedAt, IReadOnlyList<PublishedService> All)
{
    public PublishedService? Find(string key) => All.FirstOrDefault(s => s.Key == key);
}

internal sealed class ServiceDirectory(IServiceProvider services, ITenantContext tenantContext, ServiceCache cache, TimeProvider clock) : IServiceDirectory
{
    private CatalogDbContext? db;

    // Resolved on first use only: a version or list served from the cache needs no DbContext (creating one costs
    // more than the cache look-up it would be created for).
    private CatalogDbContext Db => db ??= services.GetRequiredService<CatalogDbContext>();

    private static readonly StringComparer SwedishOrder = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), ignoreCase: true);

    public async Task<IReadOnlyList<PublishedService>> ListPublishedAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).All;

    public async Task<PublishedService?> FindPublishedAsync(string key, CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).Find(key);

    public async Task<PublishedService?> FindVersionAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId();
        if (cache.CachedVersion(tenantId, versionId) is { } cached)
        {
            return cached;
        }

        var row = await Db.Versions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.ServiceId, v.Id, v.Version, v.ContentHash, v.Content })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : cache.Version(tenantId, row.ServiceId, row.Id, row.Version, row.ContentHash, row.Content);
    }

    public async Task<IReadOnlyList<string>> SearchAsync(string query, string language, int max, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId();
        var services = await LoadAsync(cancellationToken);
        if (!cache.SearchIndexes.Contains(tenantId))
        {
            cache.SearchIndexes.For(tenantId).Replace(services.All.SelectMany(SearchDocuments));
        }

        return cache.SearchIndexes.For(tenantId).Search(query, language, max).Select(h => h.ServiceKey).ToList();
    }

    private static IEnumerable<ServiceSearchDocument> SearchDocuments(PublishedService service)
    {
        var package = service.Package;
        foreach (var language in package.Form.Languages)
        {
            yield return new ServiceSearchDocument(
                service.Key,
                language,
                package.Title.Pick(language, package.Form.DefaultLanguage).Text,
                package.Summary.Pick(language, package.Form.DefaultLanguage).Text,
                ServiceCategories.Name(package.Category, language),
                package.Keywords.TryGetValue(language, out var words) ? words : []);
        }
    }

    private async Task<TenantServices> LoadAsync(CancellationToken cancellationToken)
    {
        var tenantId = TenantId();
        if (cache.Published(tenantId) is { } cached)
        {
            return cached;
        }

        var rows = await (from service in Db.Services.AsNoTracking()
                          join version in Db.Versions.AsNoTracking() on service.PublishedVersionId equals version.Id
                          select new { version.ServiceId, version.Id, version.Version, version.ContentHash, version.Content })
            .ToListAsync(cancellationToken);
        var all = rows.Select(r => cache.Version(tenantId, r.ServiceId, r.Id, r.Version, r.ContentHash, r.Content))
            .OrderBy(s => s.Package.Title.Pick("sv", s.Form.DefaultLanguage).Text, SwedishOrder)
            .ToList();
        var loaded = new TenantServices(clock.GetUtcNow(), all);
        cache.SetPublished(tenantId, loaded);
        return loaded;
    }

    private Guid TenantId() => tenantContext.Tenant?.Id ?? throw new InvalidOperationException("No current tenant.");
}
