using System.Text.RegularExpressions;
using Hub.Abstractions;
using Hub.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace Hub.Identity;

/// <summary>Rules for staff accounts shared by the admin pages and the recipe step.</summary>
internal static partial class StaffAccounts
{
    public static bool IsValidUserName(string? userName) => userName is not null && UserNamePattern().IsMatch(userName);

    public static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"account '{userName}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>Makes the account's roles exactly <paramref name="roles"/>; callers decide which roles may be granted where.</summary>
    public static async Task SetRolesAsync(UserManager<StaffUser> users, StaffUser user, IEnumerable<string> roles)
    {
        var wanted = roles.Where(HubRoles.All.Contains).ToHashSet();
        var current = await users.GetRolesAsync(user);
        var remove = current.Where(r => !wanted.Contains(r)).ToList();
        var add = wanted.Where(r => !current.Contains(r)).ToList();
        if (remove.Count > 0)
        {
            Check(await users.RemoveFromRolesAsync(user, remove), user.UserName!);
        }

        if (add.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, add), user.UserName!);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{2,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
