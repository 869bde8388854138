using System.Text.Json;
using Hub.Catalog.Contracts;
using Hub.Packages.Contracts;

namespace Hub.Catalog.Catalogue;

/// <summary>Who acts on the catalogue: a signed-in staff account of <see cref="TenantId"/>.</summary>
/// <param name="TenantId">The account's tenant (the request's tenant; policies make sure they are the same).</param>
/// <param name="UserName">The account's user name.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Email">Its e-mail address, for answers.</param>
/// <param name="IsReviewer">A Coordinator, or a HubAdmin of the hub.</param>
/// <param name="IsServiceOwner">A ServiceOwner or TenantAdmin of its tenant.</param>
internal sealed record CatalogueActor(Guid TenantId, string UserName, string Name, string? Email, bool IsReviewer, bool IsServiceOwner)
{
    public string AuditName => UserName;
}

/// <summary>
/// What a ServiceOwner submits (fields named as the submit page names them). An empty <see cref="Category"/> keeps the
/// service's own; a null <see cref="Policy"/> keeps the package's own adaptation policy.
/// </summary>
internal sealed record SubmissionInput(
    Guid SourceVersionId,
    string Category,
    string Description,
    CatalogueOrigin? Origin,
    string? OriginDetail,
    string LegalBasis,
    CatalogueMaturity? Maturity,
    string ContactName,
    string ContactEmail,
    IReadOnlyDictionary<string, string> DocumentUrls,
    string Changelog,
    AdaptationPolicy? Policy);

/// <summary>A problem with a submission or decision: the field it belongs to ("" for the whole) and a text key with arguments.</summary>
internal sealed record CatalogueProblem(string Field, string Key, params string[] Arguments);

/// <summary>How an action on the catalogue ended.</summary>
internal enum CatalogueOutcome
{
    Done,

    /// <summary>Nothing of that id the actor may act on (another tenant's version, an unknown id): 404.</summary>
    NotFound,

    /// <summary>Refused with problems to show.</summary>
    Refused,

    /// <summary>Someone else changed it first; show the page again.</summary>
    Conflict,
}

/// <summary>The outcome of an action, with the problems when refused.</summary>
internal sealed record CatalogueResult(CatalogueOutcome Outcome, IReadOnlyList<CatalogueProblem> Problems, Guid? Id = null)
{
    public static CatalogueResult NotFound { get; } = new(CatalogueOutcome.NotFound, []);

    public static CatalogueResult Conflict { get; } = new(CatalogueOutcome.Conflict, []);

    public static CatalogueResult Done(Guid id) => new(CatalogueOutcome.Done, [], id);

    public static CatalogueResult Refused(params CatalogueProblem[] problems) => new(CatalogueOutcome.Refused, problems);
}

/// <summary>A package as the listing shows it.</summary>
internal sealed record CatalogueListing(
    Guid Id, string OwnerSlug, string OwnerName, string ServiceKey, string Title, string? Summary, string Category, CatalogueStatus Status);

/// <summary>A version waiting for review, as the queue shows it.</summary>
internal sealed record QueueRow(Guid VersionId, string Title, string Version, string OwnerName, DateTime SubmittedUtc, int Approvals, bool IsUpdate);

/// <summary>Everything about one package: its row, owner, versions (newest first) and each version's reviews.</summary>
internal sealed record CatalogueDetails(
    CataloguePackage Package,
    string OwnerSlug,
    string OwnerName,
    IReadOnlyList<CataloguePackageVersion> Versions,
    IReadOnlyList<CatalogueReview> Reviews)
{
    public CataloguePackageVersion? Published => Versions.FirstOrDefault(v => v.Id == Package.PublishedVersionId);

    /// <summary>The version published before <paramref name="version"/> was submitted, to compare it with.</summary>
    public CataloguePackageVersion? PreviousPublished(CataloguePackageVersion version) =>
        Versions.Where(v => v.PublishedUtc is not null && v.Id != version.Id && v.SubmittedUtc < version.SubmittedUtc)
            .OrderByDescending(v => v.PublishedUtc).FirstOrDefault();

    public IEnumerable<CatalogueReview> ReviewsOf(Guid versionId) => Reviews.Where(r => r.PackageVersionId == versionId);
}

/// <summary>A document given on submission.</summary>
internal sealed record SubmittedDocument(string Kind, string Url);

/// <summary>The JSON kept in the version rows.</summary>
internal static class CatalogueJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static IReadOnlyList<SubmittedDocument> Documents(string json) => JsonSerializer.Deserialize<List<SubmittedDocument>>(json, Options) ?? [];

    public static IReadOnlyList<QualityFinding> Findings(string json) => JsonSerializer.Deserialize<List<QualityFinding>>(json, Options) ?? [];
}
