using Hub.Abstractions;
using Hub.Catalog.Adoption;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Adoption;

/// <summary>
/// <c>/admin/katalog/anpassning/{id}</c>: one adopted service: the upstream version it is based on and the newest one,
/// its local changes (the overlay), pin or follow, undo the last update, propose changes upstream, and the owner's
/// warning when the package is deprecated or withdrawn.
/// </summary>
[Authorize(Policy = HubPolicies.ServiceOwner)]
internal sealed class AdoptionModel(CataloguePageServices services, Hub.Catalog.Adoption.Adoptions adoptions) : AdoptionPage(services, adoptions)
{
    public IReadOnlyList<LocalChange> Changes { get; private set; } = [];

    public IReadOnlyList<CatalogueContribution> Proposals { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "klart")]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Refuse() ?? (await ShowAsync(id, cancellationToken) ? Page() : NotFound());

    public async Task<IActionResult> OnPostFollowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var follow = Request.Form["follow"] == "true";
        return Outcome(await Adoptions.SetFollowingAsync(id, follow, Actor(), cancellationToken), AdoptionUrl + "?klart=" + (follow ? "follows" : "pinned"));
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await ShowAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Guid? revision = Guid.TryParse(Request.Form["revision"], out var r) ? r : null;
        return Outcome(await Adoptions.RestoreAsync(id, revision, Actor(), cancellationToken), AdoptionUrl + "?klart=restored");
    }

    private async Task<bool> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return false;
        }

        Changes = Adoptions.ChangesOf(View);
        Proposals = await Adoptions.ContributionsFromAsync(id, cancellationToken);
        return true;
    }
}
