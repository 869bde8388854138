using Hub.Forms.Contracts;
using Hub.Packages.Contracts;

namespace Hub.Catalog.Contracts;

/// <summary>One published version of one of the current tenant's e-services: what a citizen fills in and a case keeps.</summary>
/// <param name="ServiceId">The service (stable across versions).</param>
/// <param name="VersionId">This exact version; a case refers to it for ever.</param>
/// <param name="Version">Semantic version, e.g. <c>1.0.0</c>.</param>
/// <param name="ContentHash">SHA-256 of the canonical package content.</param>
/// <param name="Package">The version's content.</param>
public sealed record PublishedService(Guid ServiceId, Guid VersionId, string Version, string ContentHash, ServicePackage Package)
{
    /// <summary>The service's stable key (also its address: <c>/e-tjanster/{key}</c>).</summary>
    public string Key => Package.Key;

    /// <summary>The form citizens fill in.</summary>
    public FormDefinition Form => Package.Form;
}
