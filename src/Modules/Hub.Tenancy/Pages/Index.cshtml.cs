using Hub.Abstractions;
using Hub.Tenancy.Contracts;
using Hub.Tenancy.Resolution;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Hub.Tenancy.Pages;

/// <summary>At <c>/</c> and <c>/hub/</c> the hub's page listing member municipalities; elsewhere a municipality's home.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class IndexModel(ITenantContext tenantContext, ITenantDirectory directory) : PageModel
{
    public TenantSnapshot? Tenant => tenantContext.Tenant;

    public bool IsHub => Tenant is null || Tenant.IsHub;

    public IReadOnlyList<TenantSnapshot> Members { get; private set; } = [];

    public void OnGet()
    {
        if (IsHub)
        {
            Members = [.. directory.All.Where(t => !t.IsHub && t.State == TenantState.Running)];
        }
    }
}
