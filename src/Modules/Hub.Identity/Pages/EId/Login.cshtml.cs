using Hub.Abstractions;
using Hub.Identity.Citizens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Identity.Pages.EId;

/// <summary>
/// Starts an e-ID login and comes back to a page of this same tenant (anything else: its home page). Without a
/// configured provider it says that e-ID is not available here.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(HubRateLimits.EId)]
internal sealed class LoginModel(EIdOptions options) : PageModel
{
    public IActionResult OnGet(string? returnUrl)
    {
        if (options.Provider == EIdProviderKind.None)
        {
            return Page();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = CitizenEId.SafeReturnUrl(Request, returnUrl) }, CitizenEId.LoginScheme);
    }
}
