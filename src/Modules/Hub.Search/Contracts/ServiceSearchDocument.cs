namespace Hub.Search.Contracts;

/// <summary>One e-service in one language, as the search index sees it.</summary>
/// <param name="ServiceKey">The service's stable key; returned in hits.</param>
/// <param name="Language">Language of the texts (<c>sv</c>, <c>en</c>; a region such as <c>sv-SE</c> counts as <c>sv</c>).</param>
/// <param name="Title">The service's title; matches here weigh most.</param>
/// <param name="Summary">Optional short description.</param>
/// <param name="Category">Optional category name.</param>
/// <param name="Keywords">Extra search words (synonyms, old names); may be empty.</param>
public sealed record ServiceSearchDocument(
    string ServiceKey,
    string Language,
    string Title,
    string? Summary,
    string? Category,
    IReadOnlyList<string> Keywords);
