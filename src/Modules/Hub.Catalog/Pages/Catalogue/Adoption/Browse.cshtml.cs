using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Adoption;

/// <summary><c>/admin/katalog/hamta</c>: the catalogue from a municipality's admin, each package with what the municipality can do with it.</summary>
[Authorize(Policy = HubPolicies.ServiceOwner)]
internal sealed class BrowseModel(CataloguePageServices services, Hub.Catalog.Adoption.Adoptions adoptions) : AdoptionPage(services, adoptions)
{
    public IReadOnlyList<CatalogueListing> Packages { get; private set; } = [];

    /// <summary>The municipality's adoptions by package id.</summary>
    public IReadOnlyDictionary<Guid, Guid> Adopted { get; private set; } = new Dictionary<Guid, Guid>();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim();
        Packages = Query is null ? await ListPageAsync(null, cancellationToken) : await Catalogue.SearchAsync(Query, Language, cancellationToken);
        Adopted = (await Adoptions.MineAsync(cancellationToken)).ToDictionary(a => a.Package.Id, a => a.Adoption.Id);
        return Page();
    }

    public bool IsOwn(CatalogueListing listing) => listing.OwnerSlug == Tenant!.Slug;
}
