using System.Net.Mail;
using Hub.Abstractions;
using Hub.Identity.Domain;
using Hub.Identity.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Identity.Pages.Admin.Users;

/// <summary>Fields shared by the create and edit pages.</summary>
internal sealed class UserInput
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public List<string> Roles { get; set; } = [];

    public string? Password { get; set; }

    public bool Locked { get; set; }
}

/// <summary>What the shared user fields partial needs.</summary>
internal abstract class UserFormModel(ITenantContext tenantContext) : PageModel
{
    public abstract UserInput Input { get; set; }

    /// <summary>HubAdmin is given only on the hub's own site, and only by a HubAdmin.</summary>
    public IReadOnlyList<string> AssignableRoles =>
        [.. HubRoles.All.Where(r => r != HubRoles.HubAdmin || (tenantContext.Tenant!.IsHub && User.IsInRole(HubRoles.HubAdmin)))];

    /// <summary>Only a HubAdmin may change an account that holds HubAdmin (a TenantAdmin of the hub may not).</summary>
    protected async Task<bool> MayChangeAsync(UserManager<StaffUser> users, StaffUser user) =>
        User.IsInRole(HubRoles.HubAdmin) || !await users.IsInRoleAsync(user, HubRoles.HubAdmin);

    protected void ValidateCommon(IStringLocalizer<IdentityTexts> texts)
    {
        if (string.IsNullOrWhiteSpace(Input.DisplayName))
        {
            ModelState.AddModelError("Input.DisplayName", texts["Error.DisplayNameRequired"]);
        }
        else if (Input.DisplayName.Trim().Length > 100)
        {
            ModelState.AddModelError("Input.DisplayName", texts["Error.DisplayNameTooLong"]);
        }

        if (string.IsNullOrWhiteSpace(Input.Email) || Input.Email.Trim().Length > 256
            || !MailAddress.TryCreate(Input.Email.Trim(), out var address) || address.Address != Input.Email.Trim())
        {
            ModelState.AddModelError("Input.Email", texts["Error.EmailInvalid"]);
        }

        // Roles outside the assignable list (a crafted HubAdmin, say) are dropped, never granted.
        Input.Roles = [.. Input.Roles.Where(AssignableRoles.Contains).Distinct()];
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", texts["Error.RolesRequired"]);
        }
    }

    protected async Task<bool> ValidatePasswordAsync(UserManager<StaffUser> users, StaffUser user, IStringLocalizer<IdentityTexts> texts)
    {
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, user, Input.Password)).Succeeded)
            {
                ModelState.AddModelError("Input.Password", texts["Error.PasswordWeak"]);
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Refuses a change that would leave the tenant without an administrator who can sign in, or the hub without a
    /// HubAdmin (nobody could then manage tenants).
    /// </summary>
    protected async Task<bool> LeavesAnAdminAsync(UserManager<StaffUser> users, StaffUser changed, IReadOnlyCollection<string> rolesAfter, bool lockedAfter, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        bool Other(StaffUser a) => a.Id != changed.Id && !(a.LockoutEnd is { } end && end > now);
        if (tenantContext.Tenant!.IsHub && await users.IsInRoleAsync(changed, HubRoles.HubAdmin)
            && (lockedAfter || !rolesAfter.Contains(HubRoles.HubAdmin))
            && !(await users.GetUsersInRoleAsync(HubRoles.HubAdmin)).Any(Other))
        {
            return false;
        }

        if (!lockedAfter && rolesAfter.Any(r => r is HubRoles.TenantAdmin or HubRoles.HubAdmin))
        {
            return true;
        }

        var admins = await users.GetUsersInRoleAsync(HubRoles.TenantAdmin);
        var hubAdmins = await users.GetUsersInRoleAsync(HubRoles.HubAdmin);
        return admins.Concat(hubAdmins).Any(Other);
    }
}
