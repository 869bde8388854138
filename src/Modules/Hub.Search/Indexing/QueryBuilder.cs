using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Hub.Search.Indexing;

/// <summary>
/// Builds Lucene queries from what a person typed, programmatically: the text only ever goes through an analyzer, never
/// through query syntax, so quotes, <c>*</c>, <c>~</c>, <c>AND</c> or brackets are plain characters (dropped by the
/// tokenizer, or searched as words).
/// </summary>
internal static class QueryBuilder
{
    /// <summary>Characters of a query that are looked at; the rest is ignored.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Words of a query that are looked at; the rest is ignored.</summary>
    public const int MaxWords = 12;

    private const float TitleBoost = 4f;
    private const float TagsBoost = 2f;
    private const float SummaryBoost = 1f;
    private const float TitlePartsBoost = 1.5f;
    private const float TagsPartsBoost = 0.75f;
    private const int FuzzyMinLength = 4;

    /// <summary>A query word: as typed (lower-cased) and its stem.</summary>
    public sealed record Word(string Surface, string Stem);

    /// <summary>The words of <paramref name="query"/>, at most <see cref="MaxWords"/>; empty when there are none.</summary>
    public static IReadOnlyList<Word> Words(string? query, string language)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var text = query.Length <= MaxQueryLength ? query : query[..CutAt(query, MaxQueryLength)];
        var stemmer = SearchAnalyzers.Stemmed(language);
        return SearchAnalyzers.Terms(SearchAnalyzers.Surface(language), text)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .Select(surface => new Word(surface, SearchAnalyzers.Terms(stemmer, surface).FirstOrDefault() ?? surface))
            .ToList();
    }

    /// <summary>Every word must match somewhere (title, keywords, summary, or inside a compound).</summary>
    public static FilteredQuery All(IReadOnlyList<Word> words, string language) => Combine(words, language, Occur.MUST, Exact);

    /// <summary>Any word may match; for when no service has all of them.</summary>
    public static FilteredQuery Any(IReadOnlyList<Word> words, string language) => Combine(words, language, Occur.SHOULD, Exact);

    /// <summary>Words within one edit of an indexed word ("Färdtjanst", "byglov"); the last resort.</summary>
    public static FilteredQuery Fuzzy(IReadOnlyList<Word> words, string language) => Combine(words, language, Occur.SHOULD, FuzzyWord);

    private static FilteredQuery Combine(IReadOnlyList<Word> words, string language, Occur occur, Func<Word, string, Query?> word)
    {
        var query = new BooleanQuery();
        var any = false;
        foreach (var w in words)
        {
            if (word(w, language) is { } clause)
            {
                query.Add(clause, occur);
                any = true;
            }
        }

        if (!any)
        {
            // A clause that matches nothing, so that the language filter alone does not list every service.
            query.Add(new TermQuery(new Term(SearchFields.Key, "")), Occur.MUST);
        }

        // The language restricts without scoring.
        return new FilteredQuery(query, new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Language, language))));
    }

    private static BooleanQuery Exact(Word word, string language)
    {
        var query = new BooleanQuery
        {
            { Term(SearchFields.Title(language), word.Stem, TitleBoost), Occur.SHOULD },
            { Term(SearchFields.Tags(language), word.Stem, TagsBoost), Occur.SHOULD },
            { Term(SearchFields.Summary(language), word.Stem, SummaryBoost), Occur.SHOULD },
        };
        foreach (var part in Parts(word))
        {
            query.Add(Term(SearchFields.TitleParts, part, TitlePartsBoost), Occur.SHOULD);
            query.Add(Term(SearchFields.TagsParts, part, TagsPartsBoost), Occur.SHOULD);
        }

        return query;
    }

    private static BooleanQuery? FuzzyWord(Word word, string language)
    {
        if (word.Surface.Length < FuzzyMinLength)
        {
            return null;
        }

        var query = new BooleanQuery
        {
            { new FuzzyQuery(new Term(SearchFields.Title(language), word.Stem), 1) { Boost = TitleBoost }, Occur.SHOULD },
            { new FuzzyQuery(new Term(SearchFields.Tags(language), word.Stem), 1) { Boost = TagsBoost }, Occur.SHOULD },
        };
        if (word.Surface.Length <= SearchAnalyzers.MaxPart)
        {
            query.Add(new FuzzyQuery(new Term(SearchFields.TitleParts, word.Surface), 1) { Boost = TitlePartsBoost }, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>The word and its stem, where they fit the parts fields' substring lengths.</summary>
    private static IEnumerable<string> Parts(Word word) =>
        new[] { word.Surface, word.Stem }
            .Where(p => p.Length is >= SearchAnalyzers.MinPart and <= SearchAnalyzers.MaxPart)
            .Distinct(StringComparer.Ordinal);

    private static TermQuery Term(string field, string text, float boost) => new(new Term(field, text)) { Boost = boost };

    /// <summary>Cuts at <paramref name="length"/> without splitting a surrogate pair.</summary>
    private static int CutAt(string text, int length) => char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
}
