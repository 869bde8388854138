using Hub.Catalog.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Public;

/// <summary>
/// <c>/hub/katalog/{owner}/{service}</c>: a package for anyone: its owner, origin, metadata, documents, quality results,
/// adaptation policy, every published version with its changelog, and who runs which version. A deprecated or withdrawn
/// package says so with the reason; one never published is not found.
/// </summary>
internal sealed class CataloguePackageModel(CataloguePageServices services, Hub.Catalog.Adoption.Adoptions adoptions) : CataloguePage(services)
{
    public CatalogueDetails Details { get; private set; } = null!;

    public CataloguePackageVersion Current { get; private set; } = null!;

    public IReadOnlyList<CataloguePackageVersion> Published { get; private set; } = [];

    public IReadOnlyList<Hub.Catalog.Adoption.AdopterRow> Adopters { get; private set; } = [];

    /// <summary>The contributions each version credits, by version id.</summary>
    public ILookup<Guid, (string From, string Message)> Credits { get; private set; } = Array.Empty<(Guid, (string, string))>().ToLookup(c => c.Item1, c => c.Item2);

    public string Title => Language == "en" ? Details.Package.TitleEn ?? Details.Package.TitleSv : Details.Package.TitleSv;

    public string? Summary => Language == "en" ? Details.Package.SummaryEn ?? Details.Package.SummarySv : Details.Package.SummarySv;

    public async Task<IActionResult> OnGetAsync(string owner, string service, CancellationToken cancellationToken)
    {
        if (Tenant is not { IsHub: true } || await Catalogue.FindAsync(owner, service, cancellationToken) is not { Published: { } current } details)
        {
            return NotFound();
        }

        Details = details;
        Current = current;
        Adopters = await adoptions.AdoptersAsync(details.Package.Id, cancellationToken);
        Credits = await adoptions.CreditsAsync(details.Package.Id, cancellationToken);
        Published = [.. details.Versions.Where(v => v.PublishedUtc is not null).OrderByDescending(v => v.PublishedUtc)];
        return Page();
    }
}
