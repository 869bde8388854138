using System.Globalization;
using System.Text;
using Hub.Abstractions;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Catalog.Studio;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Pages.Studio;

/// <summary>One stored version, as the versions page lists it.</summary>
internal sealed record VersionRow(Guid Id, string Version, DateTime CreatedUtc, string? ChangeNote, string ContentHash, bool Published);

/// <summary>
/// <c>/admin/e-tjanster/{service}/versioner</c>: every stored version of a service, newest first, with its change note;
/// each can be downloaded as a package file, and any two compared by key (<c>?fran={id}&amp;till={id}</c>).
/// </summary>
[Authorize(Policy = HubPolicies.ServiceEditor)]
internal sealed class VersionsModel(CatalogDbContext db, IServicePackages packages) : PageModel
{
    public string Language { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";

    public string ServiceKey { get; private set; } = "";

    public string Title { get; private set; } = "";

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "fran")]
    public Guid? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "till")]
    public Guid? To { get; set; }

    /// <summary>The comparison asked for, or null.</summary>
    public (VersionRow From, VersionRow To, IReadOnlyList<DiffEntry> Entries)? Comparison { get; private set; }

    public async Task<IActionResult> OnGetAsync(string service, CancellationToken cancellationToken)
    {
        var found = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Key == service, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        ServiceKey = service;
        var versions = await db.Versions.AsNoTracking().Where(v => v.ServiceId == found.Id).OrderByDescending(v => v.CreatedUtc).ToListAsync(cancellationToken);
        Versions = [.. versions.Select(v => new VersionRow(v.Id, v.Version, v.CreatedUtc, v.ChangeNote, v.ContentHash, v.Id == found.PublishedVersionId))];
        var newest = versions.FirstOrDefault();
        Title = newest is not null && ServicePackageJson.Read(newest.Content).Package is { } package
            ? package.Title.Pick(Language, package.Form.DefaultLanguage).Text
            : service;

        if (From is { } from && To is { } to)
        {
            var a = versions.FirstOrDefault(v => v.Id == from);
            var b = versions.FirstOrDefault(v => v.Id == to);
            if (a is null || b is null)
            {
                return NotFound();
            }

            var (before, _) = ServicePackageJson.Read(a.Content);
            var (after, _) = ServicePackageJson.Read(b.Content);
            Comparison = (Versions.Single(v => v.Id == from), Versions.Single(v => v.Id == to), PackageDiff.Compare(before!, after!, Language));
        }

        return Page();
    }

    /// <summary>The version as a package file (<c>{key}-{version}.service.json</c>).</summary>
    public async Task<IActionResult> OnGetExportAsync(string service, Guid id, CancellationToken cancellationToken)
    {
        var owner = await db.Versions.AsNoTracking().Where(v => v.Id == id)
            .Join(db.Services, v => v.ServiceId, s => s.Id, (v, s) => s.Key).SingleOrDefaultAsync(cancellationToken);
        if (owner != service || await packages.ExportAsync(id, cancellationToken) is not { } export)
        {
            return NotFound();
        }

        return File(Encoding.UTF8.GetBytes(export.Json), "application/json", export.FileName);
    }
}
