using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Admin;

/// <summary>
/// <c>/admin/katalog/paket/{id}</c>: one package for its owner (a ServiceOwner of the owning municipality) or a
/// reviewer: every submitted version with its state and the reviewers' comments; the owner publishes an approved
/// version; the owner or a reviewer deprecates or withdraws the package with a reason. Anyone else gets 404.
/// </summary>
[Authorize(Policy = HubPolicies.Staff)]
internal sealed class PackageAdminModel(CataloguePageServices services, Hub.Catalog.Adoption.Adoptions adoptions) : CataloguePage(services)
{
    public CatalogueDetails Details { get; private set; } = null!;

    public bool IsOwner { get; private set; }

    /// <summary>Changes adopters proposed (for the owner).</summary>
    public IReadOnlyList<Hub.Catalog.Adoption.ContributionView> Contributions { get; private set; } = [];

    /// <summary>Who runs the package and on which version.</summary>
    public IReadOnlyList<Hub.Catalog.Adoption.AdopterRow> Adopters { get; private set; } = [];

    public string? Reason { get; private set; }

    [BindProperty(SupportsGet = true, Name = "klart")]
    public string? Done { get; set; }

    public string Title => Language == "en" ? Details.Package.TitleEn ?? Details.Package.TitleSv : Details.Package.TitleSv;

    public bool MayRetire => Details.Package.Status is CatalogueStatus.Published or CatalogueStatus.Deprecated;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var versionId = Guid.TryParse(Request.Form["version"], out var v) ? v : Guid.Empty;
        return Outcome(await Catalogue.PublishAsync(versionId, Actor(), AdoptionLink, cancellationToken), DoneUrl(id, "publicerad"));
    }

    public Task<IActionResult> OnPostDeprecateAsync(Guid id, CancellationToken cancellationToken) => RetireAsync(id, CatalogueStatus.Deprecated, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) => RetireAsync(id, CatalogueStatus.Withdrawn, cancellationToken);

    private async Task<IActionResult> RetireAsync(Guid id, CatalogueStatus status, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Reason = Request.Form["reason"].ToString();
        return Outcome(await Catalogue.RetireAsync(id, status, Reason, Actor(), AdoptionLink, cancellationToken), DoneUrl(id, status.ToString().ToLowerInvariant()));
    }

    private string DoneUrl(Guid id, string what) => Url.Content($"~/admin/katalog/paket/{id}?klart={what}");

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Tenant is null || await Catalogue.FindAsync(id, cancellationToken) is not { } details)
        {
            return false;
        }

        var actor = Actor();
        IsOwner = actor.IsServiceOwner && details.Package.OwnerTenantId == actor.TenantId;
        Details = details;
        Contributions = IsOwner ? await adoptions.ContributionsToAsync(id, cancellationToken) : [];
        Adopters = await adoptions.AdoptersAsync(id, cancellationToken);
        return IsOwner || actor.IsReviewer;
    }
}
