using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;

namespace Hub.Identity.ApiClients;

/// <summary>
/// The authentication schemes that look at every request (<see cref="IAuthenticationRequestHandler"/>), without
/// OpenIddict's server and validation handlers on paths where OpenIddict has no endpoint.
/// </summary>
/// <remarks>
/// ASP.NET Core's authentication middleware offers each request to every such handler first. OpenIddict's two run
/// their whole event dispatch to find out that a form step or a case page is none of their endpoints: about 5 % of
/// the CPU of a citizen's step page in the journey benchmark (bench/README.md). Their endpoints are the tenant's
/// token endpoint (<c>/connect/token</c> under the tenant's path base), the simulated e-ID provider's (under
/// <c>/test-eid</c>) and the API (<c>/api</c>, whose bearer tokens the validation handler reads); everywhere else
/// they are left out. Authenticating with either scheme by name (the API's policies) is unchanged.
/// </remarks>
internal sealed class OpenIddictRequestSchemes(IOptions<AuthenticationOptions> options, IHttpContextAccessor httpContext)
    : AuthenticationSchemeProvider(options)
{
    private static readonly string[] OpenIddictSchemes =
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme];

    private static readonly PathString[] OpenIddictPaths = ["/connect", SimulatedEId.SimulatedEIdProvider.PathPrefix, "/api"];

    /// <summary>The base class's list and that list without OpenIddict's, replaced as one reference (requests race here).</summary>
    private Filtered? filtered;

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var schemes = await base.GetRequestHandlerSchemesAsync();
        if (httpContext.HttpContext?.Request is not { } request || MayBeOpenIddictEndpoint(request.Path))
        {
            return schemes;
        }

        // The base class returns the same list until a scheme is added or removed; so is the filtered one.
        var current = filtered;
        if (current is null || !ReferenceEquals(current.All, schemes))
        {
            current = new Filtered(schemes, schemes.Where(s => !OpenIddictSchemes.Contains(s.Name, StringComparer.Ordinal)).ToArray());
            filtered = current;
        }

        return current.WithoutOpenIddict;
    }

    private sealed record Filtered(IEnumerable<AuthenticationScheme> All, AuthenticationScheme[] WithoutOpenIddict);

    /// <summary>Whether a request's path (after the tenant's path base) may be one of OpenIddict's endpoints.</summary>
    internal static bool MayBeOpenIddictEndpoint(PathString path) =>
        OpenIddictPaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
