using Hub.Abstractions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Tenancy.Pages;

/// <summary>The municipality's contact page, served only where the feature is switched on.</summary>
public sealed class ContactModel(ITenantContext tenantContext) : PageModel
{
    public TenantSnapshot Tenant => tenantContext.Tenant!;

    public IActionResult OnGet() =>
        tenantContext.Tenant?.HasFeature(TenancyModule.ContactPageFeature) == true ? Page() : NotFound();
}
