namespace Hub.Catalog.Contracts;

/// <summary>The current tenant's e-services, as citizens and cases see them.</summary>
public interface IServiceDirectory
{
    /// <summary>Every published service of the current tenant (its current version), ordered by Swedish title.</summary>
    Task<IReadOnlyList<PublishedService>> ListPublishedAsync(CancellationToken cancellationToken = default);

    /// <summary>The current published version of the service with this key, or null.</summary>
    Task<PublishedService?> FindPublishedAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>An exact version of one of the current tenant's services (current or earlier), or null.</summary>
    Task<PublishedService?> FindVersionAsync(Guid versionId, CancellationToken cancellationToken = default);

    /// <summary>Searches the current tenant's published services (plain text as typed), best first; service keys.</summary>
    Task<IReadOnlyList<string>> SearchAsync(string query, string language, int max, CancellationToken cancellationToken = default);
}
