using Hub.Forms.Contracts;

namespace Hub.Catalog.Contracts;

/// <summary>
/// Import, export and publishing of the current tenant's services as package files (<c>docs/package-format.md</c>).
/// </summary>
public interface IServicePackages
{
    /// <summary>
    /// Checks a package file completely (format, form, workflow, templates, policy, texts) and, only when nothing is
    /// wrong, stores it as a new version of the current tenant's service in one transaction: all or nothing. The
    /// version is not published. Importing a version already stored with the same content changes nothing.
    /// </summary>
    Task<PackageImportResult> ImportAsync(string json, CancellationToken cancellationToken = default);

    /// <summary>The package file of one of the current tenant's stored versions, or null when there is none with that id.</summary>
    Task<PackageExport?> ExportAsync(Guid versionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a stored version the one citizens get, unless the quality gate finds something blocking in it (then
    /// nothing changes and the findings say what to fix).
    /// </summary>
    Task<PackagePublishResult> PublishAsync(Guid versionId, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of an import.</summary>
/// <param name="VersionId">The stored version, when the import succeeded.</param>
/// <param name="ContentHash">SHA-256 of the version's canonical content, when the import succeeded.</param>
/// <param name="AlreadyStored">True when the same version with the same content was stored before (nothing was written).</param>
/// <param name="Problems">Why the package was refused, each with its JSON path; empty on success.</param>
/// <param name="Findings">The quality gate's findings on the imported package (they do not stop an import, only publishing).</param>
public sealed record PackageImportResult(
    Guid? VersionId, string? ContentHash, bool AlreadyStored, IReadOnlyList<FormProblem> Problems, IReadOnlyList<QualityFinding> Findings)
{
    /// <summary>True when the version is stored.</summary>
    public bool Succeeded => VersionId is not null && Problems.Count == 0;
}

/// <summary>A stored version as a package file.</summary>
/// <param name="FileName">A file name for the download, <c>{key}-{version}.service.json</c>.</param>
/// <param name="Json">The file: canonical JSON with <c>formatVersion</c>.</param>
/// <param name="ContentHash">The version's content hash (importing the file gives the same).</param>
public sealed record PackageExport(string FileName, string Json, string ContentHash);

/// <summary>The outcome of publishing a version.</summary>
/// <param name="Found">False when the current tenant has no version with that id.</param>
/// <param name="Published">True when the version is now the published one.</param>
/// <param name="Findings">Every finding of the quality gate; publishing is refused while one is blocking.</param>
public sealed record PackagePublishResult(bool Found, bool Published, IReadOnlyList<QualityFinding> Findings);
