using Hub.Abstractions;
using Microsoft.AspNetCore.Mvc;
using Hub.Tenancy.Resolution;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Hub.Tenancy.Pages;

/// <summary>The municipality's contact page, served only where the feature is switched on.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class ContactModel(ITenantContext tenantContext) : PageModel
{
    public TenantSnapshot Tenant => tenantContext.Tenant!;

    public IActionResult OnGet() =>
        tenantContext.Tenant?.HasFeature(TenancyModule.ContactPageFeature) == true ? Page() : NotFound();
}
