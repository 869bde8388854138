using Hub.Packages.Contracts;

namespace Hub.Catalog.Contracts;

/// <summary>The studio's drafts of the current tenant's services, for reading (the citizen pages' preview).</summary>
public interface IServiceDrafts
{
    /// <summary>
    /// The draft of the service with this key as a package, or null when the service has no draft. Texts not yet
    /// written in a language are missing from it, as the quality gate sees them.
    /// </summary>
    Task<ServicePackage?> FindDraftAsync(string key, CancellationToken cancellationToken = default);
}
