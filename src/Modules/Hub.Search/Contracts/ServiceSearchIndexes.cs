using System.Collections.Concurrent;

namespace Hub.Search.Contracts;

/// <summary>
/// One <see cref="IServiceSearchIndex"/> per tenant, created on first use. A tenant nobody has searched or indexed has
/// no entry and costs nothing; an index that was never filled holds no Lucene structures either. Register as a singleton.
/// </summary>
public sealed class ServiceSearchIndexes : IDisposable
{
    private readonly ConcurrentDictionary<Guid, Lazy<ServiceSearchIndex>> indexes = new();

    /// <summary>The tenant's index, created empty on first use; the caller fills it with <see cref="IServiceSearchIndex.Replace"/>.</summary>
    public IServiceSearchIndex For(Guid tenantId) =>
        indexes.GetOrAdd(tenantId, static _ => new Lazy<ServiceSearchIndex>(() => new ServiceSearchIndex())).Value;

    /// <summary>Whether the tenant's index exists yet (e.g. to rebuild it from the database on first use).</summary>
    public bool Contains(Guid tenantId) => indexes.ContainsKey(tenantId);

    /// <summary>Drops the tenant's index (tenant removed, or to free memory); the next <see cref="For"/> starts empty.</summary>
    public void Remove(Guid tenantId)
    {
        if (indexes.TryRemove(tenantId, out var index) && index.IsValueCreated)
        {
            index.Value.Dispose();
        }
    }

    /// <summary>Number of tenants with an index (for diagnostics).</summary>
    public int Count => indexes.Count;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tenantId in indexes.Keys)
        {
            Remove(tenantId);
        }
    }
}
