using Hub.Search.Contracts;

namespace Hub.Catalog.Catalogue;

/// <summary>
/// The catalogue's search index on this node: the Search module's Lucene.Net index with its Swedish analysis (stems,
/// compound parts), one index for the whole catalogue. Rebuilt from the database when a change on this node made it
/// stale, and at least every <see cref="Freshness"/> so other nodes' changes show.
/// </summary>
internal sealed class CatalogueSearch(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    // One private ServiceSearchIndexes holding a single index keyed by Guid.Empty: it is the Search module's public way to
    // own an index, and keeps the catalogue's documents apart from every tenant's own e-service index.
    private readonly ServiceSearchIndexes indexes = new();
    private DateTimeOffset builtAt = DateTimeOffset.MinValue;
    private volatile bool stale = true;

    public bool NeedsBuild => stale || clock.GetUtcNow() - builtAt > Freshness;

    public void Replace(IEnumerable<ServiceSearchDocument> documents)
    {
        stale = false;
        indexes.For(Guid.Empty).Replace(documents);
        builtAt = clock.GetUtcNow();
    }

    public IReadOnlyList<ServiceSearchHit> Search(string query, string language, int max) => indexes.For(Guid.Empty).Search(query, language, max);

    public void Invalidate() => stale = true;

    public void Dispose() => indexes.Dispose();
}
