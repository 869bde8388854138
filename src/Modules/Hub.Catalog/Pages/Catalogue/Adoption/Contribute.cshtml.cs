using Hub.Abstractions;
using Hub.Catalog.Adoption;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Adoption;

/// <summary>
/// <c>/admin/katalog/anpassning/{id}/bidra</c>: propose some of the municipality's local changes to the package's owner,
/// element by element, with a message; the owner is mailed and answers on its package page.
/// </summary>
[Authorize(Policy = HubPolicies.ServiceOwner)]
internal sealed class ContributeModel(CataloguePageServices services, Hub.Catalog.Adoption.Adoptions adoptions) : AdoptionPage(services, adoptions)
{
    /// <summary>The local changes, by the element they belong to (the unit a proposal chooses).</summary>
    public IReadOnlyList<IGrouping<string, LocalChange>> Subjects { get; private set; } = [];

    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    [BindProperty]
    public string Message { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Refuse() ?? (await ShowAsync(id, cancellationToken) ? Page() : NotFound());

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var ownerLink = TenantUrl(View.OwnerSlug, $"/admin/katalog/paket/{View.Package.Id}");
        return Outcome(await Adoptions.ContributeAsync(id, Chosen, Message ?? "", Actor(), ownerLink, cancellationToken), AdoptionUrl + "?klart=contributed");
    }

    private async Task<bool> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return false;
        }

        Subjects = [.. Adoptions.ChangesOf(View).Where(c => c.Reference != LocalChanges.PolicyReference && !(c.Kind is "added" or "removed" && c.Before is null && c.After is null))
            .GroupBy(c => c.Reference, StringComparer.Ordinal)];
        return true;
    }
}
