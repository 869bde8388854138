using System.Security.Claims;
using Hub.Abstractions;
using Hub.Catalog.Resources;
using Hub.Catalog.Studio;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Catalog.Pages.Studio;

/// <summary><c>/admin/e-tjanster/ny</c>: a new service, as a draft with one empty page.</summary>
[Authorize(Policy = HubPolicies.ServiceEditor)]
internal sealed class CreateServiceModel(StudioDrafts drafts, ITenantContext tenantContext, IStringLocalizer<StudioTexts> texts) : PageModel
{
    /// <summary>The languages a new service may offer (the pages' own).</summary>
    public static readonly IReadOnlyList<string> OfferedLanguages = ["sv", "en"];

    [BindProperty]
    public string? Key { get; set; }

    [BindProperty]
    public List<string> Languages { get; set; } = ["sv", "en"];

    public Dictionary<string, string?> Title { get; } = [];

    public IActionResult OnGet() => tenantContext.Tenant is null or { IsHub: true } ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (tenantContext.Tenant is null or { IsHub: true })
        {
            return NotFound();
        }

        Key = Key?.Trim();
        foreach (var language in OfferedLanguages)
        {
            Title[language] = Request.Form["Title." + language].ToString().Trim();
        }

        var languages = OfferedLanguages.Where(Languages.Contains).ToList();
        if (!ServiceKeys.IsValid(Key) || ServiceKeys.Reserved.Contains(Key) || Key!.StartsWith(DraftDocument.PlaceholderKey, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Key), texts["Error.Key"]);
        }
        else if (await drafts.KeyTakenAsync(Key, cancellationToken))
        {
            ModelState.AddModelError(nameof(Key), texts["Error.KeyTaken", Key]);
        }

        if (languages.Count == 0)
        {
            ModelState.AddModelError(nameof(Languages), texts["Error.Languages"]);
        }
        else if (languages.All(l => string.IsNullOrEmpty(Title[l])))
        {
            ModelState.AddModelError("Title." + languages[0], texts["Error.Title"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var title = languages.Where(l => !string.IsNullOrEmpty(Title[l])).ToDictionary(l => l, l => Title[l]!);
        if (!await drafts.CreateAsync(DraftDocument.New(Key!, languages, title), User.FindFirstValue(ClaimTypes.Name), cancellationToken))
        {
            ModelState.AddModelError(nameof(Key), texts["Error.KeyTaken", Key!]);
            return Page();
        }

        return Redirect(Url.Content($"~/admin/e-tjanster/{Key}?sparat=") + Uri.EscapeDataString(title.Values.First()));
    }
}
