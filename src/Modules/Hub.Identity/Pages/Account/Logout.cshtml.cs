using Hub.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Identity.Pages.Account;

/// <summary>Sign-out is a POST (a link could be triggered by another site); a GET shows the button.</summary>
internal sealed class LogoutModel(SignInManager<StaffUser> signIn) : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet(bool done = false) => SignedOut = done && User.Identity?.IsAuthenticated != true;

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage(new { done = true });
    }
}
