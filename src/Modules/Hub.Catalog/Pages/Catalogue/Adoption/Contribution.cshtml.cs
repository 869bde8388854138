using Hub.Abstractions;
using Hub.Catalog.Adoption;
using Hub.Catalog.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Hub.Tenancy.Contracts;

namespace Hub.Catalog.Pages.Catalogue.Adoption;

/// <summary>
/// <c>/admin/katalog/bidrag/{id}</c>: a change another municipality proposes to a package the current tenant owns. The
/// owner sees the change by key against the version it was made on, and accepts it into the studio draft of the next
/// version, or declines it with a reason. Anyone but the owner gets 404.
/// </summary>
[Authorize(Policy = HubPolicies.ServiceOwner)]
internal sealed class ContributionModel(CataloguePageServices services, Hub.Catalog.Adoption.Adoptions adoptions) : AdoptionPage(services, adoptions)
{
    public ContributionView Contribution { get; private set; } = null!;

    public CataloguePackage Package { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true, Name = "klart")]
    public string? Done { get; set; }

    public string Title => Language == "en" ? Package.TitleEn ?? Package.TitleSv : Package.TitleSv;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Refuse() ?? (await FindAsync(id, cancellationToken) ? Page() : NotFound());

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, accept: true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, accept: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, bool accept, CancellationToken cancellationToken)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await FindAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var from = Contribution.Contribution;
        var link = Tenants.All.FirstOrDefault(t => t.Id == from.FromTenantId) is { } contributor
            ? AdoptionLink(contributor.Slug, from.AdoptionId)
            : "";
        return Outcome(await Adoptions.DecideAsync(id, accept, Reason, Actor(), link, cancellationToken),
            Url.Content($"~/admin/katalog/bidrag/{id}?klart=" + (accept ? "accepted" : "declined")));
    }

    private async Task<bool> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Tenant is not { IsHub: false } || await Adoptions.FindContributionAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }

        (Contribution, Package) = found;
        return true;
    }
}
