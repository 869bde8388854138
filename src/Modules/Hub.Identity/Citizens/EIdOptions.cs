namespace Hub.Identity.Citizens;

/// <summary>Which e-ID provider citizens log in and sign with.</summary>
internal enum EIdProviderKind
{
    /// <summary>No e-ID: the login page says so (the default outside Development).</summary>
    None,

    /// <summary>The hub's own test provider under <c>/test-eid</c>; refused in Production.</summary>
    Simulated,

    /// <summary>A real broker (BankID, Freja eID) speaking OpenID Connect.</summary>
    Oidc,
}

/// <summary><c>Hub:EId</c>: the citizen e-ID provider. See <c>docs/e-id.md</c>.</summary>
internal sealed class EIdOptions
{
    public const string Section = "Hub:EId";

    public EIdProviderKind Provider { get; set; }

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Space-separated, as in OAuth (<c>openid profile</c>).</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>The broker's claim carrying the personnummer, e.g. <c>ssn</c>.</summary>
    public string PersonalIdentityNumberClaim { get; set; } = "ssn";

    /// <summary>What <see cref="Hub.Abstractions.CitizenClaimTypes.Provider"/> says for this broker.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Some brokers put the personnummer in the userinfo response only.</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    public EIdSigningOptions Signing { get; set; } = new();

    public string ProviderName => Provider == EIdProviderKind.Simulated ? "simulated" : DisplayName ?? "oidc";
}

/// <summary>
/// How a signing request travels to the broker and how its answer comes back. Brokers differ; the defaults are the
/// simulated provider's names. Extra parameters (such as Criipto's <c>login_hint=action:sign</c> or an
/// <c>acr_values</c> naming the signing method) are sent as they are.
/// </summary>
internal sealed class EIdSigningOptions
{
    public string TextParameter { get; set; } = "hub_sign_text";

    /// <summary><c>Plain</c> or <c>Base64</c> (UTF-8), for brokers that take the text base64-encoded.</summary>
    public string TextEncoding { get; set; } = "Plain";

    public string HashParameter { get; set; } = "hub_sign_hash";

    public string ReferenceParameter { get; set; } = "hub_sign_ref";

    public string HashClaim { get; set; } = "hub_sign_hash";

    public string ReferenceClaim { get; set; } = "hub_sign_ref";

    /// <summary>Send the signed-in citizen's personnummer as <c>login_hint</c>, so only they can sign.</summary>
    public bool SendLoginHint { get; set; } = true;

    public Dictionary<string, string> ExtraParameters { get; set; } = [];
}
