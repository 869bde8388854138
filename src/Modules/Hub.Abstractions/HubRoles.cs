namespace Hub.Abstractions;

/// <summary>Staff roles. A role applies within the tenant the staff account belongs to.</summary>
public static class HubRoles
{
    /// <summary>Runs the hub: tenants, catalogue rules. Only in the <c>hub</c> tenant.</summary>
    public const string HubAdmin = "HubAdmin";

    /// <summary>Runs a municipality's site: settings and staff accounts.</summary>
    public const string TenantAdmin = "TenantAdmin";

    /// <summary>Owns e-services: publishes versions, adopts from the catalogue.</summary>
    public const string ServiceOwner = "ServiceOwner";

    /// <summary>Builds and edits e-services.</summary>
    public const string Editor = "Editor";

    /// <summary>Handles citizens' cases.</summary>
    public const string CaseOfficer = "CaseOfficer";

    /// <summary>
    /// Reviews versions submitted to the hub's shared catalogue: hub staff, or a member municipality's representative in
    /// the council that accepts shared services (docs/catalogue.md, "Review rules").
    /// </summary>
    public const string Coordinator = "Coordinator";

    /// <summary>Every role, in order of reach (Coordinator last: roles are stored by position).</summary>
    public static IReadOnlyList<string> All { get; } = [HubAdmin, TenantAdmin, ServiceOwner, Editor, CaseOfficer, Coordinator];
}

/// <summary>Claims of a signed-in staff account that other modules read.</summary>
public static class StaffClaims
{
    /// <summary>The person's name as colleagues see it.</summary>
    public const string DisplayName = "hub:name";

    /// <summary>The staff member's user name and name, from the sign-in cookie.</summary>
    public static (string UserName, string Name) Of(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userName = user.Identity?.Name ?? "";
        return (userName, user.FindFirst(DisplayName)?.Value is { Length: > 0 } name ? name : userName);
    }
}

/// <summary>Authorization policy names every module may put on its endpoints.</summary>
public static class HubPolicies
{
    /// <summary>Any staff account of the current tenant.</summary>
    public const string Staff = "Hub.Staff";

    /// <summary>A TenantAdmin of the current tenant.</summary>
    public const string TenantAdmin = "Hub.TenantAdmin";

    /// <summary>A CaseOfficer of the current tenant (the officer workspace).</summary>
    public const string CaseOfficer = "Hub.CaseOfficer";

    /// <summary>Builds and edits the current tenant's e-services in the studio: an Editor, ServiceOwner or TenantAdmin.</summary>
    public const string ServiceEditor = "Hub.ServiceEditor";

    /// <summary>Publishes the current tenant's e-services: a ServiceOwner or TenantAdmin.</summary>
    public const string ServiceOwner = "Hub.ServiceOwner";

    /// <summary>Reviews the shared catalogue: a Coordinator of the current tenant, or a HubAdmin on the hub tenant.</summary>
    public const string CatalogueReviewer = "Hub.CatalogueReviewer";

    /// <summary>A HubAdmin, on the hub tenant.</summary>
    public const string HubAdmin = "Hub.HubAdmin";

    /// <summary>A citizen signed in with e-ID on the current tenant's site (never a staff account).</summary>
    public const string Citizen = "Hub.Citizen";
}

/// <summary>Claims of a citizen signed in with e-ID, whichever provider vouched for them.</summary>
public static class CitizenClaimTypes
{
    /// <summary>The personal identity number, <c>YYYYMMDD-NNNN</c>.</summary>
    public const string PersonalIdentityNumber = "hub:pnr";

    /// <summary>Full name as the e-ID gives it.</summary>
    public const string Name = "name";

    /// <summary>Given name.</summary>
    public const string GivenName = "given_name";

    /// <summary>Family name.</summary>
    public const string FamilyName = "family_name";

    /// <summary>The slug of the tenant the session was opened on.</summary>
    public const string Tenant = "hub:tenant";

    /// <summary>Which provider vouched: <c>simulated</c> or the configured broker's name.</summary>
    public const string Provider = "hub:eid-provider";
}

/// <summary>A link on the admin start page, contributed by a module.</summary>
/// <param name="Path">Path inside the tenant, e.g. <c>/admin/anvandare</c>.</param>
/// <param name="TitleSv">Link text in Swedish.</param>
/// <param name="TitleEn">Link text in English.</param>
/// <param name="DescriptionSv">One sentence in Swedish on what is there.</param>
/// <param name="DescriptionEn">One sentence in English on what is there.</param>
/// <param name="Policy">The policy a user must meet to see the link.</param>
public sealed record AdminMenuItem(string Path, string TitleSv, string TitleEn, string DescriptionSv, string DescriptionEn, string Policy);
