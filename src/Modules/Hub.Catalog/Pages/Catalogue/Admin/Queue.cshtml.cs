using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Admin;

/// <summary>
/// <c>/admin/katalog/granskning</c>: versions waiting for review, oldest first, with the approvals they have and the
/// number the hub's rules ask for. Hub staff (HubAdmin, Coordinator) and members' Coordinators see the same queue.
/// </summary>
[Authorize(Policy = HubPolicies.CatalogueReviewer)]
internal sealed class QueueModel(CataloguePageServices services) : CataloguePage(services)
{
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public CatalogueReviewRules Rules { get; private set; } = new();

    public bool MayEditRules => Tenant is { IsHub: true } && User.IsInRole(HubRoles.HubAdmin);

    [BindProperty(SupportsGet = true, Name = "beslut")]
    public string? Decided { get; set; }

    /// <summary>After a decision: what it did to the version, in one sentence, and what its owner does next.</summary>
    public (string Happened, string Next)? Decision { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await Catalogue.QueueAsync(Language, cancellationToken);
        Rules = await Catalogue.RulesAsync(cancellationToken);
        if (Guid.TryParse(Decided, out var versionId) && await Catalogue.FindByVersionAsync(versionId, cancellationToken) is { } details)
        {
            Decision = Describe(details, details.Versions.Single(v => v.Id == versionId));
        }
    }

    // The reviewer's own review of the version says what they decided; the version's status what came of it.
    private (string, string)? Describe(CatalogueDetails details, CataloguePackageVersion version)
    {
        var actor = Actor();
        var reviews = details.ReviewsOf(version.Id).ToList();
        if (reviews.FirstOrDefault(r => r.ReviewerTenantId == Tenant!.Id && r.ReviewerUserName == actor.UserName) is not { } mine)
        {
            return null;
        }

        var title = Language == "en" ? details.Package.TitleEn ?? details.Package.TitleSv : details.Package.TitleSv;
        var told = version.SubmitterEmail is null ? Texts["Decided.NotTold", details.OwnerName].Value : Texts["Decided.Told", details.OwnerName].Value;
        return (mine.Decision, version.Status) switch
        {
            (ReviewDecision.RequestChanges, _) => (Texts["Decided.Changes", title, version.Version, details.OwnerName],
                Texts["Decided.Changes.Next", details.OwnerName] + " " + told),
            (_, CatalogueStatus.Submitted) => (Texts["Decided.ApprovalCounted", title, version.Version,
                    reviews.Count(r => r.Decision == ReviewDecision.Approve), Rules.RequiredApprovals],
                Texts["Decided.ApprovalCounted.Next"]),
            _ => (Texts["Decided.Approved", title, version.Version, details.OwnerName], Texts["Decided.Approved.Next", details.OwnerName] + " " + told),
        };
    }
}
