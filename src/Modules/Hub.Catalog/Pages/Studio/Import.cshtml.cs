using System.Globalization;
using System.Text;
using Hub.Abstractions;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Catalog.Resources;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// <c>/admin/e-tjanster/importera</c>: a package file (<c>docs/package-format.md</c>) imported through
/// <see cref="IServicePackages.ImportAsync"/>: all or nothing. A refused file lists every problem with its JSON path
/// and stores nothing; an accepted one is a new, unpublished version of its service (the service too, on its first
/// version), with the quality gate's findings. A draft of the service is left as it is.
/// </summary>
[Authorize(Policy = HubPolicies.ServiceOwner)]
// The request may be a little larger than the file it carries; the file's own limit is checked below, next to the field.
[RequestSizeLimit(RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestBytes)]
internal sealed class ImportModel(
    IServicePackages packages, IServiceQualityGate gate, CatalogDbContext db, ITenantContext tenantContext, IStringLocalizer<StudioTexts> texts) : PageModel
{
    private const long RequestBytes = PackageJsonInput.MaxBytes + 64 * 1024;

    /// <summary>The largest package file, as the package format allows.</summary>
    public static int MaxMegabytes => PackageJsonInput.MaxBytes / (1024 * 1024);

    /// <summary>Why the file was refused, each with its JSON path; empty unless an import was refused.</summary>
    public IReadOnlyList<FormProblem> Problems { get; private set; } = [];

    /// <summary>What was stored, when the import succeeded.</summary>
    public (Guid Id, string Key, string Version, bool AlreadyStored)? Stored { get; private set; }

    /// <summary>True when publishing the stored version was refused by the quality gate.</summary>
    public bool PublishBlocked { get; private set; }

    public IReadOnlyList<QualityFinding> Findings { get; private set; } = [];

    public string Describe(QualityFinding finding) => gate.Describe(finding, CultureInfo.CurrentUICulture);

    public IActionResult OnGet() => tenantContext.Tenant is null or { IsHub: true } ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(IFormFile? package, CancellationToken cancellationToken)
    {
        if (tenantContext.Tenant is null or { IsHub: true })
        {
            return NotFound();
        }

        if (package is null || package.Length == 0)
        {
            ModelState.AddModelError("package", texts["Import.Error.NoFile"]);
            return Page();
        }

        if (package.Length > PackageJsonInput.MaxBytes)
        {
            ModelState.AddModelError("package", texts["Import.Error.TooLarge", MaxMegabytes]);
            return Page();
        }

        string json;
        try
        {
            using var reader = new StreamReader(package.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            json = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError("package", texts["Import.Error.NotText"]);
            return Page();
        }

        var result = await packages.ImportAsync(json, cancellationToken);
        if (!result.Succeeded)
        {
            Problems = result.Problems;
            ModelState.AddModelError("package", texts["Import.Error.Refused", Problems.Count]);
            return Page();
        }

        await ShowAsync(result.VersionId!.Value, result.AlreadyStored, cancellationToken);
        Findings = result.Findings;
        return Page();
    }

    /// <summary>Publishes the version just imported, unless the quality gate blocks it (then its findings are shown).</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        if (tenantContext.Tenant is null or { IsHub: true } || !await ShowAsync(id, alreadyStored: true, cancellationToken))
        {
            return NotFound();
        }

        var result = await packages.PublishAsync(id, cancellationToken);
        if (result.Published)
        {
            return Redirect(Url.Content("~/admin/e-tjanster?publicerad=") + Uri.EscapeDataString(Stored!.Value.Key) + "&version=" + Uri.EscapeDataString(Stored.Value.Version));
        }

        PublishBlocked = true;
        Findings = result.Findings;
        return Page();
    }

    // The current tenant's version (the query filter scopes it); false when there is none with that id.
    private async Task<bool> ShowAsync(Guid id, bool alreadyStored, CancellationToken cancellationToken)
    {
        var version = await db.Versions.AsNoTracking().Where(v => v.Id == id)
            .Join(db.Services, v => v.ServiceId, s => s.Id, (v, s) => new { s.Key, v.Version })
            .SingleOrDefaultAsync(cancellationToken);
        Stored = version is null ? null : (id, version.Key, version.Version, alreadyStored);
        return version is not null;
    }
}
