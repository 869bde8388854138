namespace Hub.Catalog.Adoption;

/// <summary>
/// A municipality runs a catalogue package as one of its own services (docs/catalogue.md, "Adoption"). Hub-owned
/// and cross-tenant like the catalogue's rows (no TenantId, no tenant filter): the catalogue shows who runs which
/// version, and the owner's publishing reaches every adopter. It is read and written only through
/// <see cref="Adoptions"/>, which takes the adopter from the signed-in account, never from the request.
/// </summary>
internal sealed class CatalogueAdoption
{
    public Guid Id { get; set; }

    public Guid PackageId { get; set; }

    public Guid AdopterTenantId { get; set; }

    /// <summary>The adopter's service (its key in the adopter's tenant; its versions are the adopter's own rows).</summary>
    public required string ServiceKey { get; set; }

    /// <summary>The catalogue version the local service is based on (the base of the next three-way merge).</summary>
    public Guid BaseVersionId { get; set; }

    /// <summary>Whether conflict-free updates are applied automatically (else the adoption is pinned to its version).</summary>
    public bool Following { get; set; }

    /// <summary>Before the last update: the base and the local version it replaced, so the update can be undone.</summary>
    public Guid? PreviousBaseVersionId { get; set; }

    public Guid? PreviousLocalVersionId { get; set; }

    /// <summary>The newest upstream version an automatic update was tried for (tried once; a person takes it from there).</summary>
    public Guid? AutoTriedVersionId { get; set; }

    /// <summary>Why the last automatic update was not applied (conflicts, an open draft, a problem), for the adoption page.</summary>
    public string? AutoOutcome { get; set; }

    public required string AdoptedBy { get; set; }

    /// <summary>Where the adopter is told about new versions and retirement (the adopting account's address).</summary>
    public string? ContactEmail { get; set; }

    public DateTime AdoptedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Changes with every update, so two people updating at once cannot both win.</summary>
    public Guid Revision { get; set; }
}

/// <summary>Where a proposed change stands.</summary>
internal enum ContributionStatus
{
    Proposed = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>
/// An adopter's local change offered to the owner (docs/catalogue.md, "Adoption"): the upstream version it was made
/// against and that version with the chosen local changes applied. The owner takes it into a draft of the next
/// version, or declines with a reason; the version that carries it credits the contributor.
/// </summary>
internal sealed class CatalogueContribution
{
    public Guid Id { get; set; }

    public Guid PackageId { get; set; }

    public Guid AdoptionId { get; set; }

    public Guid FromTenantId { get; set; }

    /// <summary>The catalogue version the change was made against.</summary>
    public Guid BaseVersionId { get; set; }

    /// <summary>The base version with the chosen changes (canonical package JSON, the adopter's identity replaced by the package's).</summary>
    public required string Content { get; set; }

    /// <summary>The references of the chosen changes, one per line.</summary>
    public required string Subjects { get; set; }

    public required string Message { get; set; }

    public ContributionStatus Status { get; set; }

    public string? DecisionReason { get; set; }

    public required string ProposedBy { get; set; }

    public string? ProposerEmail { get; set; }

    public DateTime ProposedUtc { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedUtc { get; set; }

    /// <summary>The catalogue version whose changelog credits it (set when the owner submits the next version).</summary>
    public Guid? CreditedVersionId { get; set; }
}
