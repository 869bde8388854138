namespace Hub.Search.Contracts;

/// <summary>One search result, best first.</summary>
/// <param name="ServiceKey">The service's key, as indexed.</param>
/// <param name="Title">The title as indexed (for display).</param>
/// <param name="Score">Relevance; only meaningful for ordering hits of the same search.</param>
public sealed record ServiceSearchHit(string ServiceKey, string Title, float Score);
