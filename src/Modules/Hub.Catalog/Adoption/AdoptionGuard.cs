using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Abstractions;
using Hub.Catalog.Data;
using Hub.Catalog.Resources;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hub.Catalog.Adoption;

/// <summary>
/// Keeps an adopted service within its upstream's adaptation policy: every way a local version or draft is written (the
/// studio's save and publish, an import) asks it first, so a crafted request cannot change a locked element.
/// </summary>
internal sealed class AdoptionGuard(CatalogDbContext db, ITenantContext tenantContext, IStringLocalizer<CatalogueTexts> texts)
{
    /// <summary>The adoption of the current tenant's service <paramref name="serviceKey"/> and its upstream base, or null.</summary>
    public async Task<(CatalogueAdoption Adoption, ServicePackage Base, string BaseContent)?> FindAsync(string serviceKey, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.Tenant?.Id;
        if (tenantId is null)
        {
            return null;
        }

        var found = await (from adoption in db.Adoptions.AsNoTracking()
                           join version in db.CatalogueVersions.AsNoTracking() on adoption.BaseVersionId equals version.Id
                           where adoption.AdopterTenantId == tenantId && adoption.ServiceKey == serviceKey
                           select new { adoption, version.Content }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.adoption, ServicePackageJson.Read(found.Content).Package!, found.Content);
    }

    /// <summary>What <paramref name="package"/> (a local version or draft of <paramref name="serviceKey"/>) changes that the policy forbids.</summary>
    public async Task<IReadOnlyList<PolicyViolation>> ViolationsAsync(string serviceKey, ServicePackage package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (await FindAsync(serviceKey, cancellationToken) is not { } found)
        {
            return [];
        }

        return LocalChanges.Violations(found.Base.EffectiveAdaptation,
            LocalChanges.Normalize(found.BaseContent, serviceKey), LocalChanges.Normalize(ServicePackageJson.WriteCanonical(package), serviceKey));
    }

    /// <summary>The violations as problems with a path, in the page's language.</summary>
    public async Task<IReadOnlyList<FormProblem>> ProblemsAsync(string serviceKey, ServicePackage package, CancellationToken cancellationToken) =>
        [.. (await ViolationsAsync(serviceKey, package, cancellationToken)).Select(Describe)];

    public FormProblem Describe(PolicyViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";
        var reason = violation.Reason is null ? "" : violation.Reason.GetValueOrDefault(language) ?? violation.Reason.Values.FirstOrDefault() ?? "";
        return new FormProblem("$" + violation.Change.Path, texts[violation.Problem, Subject(violation.Change.Reference), reason].Value);
    }

    /// <summary>A reference as people read it: <c>element:child-name</c> stays as it is, a setting is named by its name.</summary>
    public static string Subject(string reference) =>
        reference.StartsWith(LocalChanges.SettingPrefix, StringComparison.Ordinal) ? reference[LocalChanges.SettingPrefix.Length..] : reference;

    /// <summary>The upstream base of an adopted service as a document with the local identity (for comparisons).</summary>
    public static JsonObject BaseDocument(string baseContent, string serviceKey) => LocalChanges.Normalize(baseContent, serviceKey);
}
