using System.Security.Claims;
using Hub.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Hub.Cases.Intake;

/// <summary>A citizen logged in with e-ID on the current tenant's site.</summary>
internal sealed record Citizen(string PersonalIdentityNumber, string Name, string? GivenName);

/// <summary>
/// Finds the logged-in citizen on pages open to everyone (the citizen's session is its own scheme, so the default
/// <c>User</c> does not carry it): evaluates the <see cref="HubPolicies.Citizen"/> policy as an endpoint would.
/// </summary>
internal sealed class CitizenAccessor(IAuthorizationPolicyProvider policies, IPolicyEvaluator evaluator)
{
    private const string ItemKey = "hub:citizen";

    public async Task<Citizen?> GetAsync(HttpContext httpContext)
    {
        if (httpContext.Items.TryGetValue(ItemKey, out var cached))
        {
            return cached as Citizen;
        }

        Citizen? citizen = null;
        var policy = await policies.GetPolicyAsync(HubPolicies.Citizen);
        if (policy is not null)
        {
            var authentication = await evaluator.AuthenticateAsync(policy, httpContext);
            if (authentication.Succeeded)
            {
                var originalUser = httpContext.User;
                var result = await evaluator.AuthorizeAsync(policy, authentication, httpContext, resource: null);
                httpContext.User = originalUser;
                var principal = authentication.Principal;
                if (result.Succeeded && principal?.FindFirstValue(CitizenClaimTypes.PersonalIdentityNumber) is { Length: > 0 } pnr)
                {
                    citizen = new Citizen(pnr, principal.FindFirstValue(CitizenClaimTypes.Name) ?? pnr, principal.FindFirstValue(CitizenClaimTypes.GivenName));
                }
            }
        }

        httpContext.Items[ItemKey] = citizen;
        return citizen;
    }
}
