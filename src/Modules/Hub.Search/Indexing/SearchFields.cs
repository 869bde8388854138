namespace Hub.Search.Indexing;

/// <summary>Field names. Text fields carry their language (<c>title.sv</c>) so the index analyzer can pick by name.</summary>
internal static class SearchFields
{
    public const string Key = "key";
    public const string Language = "lang";
    public const string DisplayTitle = "display";
    public const string TitleParts = "parts.title";
    public const string TagsParts = "parts.tags";

    public static string Title(string language) => "title." + language;

    public static string Summary(string language) => "summary." + language;

    /// <summary>Category and keywords.</summary>
    public static string Tags(string language) => "tags." + language;

    public static bool IsParts(string field) => field.StartsWith("parts.", StringComparison.Ordinal);

    public static string LanguageOf(string field) => field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..];

    /// <summary><c>sv-SE</c>, <c>SV</c> → <c>sv</c>; empty when there is none.</summary>
    public static string NormalizeLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return "";
        }

        var trimmed = language.Trim();
        var dash = trimmed.IndexOfAny(['-', '_']);
        return (dash < 0 ? trimmed : trimmed[..dash]).ToLowerInvariant();
    }
}
