using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Studio;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Admin;

/// <summary>
/// <c>/admin/katalog</c>: a municipality's packages in the hub's catalogue with where each stands, and its services
/// that can be shared. On the hub it leads to the review queue (<c>/hub/admin/katalog</c> is where coordinators start).
/// </summary>
[Authorize(Policy = HubPolicies.Staff)]
internal sealed class CatalogueAdminModel(CataloguePageServices services, StudioDrafts drafts, Hub.Catalog.Adoption.Adoptions adoptions) : CataloguePage(services)
{
    public IReadOnlyList<CatalogueDetails> Packages { get; private set; } = [];

    public IReadOnlyList<StudioServiceRow> Services { get; private set; } = [];

    /// <summary>The packages the municipality runs from the catalogue.</summary>
    public IReadOnlyList<Hub.Catalog.Adoption.AdoptionView> Adopted { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "inskickad")]
    public string? Submitted { get; set; }

    public bool IsReviewer => User.IsInRole(HubRoles.Coordinator);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Tenant is null)
        {
            return NotFound();
        }

        if (Tenant.IsHub)
        {
            return Redirect(Url.Content("~/admin/katalog/granskning"));
        }

        if (!Actor().IsServiceOwner)
        {
            return Forbid();
        }

        Packages = await Catalogue.OwnedByAsync(Tenant.Id, cancellationToken);
        Adopted = await adoptions.MineAsync(cancellationToken);
        var adoptedKeys = Adopted.Select(a => a.Adoption.ServiceKey).ToHashSet(StringComparer.Ordinal);

        // An adopted service is shared by its owner; the municipality proposes its changes upstream instead.
        Services = [.. (await drafts.ListAsync(Language, cancellationToken)).Where(s => s.PublishedVersion is not null && !adoptedKeys.Contains(s.Key))];
        return Page();
    }

    public CatalogueDetails? PackageOf(string serviceKey) => Packages.FirstOrDefault(p => p.Package.ServiceKey == serviceKey);
}
