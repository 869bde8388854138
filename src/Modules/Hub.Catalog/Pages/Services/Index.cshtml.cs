using System.Globalization;
using Hub.Abstractions;
using Hub.Catalog.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Catalog.Pages.Services;

/// <summary><c>/e-tjanster</c>: the municipality's e-services by area, and a search box (one way in).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(HubRateLimits.Search)]
public sealed class IndexModel(IServiceDirectory directory, ITenantContext tenantContext) : PageModel
{
    /// <summary>What the person searched for.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The UI language, <c>sv</c> or <c>en</c>.</summary>
    public string Language { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";

    /// <summary>Search hits, best first; null when nothing was searched.</summary>
    public IReadOnlyList<PublishedService>? Hits { get; private set; }

    /// <summary>Every published service, by category in the categories' order.</summary>
    public IReadOnlyList<(string Category, IReadOnlyList<PublishedService> Services)> Categories { get; private set; } = [];

    /// <summary>Loads the services, and searches when <see cref="Query"/> is given.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tenantContext.Tenant is null or { IsHub: true })
        {
            return NotFound();
        }

        var all = await directory.ListPublishedAsync(cancellationToken);
        Categories = ServiceCategories.All
            .Select(c => (c.Key, (IReadOnlyList<PublishedService>)all.Where(s => s.Package.Category == c.Key).ToList()))
            .Where(c => c.Item2.Count > 0)
            .ToList();
        Query = Query?.Trim();
        if (!string.IsNullOrEmpty(Query))
        {
            var keys = await directory.SearchAsync(Query, Language, 50, cancellationToken);
            Hits = keys.Select(k => all.FirstOrDefault(s => s.Key == k)).OfType<PublishedService>().ToList();
        }

        return Page();
    }
}
