using Hub.Catalog.Data;
using Hub.Catalog.Domain;
using Hub.Packages.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Packages;

/// <summary>What <see cref="ServiceVersionStore.AddAsync"/> did.</summary>
/// <param name="Service">The service (new and added to the context, or found).</param>
/// <param name="Version">The version (new and added to the context, or the one stored with the same content).</param>
/// <param name="Added">False when the same version with the same content was already stored.</param>
internal sealed record StoredVersion(Service Service, ServiceVersion Version, bool Added);

/// <summary>
/// Adds a package as a version of the current tenant's service, creating the service on its first version. The one
/// place versions are made (the recipe step and the importer), so the rule is the same: a version is immutable; the
/// same version with the same content is no change; the same version with other content is refused.
/// </summary>
internal static class ServiceVersionStore
{
    /// <summary>
    /// Adds what is new to <paramref name="db"/> without saving, or returns null when <paramref name="package"/>'s
    /// version is already stored with other content.
    /// </summary>
    public static async Task<StoredVersion?> AddAsync(
        CatalogDbContext db, ServicePackage package, string changeNote, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var content = ServicePackageJson.WriteCanonical(package);
        var hash = ServicePackageJson.ContentHash(content);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Key == package.Key, cancellationToken);
        if (service is null)
        {
            service = new Service { Id = Guid.CreateVersion7(), Key = package.Key, CreatedUtc = nowUtc, UpdatedUtc = nowUtc };
            db.Services.Add(service);
        }

        var existing = await db.Versions.SingleOrDefaultAsync(v => v.ServiceId == service.Id && v.Version == package.Version, cancellationToken);
        if (existing is not null)
        {
            return existing.ContentHash == hash ? new StoredVersion(service, existing, Added: false) : null;
        }

        var version = new ServiceVersion
        {
            Id = Guid.CreateVersion7(), ServiceId = service.Id, Version = package.Version, ContentHash = hash, Content = content,
            ChangeNote = changeNote, CreatedUtc = nowUtc,
        };
        db.Versions.Add(version);
        return new StoredVersion(service, version, Added: true);
    }

    /// <summary>Makes <paramref name="version"/> the one citizens get (not saved).</summary>
    public static void Publish(Service service, ServiceVersion version, DateTime nowUtc)
    {
        if (service.PublishedVersionId != version.Id)
        {
            service.PublishedVersionId = version.Id;
            service.UpdatedUtc = nowUtc;
        }
    }
}
