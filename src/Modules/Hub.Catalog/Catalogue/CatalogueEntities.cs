namespace Hub.Catalog.Catalogue;

/// <summary>Where a shared package stands in the catalogue (docs/catalogue.md, "Lifecycle").</summary>
internal enum CatalogueStatus
{
    /// <summary>Waiting for review.</summary>
    Submitted = 1,

    /// <summary>A reviewer asked the owner for changes; the owner submits a new version.</summary>
    ChangesRequested = 2,

    /// <summary>The review rules are met; the owner publishes it to the catalogue.</summary>
    Approved = 3,

    /// <summary>In the catalogue: members see it and (next issue) adopt it.</summary>
    Published = 4,

    /// <summary>Still listed with a warning and its reason; adopters are told to move away from it.</summary>
    Deprecated = 5,

    /// <summary>Taken out of the catalogue's listing with a reason; its page stays so adopters learn why.</summary>
    Withdrawn = 6,

    /// <summary>A version whose review was ended by a newer submission (never published).</summary>
    Replaced = 7,
}

/// <summary>How the owner came to have the service (own, joint, adapted or bought: docs/catalogue.md, "Automatic checks").</summary>
internal enum CatalogueOrigin
{
    Own = 1,
    Joint = 2,
    Adapted = 3,
    Bought = 4,
}

/// <summary>How far the service has come.</summary>
internal enum CatalogueMaturity
{
    /// <summary>Tried out by the owner, not yet in full use.</summary>
    Pilot = 1,

    /// <summary>In daily use by the owner.</summary>
    InUse = 2,

    /// <summary>In daily use by several municipalities.</summary>
    Established = 3,
}

/// <summary>A reviewer's decision.</summary>
internal enum ReviewDecision
{
    Approve = 1,
    RequestChanges = 2,
}

/// <summary>
/// A service a municipality shares through the hub's catalogue. Hub-owned and cross-tenant (no TenantId, no tenant
/// filter): it is read and written only through <see cref="ICrossTenantCatalogue"/>. <see cref="OwnerTenantId"/> names the
/// municipality that owns the service and may submit its versions.
/// </summary>
internal sealed class CataloguePackage
{
    public Guid Id { get; set; }

    public Guid OwnerTenantId { get; set; }

    /// <summary>The owner's service key; with the owner it identifies the package (<c>/katalog/{owner}/{key}</c>).</summary>
    public required string ServiceKey { get; set; }

    public CatalogueStatus Status { get; set; }

    /// <summary>Why it was deprecated or withdrawn.</summary>
    public string? StatusReason { get; set; }

    /// <summary>The version the catalogue shows, or null before the first is published.</summary>
    public Guid? PublishedVersionId { get; set; }

    // What the listing and search show, copied from the newest submitted (then published) version so browsing 24,000
    // packages never parses package JSON.
    public required string Category { get; set; }

    public required string TitleSv { get; set; }

    public string? TitleEn { get; set; }

    public string? SummarySv { get; set; }

    public string? SummaryEn { get; set; }

    /// <summary>Search words of every language, one per line.</summary>
    public string? Keywords { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Changes on every state change, so two reviewers deciding at once cannot both win.</summary>
    public Guid Revision { get; set; }
}

/// <summary>
/// One submitted version of a package: an immutable snapshot of the owner's stored service version (with the
/// adaptation policy the owner chose on submission), its hash, the catalogue metadata and the changelog. Only its
/// review state changes.
/// </summary>
internal sealed class CataloguePackageVersion
{
    public Guid Id { get; set; }

    public Guid PackageId { get; set; }

    public required string Version { get; set; }

    /// <summary>The owner's <c>ServiceVersion</c> it was taken from (in the owner's tenant).</summary>
    public Guid SourceVersionId { get; set; }

    /// <summary>The package as canonical JSON, adaptation policy included.</summary>
    public required string Content { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>.</summary>
    public required string ContentHash { get; set; }

    public required string Changelog { get; set; }

    public CatalogueStatus Status { get; set; }

    public required string Category { get; set; }

    /// <summary>For other municipalities: what the service does and what it takes to run it.</summary>
    public required string Description { get; set; }

    public CatalogueOrigin Origin { get; set; }

    /// <summary>With whom (joint), from whom (adapted) or from which vendor (bought).</summary>
    public string? OriginDetail { get; set; }

    public required string LegalBasis { get; set; }

    public CatalogueMaturity Maturity { get; set; }

    public required string ContactName { get; set; }

    public required string ContactEmail { get; set; }

    /// <summary>The documents given on submission (process description, information model), JSON <c>[{kind,url}]</c>.</summary>
    public required string Documents { get; set; }

    /// <summary>The quality gate's findings at submission, JSON (shown on the package page).</summary>
    public required string QualityFindings { get; set; }

    /// <summary>The submitting staff account (user name) and its tenant.</summary>
    public required string SubmittedBy { get; set; }

    public string? SubmitterEmail { get; set; }

    public DateTime SubmittedUtc { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }
}

/// <summary>One reviewer's decision on one submitted version.</summary>
internal sealed class CatalogueReview
{
    public Guid Id { get; set; }

    public Guid PackageVersionId { get; set; }

    /// <summary>The tenant the reviewer's staff account belongs to (the hub, or a member with the Coordinator role).</summary>
    public Guid ReviewerTenantId { get; set; }

    public required string ReviewerUserName { get; set; }

    public required string ReviewerName { get; set; }

    public ReviewDecision Decision { get; set; }

    public string? Comment { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>The review rules the hub sets (one row, id 1); defaults apply until a hub admin saves them.</summary>
internal sealed class CatalogueReviewRules
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Approvals needed before a version is approved (1–5).</summary>
    public int RequiredApprovals { get; set; } = 1;

    /// <summary>
    /// Whether a coordinator from the owning municipality may approve its own municipality's submission. Off by default
    /// (a member does not approve its own submission; docs/catalogue.md, "Pages").
    /// </summary>
    public bool OwnerMayApprove { get; set; }

    /// <summary>Document kinds a submission needs, comma-separated (default: process description and information model).</summary>
    public string RequiredDocumentKinds { get; set; } = "processDescription,informationModel";

    public DateTime UpdatedUtc { get; set; }

    public IReadOnlyList<string> RequiredDocuments =>
        RequiredDocumentKinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
