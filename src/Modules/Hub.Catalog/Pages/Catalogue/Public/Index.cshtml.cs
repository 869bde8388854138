using Hub.Catalog.Catalogue;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Public;

/// <summary>
/// <c>/hub/katalog</c>: the shared catalogue for anyone (public services are public information): browse by category
/// (<c>?kategori=</c>, 50 to a page, <c>?sida=</c>) or search (<c>?q=</c>, Lucene.Net with Swedish analysis, within the
/// category when one is chosen). Only the hub's site has it.
/// </summary>
internal sealed class CatalogueIndexModel(CataloguePageServices services) : CataloguePage(services)
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kategori")]
    public string? Category { get; set; }

    public IReadOnlyList<CatalogueListing>? Hits { get; private set; }

    public IReadOnlyList<CatalogueListing> Packages { get; private set; } = [];

    /// <summary>Every category with how many packages it has (all of them, whichever is chosen).</summary>
    public IReadOnlyList<(string Key, string Name, int Count)> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Tenant is not { IsHub: true })
        {
            return NotFound();
        }

        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim();
        if (Category is not null && ServiceCategories.All.All(c => c.Key != Category))
        {
            Category = null;
        }

        if (Query is not null)
        {
            Hits = await Catalogue.SearchAsync(Query, Language, cancellationToken, Category);
            return Page();
        }

        var counts = await Catalogue.CategoryCountsAsync(cancellationToken);
        Categories = [.. ServiceCategories.All.Select(c => (c.Key, ServiceCategories.Name(c.Key, Language), counts.GetValueOrDefault(c.Key))).Where(c => c.Item3 > 0)];
        Packages = await ListPageAsync(Category, cancellationToken);

        return Page();
    }
}
