using System.Globalization;
using Hub.Abstractions;
using Hub.Catalog.Studio;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Catalog.Pages.Studio;

/// <summary><c>/admin/e-tjanster</c>: the tenant's services with their published version and whether a draft exists.</summary>
[Authorize(Policy = HubPolicies.ServiceEditor)]
internal sealed class StudioIndexModel(StudioDrafts drafts, ITenantContext tenantContext) : PageModel
{
    public IReadOnlyList<StudioServiceRow> Services { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "publicerad")]
    public string? Published { get; set; }

    [BindProperty(SupportsGet = true, Name = "version")]
    public string? PublishedVersion { get; set; }

    [BindProperty(SupportsGet = true, Name = "slangt")]
    public string? Discarded { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tenantContext.Tenant is null or { IsHub: true })
        {
            return NotFound();
        }

        Services = await drafts.ListAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv", cancellationToken);
        return Page();
    }
}
