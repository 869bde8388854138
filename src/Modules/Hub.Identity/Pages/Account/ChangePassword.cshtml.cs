using Hub.Abstractions;
using Hub.Identity.Domain;
using Hub.Identity.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Identity.Pages.Account;

/// <summary>Any staff member changes their own password (the first one is given by an admin or a recipe).</summary>
[Authorize(Policy = HubPolicies.Staff)]
internal sealed class ChangePasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IStringLocalizer<IdentityTexts> texts)
    : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Changed { get; private set; }

    public void OnGet(bool changed = false) => Changed = changed;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), texts["Error.PasswordRequired"]);
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), texts["Error.PasswordWeak"]);
        }
        else if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), texts["Error.PasswordsDiffer"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            var wrongCurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            if (wrongCurrent)
            {
                // Guessing the current password here counts like a failed sign-in: a stolen session cannot try forever.
                await users.AccessFailedAsync(user);
                if (await users.IsLockedOutAsync(user))
                {
                    await signIn.SignOutAsync();
                    return Redirect(Url.Content("~/konto/logga-in"));
                }
            }

            ModelState.AddModelError(wrongCurrent ? nameof(CurrentPassword) : nameof(NewPassword),
                texts[wrongCurrent ? "Error.CurrentPasswordWrong" : "Error.PasswordWeak"]);
            return Page();
        }

        // The security stamp changed: renew this session's cookie so it stays valid.
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { changed = true });
    }
}
