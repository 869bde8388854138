using Hub.Catalog.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Catalogue.Public;

/// <summary>
/// <c>/hub/katalog/{owner}/{service}</c>: a package for anyone: its owner, origin, metadata, documents, quality results,
/// adaptation policy, every published version with its changelog, and who runs which version. A deprecated or withdrawn
/// package says so with the reason; one never published is not found.
/// </summary>
internal sealed class CataloguePackageModel : CataloguePage
{
    public CatalogueDetails Details { get; private set; } = null!;

    public CataloguePackageVersion Current { get; private set; } = null!;

    public IReadOnlyList<CataloguePackageVersion> Published { get; private set; } = [];

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
        Published = [.. details.Versions.Where(v => v.PublishedUtc is not null).OrderByDescending(v => v.PublishedUtc)];
        return Page();
    }
}
