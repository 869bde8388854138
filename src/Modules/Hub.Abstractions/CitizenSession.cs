using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Hub.Abstractions;

/// <summary>
/// The citizen logged in with e-ID on the current tenant's site, on any page (the citizen's session is a scheme of
/// its own, so <c>HttpContext.User</c> does not carry it): the <see cref="HubPolicies.Citizen"/> policy evaluated as
/// an endpoint would, once per request.
/// </summary>
public sealed class CitizenSession(IAuthorizationPolicyProvider policies, IPolicyEvaluator evaluator)
{
    private const string ItemKey = "hub:citizen-principal";

    /// <summary>The citizen's principal when the policy is met, else null.</summary>
    public async Task<ClaimsPrincipal?> GetAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Items.TryGetValue(ItemKey, out var cached))
        {
            return cached as ClaimsPrincipal;
        }

        ClaimsPrincipal? citizen = null;
        var policy = await policies.GetPolicyAsync(HubPolicies.Citizen);
        if (policy is not null)
        {
            var user = httpContext.User;
            var authentication = await evaluator.AuthenticateAsync(policy, httpContext);
            if (authentication.Succeeded)
            {
                var result = await evaluator.AuthorizeAsync(policy, authentication, httpContext, resource: null);
                if (result.Succeeded && authentication.Principal?.FindFirstValue(CitizenClaimTypes.PersonalIdentityNumber) is { Length: > 0 })
                {
                    citizen = authentication.Principal;
                }
            }

            // Authenticating a policy's schemes replaces User; the page keeps the identity it had.
            httpContext.User = user;
        }

        httpContext.Items[ItemKey] = citizen;
        return citizen;
    }
}
