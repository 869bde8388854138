using Hub.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Tenancy.Pages.Admin;

/// <summary>The admin start page: the sections this account may use, contributed by every module.</summary>
[Authorize(Policy = HubPolicies.Staff)]
public sealed class AdminIndexModel(ITenantContext tenantContext, IEnumerable<AdminMenuItem> items, IAuthorizationService authorization) : PageModel
{
    public string TenantName => tenantContext.Tenant!.Settings.DisplayName;

    public IReadOnlyList<AdminMenuItem> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var visible = new List<AdminMenuItem>();
        foreach (var item in items)
        {
            if ((await authorization.AuthorizeAsync(User, item.Policy)).Succeeded)
            {
                visible.Add(item);
            }
        }

        Items = visible;
    }
}
