namespace Hub.Search.Contracts;

/// <summary>
/// The e-service search index of one tenant. Thread-safe: searches may run while <see cref="Replace"/> does; they see
/// either the old or the new documents, never a mix.
/// </summary>
public interface IServiceSearchIndex
{
    /// <summary>Replaces every document of the tenant's index (all languages) with <paramref name="documents"/>.</summary>
    void Replace(IEnumerable<ServiceSearchDocument> documents);

    /// <summary>
    /// Searches the documents of <paramref name="language"/> for what a person typed. Never throws for any
    /// <paramref name="query"/> text (empty, very long, punctuation, Lucene syntax): such text is searched as plain words
    /// or gives no hits. Input beyond 200 characters is ignored.
    /// </summary>
    /// <param name="query">Plain text as typed; never interpreted as query syntax.</param>
    /// <param name="language">Language of the documents to search (<c>sv</c>, <c>en</c>).</param>
    /// <param name="max">Most hits to return; zero or less gives none.</param>
    IReadOnlyList<ServiceSearchHit> Search(string query, string language, int max);
}
