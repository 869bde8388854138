using Hub.Abstractions;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Packages.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Packages;

/// <summary>
/// Imports, exports and publishes the current tenant's packages. An import reads and checks the whole file before
/// the database is touched, then writes the service and version with one save (one transaction): a refused package
/// leaves nothing behind.
/// </summary>
internal sealed class ServicePackages(
    CatalogDbContext db, ITenantContext tenantContext, ServiceCache cache, IServiceQualityGate gate, Adoption.AdoptionGuard guard, TimeProvider clock)
    : IServicePackages
{
    public async Task<PackageImportResult> ImportAsync(string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var tenantId = TenantId();
        var (package, problems) = IncomingPackages.Read(json);
        if (package is null)
        {
            return Refused(problems);
        }

        if (PackageTextCheck.Check(package) is { Count: > 0 } textProblems)
        {
            return Refused(textProblems);
        }

        // An adopted service stays within its upstream's adaptation policy, whichever way a version arrives.
        if (await guard.ProblemsAsync(package.Key, package, cancellationToken) is { Count: > 0 } locked)
        {
            return Refused(locked);
        }

        var findings = gate.Check(package);
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await ServiceVersionStore.AddAsync(db, package, "Importerad", now, cancellationToken);
        if (stored is null)
        {
            db.ChangeTracker.Clear();
            return Refused([new Hub.Forms.Contracts.FormProblem("$.version",
                $"version {package.Version} of '{package.Key}' is already stored with other content; give the changed package a new version")]);
        }

        if (stored.Added)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another import of the same service or version won the race; nothing of this one was written.
                db.ChangeTracker.Clear();
                return Refused([new Hub.Forms.Contracts.FormProblem("$.version",
                    $"version {package.Version} of '{package.Key}' was stored by someone else at the same moment; import again to see whether it is the same")]);
            }

            cache.Invalidate(tenantId);
        }

        return new PackageImportResult(stored.Version.Id, stored.Version.ContentHash, !stored.Added, [], findings);
    }

    public async Task<PackageExport?> ExportAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId();
        var row = await db.Versions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.ServiceId, v.Id, v.Version, v.ContentHash, v.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var version = cache.Version(tenantId, row.ServiceId, row.Id, row.Version, row.ContentHash, row.Content);
        return new PackageExport($"{version.Key}-{version.Version}.service.json", ServicePackageJson.WriteExport(version.Package), version.ContentHash);
    }

    public async Task<PackagePublishResult> PublishAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId();
        var version = await db.Versions.SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null)
        {
            return new PackagePublishResult(false, false, []);
        }

        var published = cache.Version(tenantId, version.ServiceId, version.Id, version.Version, version.ContentHash, version.Content);
        var findings = gate.Check(published.Package);
        if (findings.Any(f => f.Severity == QualitySeverity.Blocking))
        {
            return new PackagePublishResult(true, false, findings);
        }

        var service = await db.Services.SingleAsync(s => s.Id == version.ServiceId, cancellationToken);
        ServiceVersionStore.Publish(service, version, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(tenantId);
        return new PackagePublishResult(true, true, findings);
    }

    private static PackageImportResult Refused(IReadOnlyList<Hub.Forms.Contracts.FormProblem> problems) => new(null, null, false, problems, []);

    private Guid TenantId() => tenantContext.Tenant?.Id ?? throw new InvalidOperationException("No current tenant.");
}
