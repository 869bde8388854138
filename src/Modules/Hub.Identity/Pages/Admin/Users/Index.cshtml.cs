using Hub.Abstractions;
using Hub.Identity.Domain;
using Hub.Identity.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hub.Identity.Pages.Admin.Users;

/// <summary>The tenant's staff accounts. The query filter limits the list to the current tenant.</summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class UsersIndexModel(UserManager<StaffUser> users, TimeProvider clock, IStringLocalizer<IdentityTexts> texts) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? created, string? saved, string? deleted, CancellationToken cancellationToken)
    {
        // Only names of real accounts are echoed, so a crafted link cannot put words in the admin's mouth.
        Message = created is not null && await users.FindByNameAsync(created) is not null ? texts["UserCreated", created].Value
            : saved is not null && await users.FindByNameAsync(saved) is not null ? texts["UserSaved", saved].Value
            : deleted is not null && StaffAccounts.IsValidUserName(deleted) && await users.FindByNameAsync(deleted) is null ? texts["UserDeleted", deleted].Value
            : null;
        var now = clock.GetUtcNow();
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken))
        {
            rows.Add(new UserRow(user.Id, user.UserName!, user.DisplayName, [.. await users.GetRolesAsync(user)],
                user.LockoutEnd is { } end && end > now));
        }

        Users = rows;
    }

    internal sealed record UserRow(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool Locked);
}
