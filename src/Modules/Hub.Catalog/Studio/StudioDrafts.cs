using Hub.Abstractions;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Catalog.Domain;
using Hub.Catalog.Packages;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Studio;

/// <summary>One of the tenant's services as the studio lists it.</summary>
internal sealed record StudioServiceRow(string Key, string Title, string? PublishedVersion, bool HasDraft, DateTime? DraftUpdatedUtc);

/// <summary>A draft read and checked: the package (gaps open), the reader's problems and the quality gate's findings.</summary>
internal sealed record DraftCheck(ServicePackage? Package, IReadOnlyList<FormProblem> Problems, IReadOnlyList<QualityFinding> Findings)
{
    public bool Blocked => Problems.Count > 0 || Findings.Any(f => f.Severity == QualitySeverity.Blocking);
}

/// <summary>How a save or publish went.</summary>
internal enum DraftOutcome
{
    Done,
    Invalid,
    Conflict,
    Blocked,
    VersionTaken,
}

/// <summary>
/// The studio's drafts of the current tenant's services: one mutable working copy per service, checked on every save
/// (the whole package, strictly, and the quality gate), published as a new immutable version through
/// <see cref="ServiceVersionStore"/> like an import. Tenant scoping is the context's query filter and write guard.
/// </summary>
internal sealed class StudioDrafts(
    CatalogDbContext db, ITenantContext tenantContext, ServiceCache cache, IServiceQualityGate gate, Adoption.AdoptionGuard guard, TimeProvider clock)
    : IServiceDrafts
{
    public async Task<IReadOnlyList<StudioServiceRow>> ListAsync(string language, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking()
            .Select(s => new { s.Key, Published = db.Versions.Where(v => v.Id == s.PublishedVersionId).Select(v => new { v.Version, v.Content }).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var drafts = await db.Drafts.AsNoTracking().ToListAsync(cancellationToken);
        var rows = new List<StudioServiceRow>();
        foreach (var key in services.Select(s => s.Key).Union(drafts.Select(d => d.ServiceKey)).Distinct(StringComparer.Ordinal))
        {
            var service = services.FirstOrDefault(s => s.Key == key);
            var draft = drafts.FirstOrDefault(d => d.ServiceKey == key);
            var title = DraftDocument.Text((draft is null ? null : DraftDocument.Parse(draft.Content).Root["title"])
                ?? (service?.Published is { } p ? DraftDocument.Parse(p.Content).Root["title"] : null));
            rows.Add(new StudioServiceRow(key, title.GetValueOrDefault(language) ?? title.Values.FirstOrDefault() ?? key,
                service?.Published?.Version, draft is not null, draft?.UpdatedUtc));
        }

        return [.. rows.OrderBy(r => r.Title, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true))];
    }

    public Task<ServiceDraft?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.Drafts.SingleOrDefaultAsync(d => d.ServiceKey == key, cancellationToken);

    /// <summary>The published version of the service, else its latest, else null.</summary>
    public async Task<ServiceVersion?> CurrentVersionAsync(string key, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (service is null)
        {
            return null;
        }

        return await db.Versions.AsNoTracking().Where(v => v.ServiceId == service.Id)
            .OrderByDescending(v => v.Id == service.PublishedVersionId).ThenByDescending(v => v.CreatedUtc)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> KeyTakenAsync(string key, CancellationToken cancellationToken) =>
        await db.Services.AnyAsync(s => s.Key == key, cancellationToken) || await db.Drafts.AnyAsync(d => d.ServiceKey == key, cancellationToken);

    /// <summary>Adds a draft for a new service; false when the key is taken (by a service or a draft).</summary>
    public async Task<bool> CreateAsync(DraftDocument document, string? user, CancellationToken cancellationToken)
    {
        if (await KeyTakenAsync(document.Key, cancellationToken))
        {
            return false;
        }

        return await AddAsync(document, null, user, cancellationToken);
    }

    /// <summary>Starts a draft from the service's published (else latest) version; false when there is none or a draft exists.</summary>
    public async Task<bool> StartAsync(string key, string? user, CancellationToken cancellationToken)
    {
        if (await CurrentVersionAsync(key, cancellationToken) is not { } version || await db.Drafts.AnyAsync(d => d.ServiceKey == key, cancellationToken))
        {
            return false;
        }

        var (package, _) = ServicePackageJson.Read(version.Content);
        return package is not null && await AddAsync(DraftDocument.From(package), version.Id, user, cancellationToken);
    }

    public DraftCheck Check(DraftDocument document)
    {
        var reading = document.Read();
        return new DraftCheck(reading.Package, reading.Problems, reading.Package is null ? [] : gate.Check(reading.Package));
    }

    /// <summary>
    /// <see cref="Check"/>, and for an adopted service the upstream's adaptation policy: a change to a locked element
    /// (whatever the request) is a problem, named with the owner's reason.
    /// </summary>
    public async Task<DraftCheck> CheckAdoptedAsync(DraftDocument document, CancellationToken cancellationToken)
    {
        var check = Check(document);
        return check.Package is not null && await guard.ProblemsAsync(document.Key, check.Package, cancellationToken) is { Count: > 0 } locked
            ? check with { Problems = [.. check.Problems, .. locked] }
            : check;
    }

    /// <summary>
    /// Stores the edited document when the whole package reads (gaps aside) and nobody saved since
    /// <paramref name="revision"/>; otherwise the draft stays as it was.
    /// </summary>
    public async Task<(DraftOutcome Outcome, DraftCheck Check)> SaveAsync(
        ServiceDraft draft, DraftDocument document, int revision, string? user, CancellationToken cancellationToken)
    {
        var check = await CheckAdoptedAsync(document, cancellationToken);
        if (check.Problems.Count > 0)
        {
            return (DraftOutcome.Invalid, check);
        }

        if (draft.Revision != revision)
        {
            return (DraftOutcome.Conflict, check);
        }

        draft.Content = document.ToJson();
        draft.Revision++;
        draft.UpdatedBy = user;
        draft.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (DraftOutcome.Conflict, check);
        }

        return (DraftOutcome.Done, check);
    }

    public async Task DiscardAsync(ServiceDraft draft, CancellationToken cancellationToken)
    {
        db.Drafts.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The version number to suggest: the latest version's next minor, or 1.0.0.</summary>
    public async Task<string> SuggestVersionAsync(string key, CancellationToken cancellationToken)
    {
        var versions = await db.Versions.AsNoTracking()
            .Where(v => db.Services.Any(s => s.Id == v.ServiceId && s.Key == key)).Select(v => v.Version).ToListAsync(cancellationToken);
        var latest = versions.Select(v => Version.TryParse(v, out var parsed) ? parsed : null).OfType<Version>().DefaultIfEmpty().Max();
        return latest is null ? "1.0.0" : $"{latest.Major}.{latest.Minor + 1}.0";
    }

    /// <summary>
    /// Publishes the draft as version <paramref name="version"/> with <paramref name="changeNote"/>, unless it changed
    /// since <paramref name="revision"/>, the gate blocks it, or the version number is taken by other content. The new
    /// version and the removal of the draft are one save.
    /// </summary>
    public async Task<(DraftOutcome Outcome, DraftCheck Check)> PublishAsync(
        ServiceDraft draft, int revision, string version, string changeNote, CancellationToken cancellationToken)
    {
        var check = await CheckAdoptedAsync(DraftDocument.Parse(draft.Content), cancellationToken);
        if (draft.Revision != revision)
        {
            return (DraftOutcome.Conflict, check);
        }

        if (check.Blocked)
        {
            return (DraftOutcome.Blocked, check);
        }

        // Read once more exactly as an import would: what is published must be a package file in its own right.
        var (package, problems) = IncomingPackages.Read(ServicePackageJson.WriteCanonical(check.Package! with { Version = version }));
        if (package is null)
        {
            return (DraftOutcome.Invalid, check with { Problems = problems });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await ServiceVersionStore.AddAsync(db, package, changeNote, now, cancellationToken);
        if (stored is null)
        {
            return (DraftOutcome.VersionTaken, check);
        }

        ServiceVersionStore.Publish(stored.Service, stored.Version, now);
        db.Drafts.Remove(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved or published the draft at the same moment; nothing of this attempt was written.
            db.ChangeTracker.Clear();
            return (DraftOutcome.Conflict, check);
        }

        cache.Invalidate(tenantContext.Tenant!.Id);
        return (DraftOutcome.Done, check);
    }

    public async Task<ServicePackage?> FindDraftAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.ServiceKey == key, cancellationToken);
        return draft is null ? null : DraftDocument.Parse(draft.Content).Read().Package;
    }

    private async Task<bool> AddAsync(DraftDocument document, Guid? baseVersionId, string? user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Drafts.Add(new ServiceDraft
        {
            Id = Guid.CreateVersion7(), ServiceKey = document.Key, Content = document.ToJson(), BaseVersionId = baseVersionId,
            UpdatedBy = user, CreatedUtc = now, UpdatedUtc = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another person started a draft of the same service at the same moment; theirs stands.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
