using System.Globalization;
using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Admin;

/// <summary>
/// <c>/admin/katalog/regler</c> on the hub: the review rules (approvals needed, whether a member's coordinators may
/// approve their own municipality's submission, the documents a submission needs). HubAdmin only.
/// </summary>
[Authorize(Policy = HubPolicies.HubAdmin)]
internal sealed class RulesModel(CataloguePageServices services) : CataloguePage(services)
{
    public const int MaxApprovals = 5;

    public string? RequiredApprovals { get; private set; }

    public bool OwnerMayApprove { get; private set; }

    public IReadOnlyList<string> RequiredDocuments { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "sparat")]
    public bool Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rules = await Catalogue.RulesAsync(cancellationToken);
        RequiredApprovals = rules.RequiredApprovals.ToString(CultureInfo.InvariantCulture);
        OwnerMayApprove = rules.OwnerMayApprove;
        RequiredDocuments = rules.RequiredDocuments;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        RequiredApprovals = Request.Form["RequiredApprovals"].ToString().Trim();
        OwnerMayApprove = Request.Form["OwnerMayApprove"] == "true";
        RequiredDocuments = [.. Request.Form["RequiredDocuments"].Where(k => k is not null && ServiceDocumentKinds.All.Contains(k)).Select(k => k!).Distinct()];
        if (!int.TryParse(RequiredApprovals, NumberStyles.None, CultureInfo.InvariantCulture, out var approvals) || approvals is < 1 or > MaxApprovals)
        {
            ModelState.AddModelError("RequiredApprovals", Texts["Problem.Approvals", MaxApprovals]);
            return Page();
        }

        await Catalogue.SaveRulesAsync(approvals, OwnerMayApprove, RequiredDocuments, Actor(), cancellationToken);
        return Redirect(Url.Content("~/admin/katalog/regler?sparat=true"));
    }
}
