namespace Hub.Abstractions;

/// <summary>
/// The rate-limit policies a module puts on its pages and endpoints (<c>[EnableRateLimiting(HubRateLimits.Login)]</c>);
/// the host sets their limits (<c>Hub:RateLimits</c>), counted per tenant and client address, and answers 429 with
/// <c>Retry-After</c> in the tenant's look. Only the methods a policy names are counted: reading a page is not.
/// </summary>
public static class HubRateLimits
{
    /// <summary>Staff sign-in posts (wrong passwords also lock the account: ASP.NET Core Identity's lockout).</summary>
    public const string Login = "hub.login";

    /// <summary>Starting an e-ID login (the provider's callback is limited by the host under the same limit).</summary>
    public const string EId = "hub.eid";

    /// <summary>Submitting an application from its review page.</summary>
    public const string Submit = "hub.submit";

    /// <summary>Saving a form step, uploads included.</summary>
    public const string Form = "hub.form";

    /// <summary>Searching the e-services.</summary>
    public const string Search = "hub.search";
}
