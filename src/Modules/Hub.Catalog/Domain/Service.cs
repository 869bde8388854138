using Hub.Abstractions;

namespace Hub.Catalog.Domain;

/// <summary>One of a tenant's e-services; its content lives in immutable versions.</summary>
internal sealed class Service : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Stable key, unique within the tenant; the service's address.</summary>
    public required string Key { get; set; }

    /// <summary>The version citizens get, or null while nothing is published.</summary>
    public Guid? PublishedVersionId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>An immutable, content-hashed snapshot of a service.</summary>
internal sealed class ServiceVersion : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ServiceId { get; set; }

    public required string Version { get; set; }

    /// <summary>SHA-256 of the canonical package JSON.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The package as canonical JSON (the same bytes the hash covers).</summary>
    public required string Content { get; set; }

    public string? ChangeNote { get; set; }

    public DateTime CreatedUtc { get; set; }
}
