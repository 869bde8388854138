using System.Globalization;
using Hub.Search.Contracts;
using Hub.Search.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Hub.Search;

/// <summary>
/// One tenant's e-service index in memory. <see cref="Replace"/> builds a complete new index aside and swaps it in at
/// once; searches hold a reference on the snapshot they started with, which is closed when the last of them finishes.
/// An index that was never filled allocates nothing from Lucene.
/// </summary>
internal sealed class ServiceSearchIndex : IServiceSearchIndex, IDisposable
{
    /// <summary>Most hits one search returns, whatever the caller asks for.</summary>
    public const int MaxHits = 100;

    private readonly System.Threading.Lock replacing = new();
    private Snapshot? current;

    public void Replace(IEnumerable<ServiceSearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lock (replacing)
        {
            var next = Snapshot.Build(documents);
            var previous = Interlocked.Exchange(ref current, next);
            previous?.Release();
        }
    }

    public IReadOnlyList<ServiceSearchHit> Search(string query, string language, int max)
    {
        if (max <= 0)
        {
            return [];
        }

        var lang = SearchFields.NormalizeLanguage(language);
        var words = QueryBuilder.Words(query, lang);
        if (words.Count == 0 || Acquire() is not { } snapshot)
        {
            return [];
        }

        try
        {
            var n = Math.Min(max, MaxHits);
            var hits = snapshot.Search(QueryBuilder.All(words, lang), n);
            if (hits.Count == 0 && words.Count > 1)
            {
                hits = snapshot.Search(QueryBuilder.Any(words, lang), n);
            }

            if (hits.Count == 0)
            {
                hits = snapshot.Search(QueryBuilder.Fuzzy(words, lang), n);
            }

            return hits;
        }
        finally
        {
            snapshot.Release();
        }
    }

    public void Dispose()
    {
        lock (replacing)
        {
            Interlocked.Exchange(ref current, null)?.Release();
        }
    }

    private Snapshot? Acquire()
    {
        while (true)
        {
            var snapshot = Volatile.Read(ref current);
            if (snapshot is null || snapshot.TryAcquire())
            {
                return snapshot;
            }

            // Replaced and closed between the read and the acquire: the field holds the newer one by now.
        }
    }

    /// <summary>An immutable index with a reference count: one for being current, one per running search.</summary>
    private sealed class Snapshot
    {
        private readonly RAMDirectory directory;
        private readonly DirectoryReader reader;
        private readonly IndexSearcher searcher;
        private int references = 1;

        private Snapshot(RAMDirectory directory, DirectoryReader reader)
        {
            this.directory = directory;
            this.reader = reader;
            searcher = new IndexSearcher(reader);
        }

        public static Snapshot Build(IEnumerable<ServiceSearchDocument> documents)
        {
            var directory = new RAMDirectory();
            try
            {
                using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.Index)))
                {
                    foreach (var document in documents)
                    {
                        if (document is not null && ToLucene(document) is { } lucene)
                        {
                            writer.AddDocument(lucene);
                        }
                    }

                    writer.Commit();
                }

                return new Snapshot(directory, DirectoryReader.Open(directory));
            }
            catch
            {
                directory.Dispose();
                throw;
            }
        }

        public bool TryAcquire()
        {
            var seen = Volatile.Read(ref references);
            while (seen > 0)
            {
                var was = Interlocked.CompareExchange(ref references, seen + 1, seen);
                if (was == seen)
                {
                    return true;
                }

                seen = was;
            }

            return false;
        }

        public void Release()
        {
            if (Interlocked.Decrement(ref references) == 0)
            {
                reader.Dispose();
                directory.Dispose();
            }
        }

        public List<ServiceSearchHit> Search(Query query, int max)
        {
            var top = searcher.Search(query, max);
            var hits = new List<ServiceSearchHit>(top.ScoreDocs.Length);
            foreach (var scoreDoc in top.ScoreDocs)
            {
                var doc = searcher.Doc(scoreDoc.Doc);
                hits.Add(new ServiceSearchHit(doc.Get(SearchFields.Key, CultureInfo.InvariantCulture), doc.Get(SearchFields.DisplayTitle, CultureInfo.InvariantCulture), scoreDoc.Score));
            }

            return hits;
        }

        private static Document? ToLucene(ServiceSearchDocument source)
        {
            var language = SearchFields.NormalizeLanguage(source.Language);
            if (string.IsNullOrEmpty(source.ServiceKey) || language.Length == 0)
            {
                return null;
            }

            var title = source.Title ?? "";
            var tags = string.Join(" ", new[] { source.Category }.Concat(source.Keywords ?? []).Where(t => !string.IsNullOrWhiteSpace(t)));
            var document = new Document
            {
                new StringField(SearchFields.Key, source.ServiceKey, Field.Store.YES),
                new StringField(SearchFields.Language, language, Field.Store.NO),
                new StoredField(SearchFields.DisplayTitle, title),
                new TextField(SearchFields.Title(language), title, Field.Store.NO),
                new TextField(SearchFields.TitleParts, title, Field.Store.NO),
                new TextField(SearchFields.Tags(language), tags, Field.Store.NO),
                new TextField(SearchFields.TagsParts, tags, Field.Store.NO),
            };
            if (!string.IsNullOrWhiteSpace(source.Summary))
            {
                document.Add(new TextField(SearchFields.Summary(language), source.Summary, Field.Store.NO));
            }

            return document;
        }
    }
}
