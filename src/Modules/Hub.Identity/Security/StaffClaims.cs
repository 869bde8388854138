using System.Security.Claims;
using Hub.Abstractions;
using Hub.Identity.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hub.Identity.Security;

internal static class StaffClaimTypes
{
    public const string Tenant = "hub:tenant";
    public const string DisplayName = Hub.Abstractions.StaffClaims.DisplayName;
}

/// <summary>Puts the account's tenant and display name into the sign-in cookie.</summary>
internal sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaimTypes.Tenant, user.TenantId.ToString()));
        identity.AddClaim(new Claim(StaffClaimTypes.DisplayName, user.DisplayName));
        return identity;
    }
}

/// <summary>Met only when the signed-in account belongs to the tenant the request is for.</summary>
internal sealed class CurrentTenantRequirement : IAuthorizationRequirement
{
    public bool HubOnly { get; init; }
}

internal sealed class CurrentTenantHandler(ITenantContext tenantContext) : AuthorizationHandler<CurrentTenantRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CurrentTenantRequirement requirement)
    {
        var tenant = tenantContext.Tenant;
        if (tenant is not null
            && (!requirement.HubOnly || tenant.IsHub)
            && context.User.FindFirstValue(StaffClaimTypes.Tenant) == tenant.Id.ToString())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
