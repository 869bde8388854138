using Hub.Abstractions;

namespace Hub.Catalog.Domain;

/// <summary>
/// The studio's working copy of a service: the package as the editors left it, while the published version keeps
/// serving citizens. One per service; publishing turns it into a new immutable version and removes it.
/// </summary>
internal sealed class ServiceDraft : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The service's key (also of a service not yet published, which has no <see cref="Service"/> row).</summary>
    public required string ServiceKey { get; set; }

    /// <summary>
    /// The package JSON, which may leave texts unwritten and pages empty (the quality gate names them; publishing
    /// needs them); everything else in it is valid.
    /// </summary>
    public required string Content { get; set; }

    /// <summary>The version the draft was started from, or null for a new service.</summary>
    public Guid? BaseVersionId { get; set; }

    /// <summary>Counts saves; a save based on an older revision is refused rather than silently overwriting.</summary>
    public int Revision { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
