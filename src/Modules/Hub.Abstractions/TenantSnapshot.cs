namespace Hub.Abstractions;

/// <summary>Whether a tenant's site answers requests.</summary>
public enum TenantState
{
    /// <summary>The site is served.</summary>
    Running = 0,

    /// <summary>The site answers a friendly 503 page; nothing else is served.</summary>
    Disabled = 1,
}

/// <summary>An immutable view of one tenant, as held by the tenant registry's snapshot.</summary>
/// <param name="Id">Stable id; the value of <c>TenantId</c> on every row the tenant owns.</param>
/// <param name="Slug">Lower-case name used as first path segment (<c>/tyreso/</c>).</param>
/// <param name="State">Running or disabled.</param>
/// <param name="HostNames">Host names that resolve to this tenant without a path prefix.</param>
/// <param name="Settings">Name, logo, colours, contact details and languages.</param>
/// <param name="EnabledFeatures">Ids of the features switched on for this tenant.</param>
/// <param name="Version">Incremented on every change; lets caches notice a stale snapshot.</param>
public sealed record TenantSnapshot(
    Guid Id,
    string Slug,
    TenantState State,
    IReadOnlyList<string> HostNames,
    TenantSettings Settings,
    IReadOnlySet<string> EnabledFeatures,
    long Version)
{
    /// <summary>The slug of the coordinating unit's tenant.</summary>
    public const string HubSlug = "hub";

    /// <summary>True for the coordinating unit's tenant.</summary>
    public bool IsHub => Slug == HubSlug;

    /// <summary>True when the feature is switched on for this tenant.</summary>
    public bool HasFeature(string featureId) => EnabledFeatures.Contains(featureId);
}

/// <summary>A tenant's own settings: what its admin edits.</summary>
/// <param name="DisplayName">The municipality's name as citizens know it, e.g. "Tyresö kommun".</param>
/// <param name="LogoUrl">Root-relative or https address of the logo, or null for none.</param>
/// <param name="PrimaryColor">Header background as #rrggbb.</param>
/// <param name="PrimaryTextColor">Header text as #rrggbb; contrast with <paramref name="PrimaryColor"/> is at least 4.5:1.</param>
/// <param name="AccentColor">Link and button colour as #rrggbb; contrast with white is at least 4.5:1.</param>
/// <param name="Contact">Contact details shown in the footer.</param>
/// <param name="Languages">Languages the site offers, default first; always contains "sv".</param>
public sealed record TenantSettings(
    string DisplayName,
    string? LogoUrl,
    string PrimaryColor,
    string PrimaryTextColor,
    string AccentColor,
    TenantContact Contact,
    IReadOnlyList<string> Languages)
{
    /// <summary>Settings a tenant starts with when its recipe names none.</summary>
    public static TenantSettings Default(string displayName) => new(
        displayName, null, "#1f3a5f", "#ffffff", "#1a5496", TenantContact.Empty, ["sv", "en"]);
}

/// <summary>How citizens reach the municipality.</summary>
public sealed record TenantContact(string? Email, string? Phone, string? Address, string? Website)
{
    /// <summary>No contact details.</summary>
    public static TenantContact Empty { get; } = new(null, null, null, null);
}
