using System.Security.Claims;
using Hub.Abstractions;
using Hub.Identity.Domain;
using Hub.Identity.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hub.Identity.Pages.Admin.Users;

/// <summary>
/// Edit, lock or remove a staff account. The account is looked up through the tenant's query filter, so an id of
/// another tenant's account answers 404 exactly like an id that does not exist.
/// </summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class EditUserModel(
    ITenantContext tenantContext, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, TimeProvider clock,
    IStringLocalizer<IdentityTexts> texts)
    : UserFormModel(tenantContext)
{
    [BindProperty]
    public override UserInput Input { get; set; } = new();

    public string UserName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || !await MayChangeAsync(users, user))
        {
            return NotFound();
        }

        UserName = user.UserName!;
        Input = new UserInput
        {
            DisplayName = user.DisplayName,
            Email = user.Email,
            Roles = [.. await users.GetRolesAsync(user)],
            Locked = IsLocked(user),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || !await MayChangeAsync(users, user))
        {
            return NotFound();
        }

        UserName = user.UserName!;
        ValidateCommon(texts);
        if (!string.IsNullOrEmpty(Input.Password))
        {
            await ValidatePasswordAsync(users, user, texts);
        }

        var isSelf = users.GetUserId(User) == user.Id.ToString();
        var stillAdmin = !Input.Locked && Input.Roles.Any(r => r is HubRoles.TenantAdmin or HubRoles.HubAdmin);
        if (isSelf && (Input.Locked || !stillAdmin))
        {
            ModelState.AddModelError("Input.Roles", texts["Error.CannotRemoveSelf"]);
        }
        else if (!await LeavesAnAdminAsync(users, user, Input.Roles, Input.Locked, clock))
        {
            ModelState.AddModelError("Input.Roles", texts["Error.LastAdmin"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        user.DisplayName = Input.DisplayName!.Trim();
        user.Email = Input.Email!.Trim();
        StaffAccounts.Check(await users.UpdateAsync(user), user.UserName!);
        await StaffAccounts.SetRolesAsync(users, user, Input.Roles);
        if (Input.Locked != IsLocked(user))
        {
            StaffAccounts.Check(await users.SetLockoutEndDateAsync(user, Input.Locked ? DateTimeOffset.MaxValue : null), user.UserName!);
        }

        if (!string.IsNullOrEmpty(Input.Password))
        {
            StaffAccounts.Check(await users.RemovePasswordAsync(user), user.UserName!);
            StaffAccounts.Check(await users.AddPasswordAsync(user, Input.Password), user.UserName!);
        }

        // Ends the person's open sessions at their next request, so a lock or a lost role takes effect at once.
        StaffAccounts.Check(await users.UpdateSecurityStampAsync(user), user.UserName!);
        if (isSelf)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return Redirect(Url.Content("~/admin/anvandare") + "?saved=" + Uri.EscapeDataString(user.UserName!));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || !await MayChangeAsync(users, user))
        {
            return NotFound();
        }

        UserName = user.UserName!;
        Input = new UserInput { DisplayName = user.DisplayName, Email = user.Email, Roles = [.. await users.GetRolesAsync(user)], Locked = IsLocked(user) };
        if (users.GetUserId(User) == user.Id.ToString())
        {
            ModelState.AddModelError("Input.Roles", texts["Error.CannotRemoveSelf"]);
            return Page();
        }

        if (!await LeavesAnAdminAsync(users, user, [], lockedAfter: true, clock))
        {
            ModelState.AddModelError("Input.Roles", texts["Error.LastAdmin"]);
            return Page();
        }

        StaffAccounts.Check(await users.DeleteAsync(user), user.UserName!);
        return Redirect(Url.Content("~/admin/anvandare") + "?deleted=" + Uri.EscapeDataString(user.UserName!));
    }

    private bool IsLocked(StaffUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();
}
