using Hub.Abstractions;
using Hub.Identity.Domain;
using Hub.Identity.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hub.Identity.Pages.Admin.Users;

/// <summary>A TenantAdmin adds a staff account to their own tenant (the write guard stamps the tenant).</summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class CreateUserModel(
    ITenantContext tenantContext, UserManager<StaffUser> users, TimeProvider clock, IStringLocalizer<IdentityTexts> texts)
    : UserFormModel(tenantContext)
{
    [BindProperty]
    public override UserInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync()
    {
        Input.UserName = Input.UserName?.Trim();
        if (!StaffAccounts.IsValidUserName(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", texts["Error.UserNameInvalid"]);
        }
        else if (await users.FindByNameAsync(Input.UserName!) is not null)
        {
            ModelState.AddModelError("Input.UserName", texts["Error.UserNameTaken"]);
        }

        ValidateCommon(texts);
        var user = new StaffUser
        {
            UserName = Input.UserName,
            DisplayName = Input.DisplayName?.Trim() ?? "",
            Email = Input.Email?.Trim(),
            EmailConfirmed = true,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (string.IsNullOrEmpty(Input.Password) || !await ValidatePasswordAsync(users, user, texts))
        {
            if (!ModelState.ContainsKey("Input.Password") || ModelState["Input.Password"]!.Errors.Count == 0)
            {
                ModelState.AddModelError("Input.Password", texts["Error.PasswordWeak"]);
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        StaffAccounts.Check(await users.CreateAsync(user, Input.Password!), user.UserName!);
        await StaffAccounts.SetRolesAsync(users, user, Input.Roles);
        return Redirect(Url.Content("~/admin/anvandare") + "?created=" + Uri.EscapeDataString(user.UserName!));
    }
}
