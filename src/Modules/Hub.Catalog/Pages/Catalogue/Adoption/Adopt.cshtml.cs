using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Adoption;

/// <summary>
/// <c>/admin/katalog/hamta/{id}</c>: adopt a package's published version as one of the municipality's services: its
/// address, whether it follows conflict-free updates, whether citizens get it at once. The adaptation policy is shown
/// first: what may be changed locally and what is locked, with the owner's reasons.
/// </summary>
[Authorize(Policy = HubPolicies.ServiceOwner)]
internal sealed class AdoptModel(CataloguePageServices services, Hub.Catalog.Adoption.Adoptions adoptions) : AdoptionPage(services, adoptions)
{
    public CatalogueDetails Details { get; private set; } = null!;

    public CataloguePackageVersion Current { get; private set; } = null!;

    [BindProperty]
    public string LocalKey { get; set; } = "";

    [BindProperty]
    public bool Follow { get; set; }

    [BindProperty]
    public bool Publish { get; set; }

    public string Title => Language == "en" ? Details.Package.TitleEn ?? Details.Package.TitleSv : Details.Package.TitleSv;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await Adoptions.AdoptionOfAsync(id, cancellationToken) is { } adoptionId)
        {
            return Redirect(Url.Content($"~/admin/katalog/anpassning/{adoptionId}"));
        }

        LocalKey = Details.Package.ServiceKey;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await Adoptions.AdoptAsync(id, LocalKey ?? "", Follow, Publish, Actor(), cancellationToken);
        return Outcome(result, Url.Content($"~/admin/katalog/anpassning/{result.Id}?klart=adopted"));
    }

    private async Task<bool> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Catalogue.FindAsync(id, cancellationToken) is not { Published: { } current } details)
        {
            return false;
        }

        Details = details;
        Current = current;
        return true;
    }
}
