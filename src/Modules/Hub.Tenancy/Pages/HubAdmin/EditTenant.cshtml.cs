using Hub.Abstractions;
using Hub.Tenancy.Resources;
using Hub.Tenancy.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Tenancy.Pages.HubAdmin;

/// <summary>A hub admin renames a tenant, sets its host names and features, and disables or re-enables it.</summary>
[Authorize(Policy = HubPolicies.HubAdmin)]
internal sealed class EditTenantModel(TenantAdministration administration, IFeatureCatalog featureCatalog, IStringLocalizer<TenancyTexts> texts)
    : PageModel
{
    [BindProperty]
    public TenantInput Input { get; set; } = new();

    public TenantSnapshot? Tenant { get; private set; }

    public IReadOnlyList<HubFeature> Features => featureCatalog.All;

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, bool saved, CancellationToken cancellationToken)
    {
        Tenant = await administration.FindAsync(slug, cancellationToken);
        if (Tenant is null)
        {
            return NotFound();
        }

        Saved = saved;
        Input = new TenantInput
        {
            DisplayName = Tenant.Settings.DisplayName,
            HostNames = string.Join('\n', Tenant.HostNames),
            Features = [.. Tenant.EnabledFeatures],
            State = Tenant.State,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        Tenant = await administration.FindAsync(slug, cancellationToken);
        if (Tenant is null)
        {
            return NotFound();
        }

        var hostNames = (Input.HostNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant()).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(Input.DisplayName))
        {
            ModelState.AddModelError("Input.DisplayName", texts["Error.Required", texts["Field.DisplayName"].Value.ToLowerInvariant()]);
        }
        else if (Input.DisplayName.Trim().Length > TenantSettingsValidator.DisplayNameMaxLength)
        {
            ModelState.AddModelError("Input.DisplayName", texts["Error.TooLong", texts["Field.DisplayName"].Value]);
        }

        var taken = await administration.HostNamesOfOthersAsync(Tenant.Id, cancellationToken);
        foreach (var host in hostNames)
        {
            if (!TenantSettingsValidator.IsHostName(host))
            {
                ModelState.AddModelError("Input.HostNames", texts["Error.HostInvalid", host]);
                break;
            }

            if (taken.Contains(host))
            {
                ModelState.AddModelError("Input.HostNames", texts["Error.HostTaken", host]);
                break;
            }
        }

        if (Tenant.IsHub && Input.State != TenantState.Running)
        {
            ModelState.AddModelError("Input.State", texts["Error.HubCannotBeDisabled"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var features = Input.Features.Where(id => featureCatalog.All.Any(f => f.Id == id)).ToList();
        await administration.UpdateTenantAsync(Tenant.Id, Input.DisplayName!.Trim(), hostNames, features, Input.State, cancellationToken);
        return Redirect(Url.Content("~/admin/kommuner/" + slug) + "?saved=true");
    }
}

/// <summary>The tenant form's fields.</summary>
internal sealed class TenantInput
{
    public string? DisplayName { get; set; }

    public string? HostNames { get; set; }

    public List<string> Features { get; set; } = [];

    public TenantState State { get; set; }
}
