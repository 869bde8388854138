using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Studio;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Admin;

/// <summary>
/// <c>/admin/katalog/granskning/{id}</c>: one submitted version with its metadata, the automatic checks' results and
/// the difference from the version published before it (by key, <see cref="PackageDiff"/>); a reviewer approves or asks
/// for changes with a comment. The hub's rules decide when approvals are enough and whether the owner's own
/// coordinators may approve (the catalogue refuses it, whatever is posted).
/// </summary>
[Authorize(Policy = HubPolicies.CatalogueReviewer)]
internal sealed class ReviewModel(CataloguePageServices services) : CataloguePage(services)
{
    public CatalogueDetails Details { get; private set; } = null!;

    public CataloguePackageVersion Version { get; private set; } = null!;

    public CataloguePackageVersion? Previous { get; private set; }

    public IReadOnlyList<DiffEntry> Diff { get; private set; } = [];

    public CatalogueReviewRules Rules { get; private set; } = new();

    public string? Comment { get; private set; }

    public bool OwnSubmission => Details.Package.OwnerTenantId == Tenant!.Id;

    public bool MayApprove => Version.Status == CatalogueStatus.Submitted && (!OwnSubmission || Rules.OwnerMayApprove) && !AlreadyReviewed;

    public bool AlreadyReviewed => Details.ReviewsOf(Version.Id).Any(r => r.ReviewerTenantId == Tenant!.Id && r.ReviewerUserName == Actor().UserName);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, ReviewDecision.Approve, cancellationToken);

    public Task<IActionResult> OnPostChangesAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, ReviewDecision.RequestChanges, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, ReviewDecision decision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Comment = Request.Form["comment"].ToString();
        var ownerAdmin = TenantUrl(Details.OwnerSlug, $"/admin/katalog/paket/{Details.Package.Id}");
        return Outcome(await Catalogue.ReviewAsync(id, decision, Comment, Actor(), ownerAdmin, cancellationToken),
            Url.Content("~/admin/katalog/granskning?beslut=") + id);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Catalogue.FindByVersionAsync(id, cancellationToken) is not { } details)
        {
            return false;
        }

        Details = details;
        Version = details.Versions.Single(v => v.Id == id);
        Rules = await Catalogue.RulesAsync(cancellationToken);
        Previous = details.PreviousPublished(Version);
        if (Previous is not null)
        {
            Diff = PackageDiff.Compare(PackageOf(Previous), PackageOf(Version), Language);
        }

        return true;
    }
}
