using System.Security.Claims;

namespace Hub.Abstractions;

/// <summary>
/// The scopes an API client of a municipality may hold (docs/api.md). A client gets only the scopes its TenantAdmin
/// granted; a token asks for some of them, and an endpoint requires one through <see cref="Policy"/>.
/// </summary>
public static class ApiScopes
{
    /// <summary>Read cases, their XML, PDF and attachments.</summary>
    public const string CasesRead = "cases:read";

    /// <summary>Move cases, write messages, notes, attributes and delivery confirmations.</summary>
    public const string CasesWrite = "cases:write";

    /// <summary>Read the municipality's e-services and their schemas.</summary>
    public const string ServicesRead = "services:read";

    /// <summary>Read aggregated statistics.</summary>
    public const string StatisticsRead = "statistics:read";

    /// <summary>Every scope, in the order the admin page lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [CasesRead, CasesWrite, ServicesRead, StatisticsRead];

    /// <summary>The authorization policy that requires <paramref name="scope"/> of a token of the current tenant.</summary>
    public static string Policy(string scope) => "Hub.Api." + scope;

    /// <summary>The scope a policy of <see cref="Policy"/> requires, or null for any other policy.</summary>
    public static string? OfPolicy(string? policy) => All.FirstOrDefault(scope => Policy(scope) == policy);
}

/// <summary>Who calls the API: the client an access token was issued to.</summary>
public static class ApiCaller
{
    /// <summary>The claim with the client's name as its TenantAdmin gave it (audit trails show it).</summary>
    public const string NameClaim = "hub:api_client_name";

    /// <summary>The claim with the id of the tenant the token was issued by.</summary>
    public const string TenantClaim = "hub:api_tenant";

    /// <summary>The claim with the client's secret revision at issue (rotation and revocation end older tokens).</summary>
    public const string RevisionClaim = "hub:api_rev";

    /// <summary>The client id and name of the token's client.</summary>
    public static (string ClientId, string Name) Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
        return (id, user.FindFirst(NameClaim)?.Value is { Length: > 0 } name ? name : id);
    }
}
