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
internal sealed class QueueModel : CataloguePage
{
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public CatalogueReviewRules Rules { get; private set; } = new();

    public bool MayEditRules => Tenant is { IsHub: true } && User.IsInRole(HubRoles.HubAdmin);

    [BindProperty(SupportsGet = true, Name = "beslut")]
    public string? Decided { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await Catalogue.QueueAsync(Language, cancellationToken);
        Rules = await Catalogue.RulesAsync(cancellationToken);
    }
}
