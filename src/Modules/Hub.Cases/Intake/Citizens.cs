using System.Security.Claims;
using Hub.Abstractions;
using Microsoft.AspNetCore.Http;

namespace Hub.Cases.Intake;

/// <summary>A citizen logged in with e-ID on the current tenant's site.</summary>
internal sealed record Citizen(string PersonalIdentityNumber, string Name, string? GivenName);

/// <summary>The logged-in citizen, also on pages open to everyone (see <see cref="CitizenSession"/>).</summary>
internal sealed class Citizens(CitizenSession session)
{
    public async Task<Citizen?> GetAsync(HttpContext httpContext)
    {
        var principal = await session.GetAsync(httpContext);
        return principal?.FindFirstValue(CitizenClaimTypes.PersonalIdentityNumber) is { } pnr
            ? new Citizen(pnr, principal.FindFirstValue(CitizenClaimTypes.Name) ?? pnr, principal.FindFirstValue(CitizenClaimTypes.GivenName))
            : null;
    }
}
