using System.Net.Mail;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Identity.Data;
using Hub.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Identity.Recipes;

/// <summary>The <c>users</c> step: staff accounts and their roles. Passwords are accepted only in Development.</summary>
internal sealed class UsersRecipeStep(TimeProvider clock) : IRecipeStepHandler
{
    public string StepName => "users";

    public void Validate(RecipeStep step, RecipeValidation validation)
    {
        var dto = RecipeJson.Read<UsersStepDto>(step, validation);
        if (dto is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < dto.Users.Count; i++)
        {
            var user = dto.Users[i];
            var path = $"{step.Path}.users[{i}]";
            if (!StaffAccounts.IsValidUserName(user.UserName))
            {
                validation.Add(path + ".userName", $"'{user.UserName}' must be 2–64 letters, digits, '.', '-', '_' or '@'");
            }
            else if (!seen.Add(user.UserName))
            {
                validation.Add(path + ".userName", $"'{user.UserName}' appears twice");
            }

            if (!MailAddress.TryCreate(user.Email, out var address) || address.Address != user.Email)
            {
                validation.Add(path + ".email", $"'{user.Email}' is not an e-mail address");
            }

            if (user.DisplayName is { Length: > 100 })
            {
                validation.Add(path + ".displayName", "is longer than 100 characters");
            }

            if (user.Roles.Count == 0)
            {
                validation.Add(path + ".roles", "must name at least one role");
            }

            for (var r = 0; r < user.Roles.Count; r++)
            {
                if (!HubRoles.All.Contains(user.Roles[r]))
                {
                    validation.Add($"{path}.roles[{r}]", $"unknown role '{user.Roles[r]}'; roles: {string.Join(", ", HubRoles.All)}");
                }
                else if (user.Roles[r] == HubRoles.HubAdmin && validation.TenantSlug != TenantSnapshot.HubSlug)
                {
                    validation.Add($"{path}.roles[{r}]", "HubAdmin exists only in the 'hub' tenant");
                }
            }

            if (user.Password is not null && !validation.AllowPasswords)
            {
                validation.Add(path + ".password",
                    "recipe files carry passwords only in Development; give the first admin's password when creating the tenant in the hub admin, or set Hub:Bootstrap:HubAdminPassword");
            }
        }
    }

    public async Task ExecuteAsync(RecipeStep step, RecipeExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(execution);
        var dto = step.Json.Deserialize<UsersStepDto>(RecipeJson.Options)!;
        await execution.EnlistAsync(execution.Services.GetRequiredService<StaffIdentityDbContext>());
        var users = execution.Services.GetRequiredService<UserManager<StaffUser>>();
        foreach (var entry in dto.Users)
        {
            var user = await users.FindByNameAsync(entry.UserName);
            if (user is null)
            {
                user = new StaffUser
                {
                    UserName = entry.UserName,
                    Email = entry.Email,
                    EmailConfirmed = true,
                    DisplayName = entry.DisplayName ?? entry.UserName,
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                };
                StaffAccounts.Check(await users.CreateAsync(user), entry.UserName);
            }
            else
            {
                user.Email = entry.Email;
                user.DisplayName = entry.DisplayName ?? user.DisplayName;
                StaffAccounts.Check(await users.UpdateAsync(user), entry.UserName);
            }

            await StaffAccounts.SetRolesAsync(users, user, entry.Roles);
            // A second run leaves a password the person has since changed alone.
            if (entry.Password is not null && !await users.HasPasswordAsync(user))
            {
                StaffAccounts.Check(await users.AddPasswordAsync(user, entry.Password), entry.UserName);
            }
        }
    }

    private sealed class UsersStepDto
    {
        public required string Step { get; init; }

        public required List<UserDto> Users { get; init; }
    }

    private sealed class UserDto
    {
        public required string UserName { get; init; }

        public required string Email { get; init; }

        public string? DisplayName { get; init; }

        public required List<string> Roles { get; init; }

        public string? Password { get; init; }
    }
}
