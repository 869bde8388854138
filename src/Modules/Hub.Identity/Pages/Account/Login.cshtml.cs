using Hub.Abstractions;
using Hub.Identity.Domain;
using Hub.Identity.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Identity.Pages.Account;

/// <summary>Staff sign in to the tenant whose address they are on; the account is looked up in that tenant only.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(HubRateLimits.Login)]
internal sealed class LoginModel(SignInManager<StaffUser> signIn, IStringLocalizer<IdentityTexts> texts) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            ModelState.AddModelError(nameof(UserName), texts["Error.UserNameRequired"]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), texts["Error.PasswordRequired"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        ModelState.AddModelError(nameof(UserName), texts[result.IsLockedOut ? "Error.LockedOut" : "Error.InvalidLogin"]);
        return Page();
    }

    /// <summary>Only a page of this same tenant; anything else lands on its admin start page.</summary>
    private string SafeReturnUrl()
    {
        var tenantBase = Request.PathBase.Value ?? "";
        var candidate = ReturnUrl;
        var sameTenant = !string.IsNullOrEmpty(candidate) && Url.IsLocalUrl(candidate)
            && candidate.StartsWith(tenantBase + "/", StringComparison.Ordinal);
        return sameTenant ? candidate! : tenantBase + "/admin";
    }
}
