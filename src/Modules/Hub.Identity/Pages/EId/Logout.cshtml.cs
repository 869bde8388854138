using Hub.Identity.Citizens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Identity.Pages.EId;

/// <summary>
/// Ends the citizen's session on this tenant's site (a POST: a link could be triggered by another site). The e-ID
/// itself keeps no session to end: every login asks the person again. The request acts as the citizen (never
/// refused): the form's antiforgery token was issued to the citizen identity on a citizen page, not to a staff
/// session the same browser may also have.
/// </summary>
[Authorize(AuthenticationSchemes = CitizenEId.CookieScheme)]
[AllowAnonymous]
internal sealed class LogoutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CitizenEId.CookieScheme);
        return LocalRedirect(Request.PathBase + "/");
    }
}
