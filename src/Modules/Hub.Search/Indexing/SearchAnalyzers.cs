using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Hub.Search.Indexing;

/// <summary>
/// Text analysis for the index and for queries. Shared by every tenant: Lucene analyzers are thread-safe (they keep
/// their token streams per thread), so 1,000 tenants do not mean 1,000 analyzers.
/// </summary>
/// <remarks>
/// <para>
/// Swedish: standard tokenizer, lower-casing (case never matters), Swedish stop words ("om", "av", ...) and
/// <see cref="SwedishLightStemFilter"/> (plural and definite endings: "bidragen" → "bidrag"). The light stemmer is
/// preferred over Snowball's Swedish stemmer because it is less aggressive on the short nouns service titles are made
/// of. Irregular "-an" nouns ("ansökan" → plural "ansökningar", "anmälan" → "anmälningar") no stemmer conflates, so
/// a small override map sends their forms to one stem.
/// </para>
/// <para>
/// å, ä and ö are NOT folded: they are letters of their own in Swedish ("får"/"far", "hår"/"har"), and folding them
/// would mix unrelated words in every search. "Färdtjanst" (a missing diaeresis) is instead caught by the fuzzy
/// fallback in <see cref="QueryBuilder"/>, which only runs when the exact search finds nothing.
/// </para>
/// <para>
/// Compounds ("bygglov" → "Bygglovsansökan", "bidrag" → "Föreningsbidrag", "färdtjänst" → "Riksfärdtjänst"): the
/// title and the keywords are also indexed in a "parts" field holding every 3–20 character substring (n-gram) of each
/// lower-cased word, and a query word (and its stem) is looked up there as one term. That is a substring match, so it
/// finds the query word as the first part (modifier), last part (head) or middle of any compound, with or without the
/// linking "s". A dictionary decompounder (<c>DictionaryCompoundWordTokenFilter</c>) was rejected: it only splits
/// words whose parts are in its vocabulary, so every new service a municipality writes ("Skolskjutsansökan",
/// "Nyttjanderättsavtal") would silently not be found until someone extends the word list, and nobody would notice.
/// N-grams need no upkeep, and their cost is irrelevant at catalogue size (hundreds of short titles per tenant). Their
/// price is precision ("ring" is inside "registrering"), which ranking contains: parts matches weigh less than whole
/// word matches, and every query word must match somewhere.
/// </para>
/// </remarks>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Shortest substring indexed in the parts fields; shorter query words are not looked up there.</summary>
    public const int MinPart = 3;

    /// <summary>Longest substring indexed in the parts fields; longer query words are not looked up there.</summary>
    public const int MaxPart = 20;

    private static readonly StemmerOverrideFilter.StemmerOverrideMap SwedishOverrides = BuildSwedishOverrides();

    /// <summary>Full analysis (stemmed) for the language's text fields.</summary>
    public static Analyzer Stemmed(string language) => language switch
    {
        "sv" => SwedishStemmed,
        "en" => EnglishStemmed,
        _ => OtherStemmed,
    };

    /// <summary>Words as typed, lower-cased and without stop words: what query words are made of.</summary>
    public static Analyzer Surface(string language) => language switch
    {
        "sv" => SwedishSurface,
        "en" => EnglishSurface,
        _ => OtherSurface,
    };

    /// <summary>Substrings of each lower-cased word, for the parts fields (language-independent).</summary>
    public static Analyzer Parts { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new NGramTokenFilter(Version, stream, MinPart, MaxPart);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The analyzer for the index writer: chooses by field name (see <see cref="SearchFields"/>).</summary>
    public static Analyzer Index { get; } = new FieldAnalyzer();

    private static Analyzer SwedishStemmed { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new StopFilter(Version, stream, SwedishAnalyzer.DefaultStopSet);
        stream = new StemmerOverrideFilter(stream, SwedishOverrides);
        stream = new SwedishLightStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    private static Analyzer SwedishSurface { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new StopFilter(Version, stream, SwedishAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(tokenizer, stream);
    });

    private static Analyzer EnglishStemmed { get; } = new EnglishAnalyzer(Version);

    private static Analyzer EnglishSurface { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Languages without their own analysis: words, lower-cased, no stop words, no stemming.</summary>
    private static Analyzer OtherStemmed { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
    });

    private static Analyzer OtherSurface => OtherStemmed;

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>.</summary>
    public static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static StemmerOverrideFilter.StemmerOverrideMap BuildSwedishOverrides()
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        // Irregular nouns in "-an" whose plural is "-ningar": all forms to one stem (marked keyword, so the
        // stemmer leaves it alone).
        foreach (var stem in new[] { "ansök", "anmäl", "inbjud", "begär" })
        {
            foreach (var ending in new[] { "an", "ans", "ning", "ningen", "ningens", "ningar", "ningarna", "ningars", "ningarnas" })
            {
                builder.Add(stem + ending, stem + "an");
            }
        }

        return builder.Build();
    }

    private sealed class FieldAnalyzer : AnalyzerWrapper
    {
        public FieldAnalyzer()
            : base(PER_FIELD_REUSE_STRATEGY)
        {
        }

        protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
            SearchFields.IsParts(fieldName) ? Parts : Stemmed(SearchFields.LanguageOf(fieldName));
    }
}
