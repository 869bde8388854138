using Hub.Abstractions;
using Hub.Tenancy.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Tenancy.Pages.HubAdmin;

/// <summary>The hub admin's list of every tenant.</summary>
[Authorize(Policy = HubPolicies.HubAdmin)]
internal sealed class TenantsModel(ITenantDirectory directory) : PageModel
{
    public IReadOnlyList<TenantSnapshot> Tenants => directory.All;

    public string? Created { get; private set; }

    public void OnGet(string? created) => Created = created is null ? null : directory.FindBySlug(created)?.Settings.DisplayName;
}
