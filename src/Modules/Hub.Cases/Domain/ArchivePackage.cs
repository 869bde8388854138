using Hub.Abstractions;

namespace Hub.Cases.Domain;

/// <summary>
/// That archive package <see cref="Sequence"/> of a closed case left the hub: who took it, when, and the SHA-256 of
/// the zip exactly as it left, so the e-archive's copy can be matched to this record. Retention shows the case as
/// archived once one has.
/// </summary>
internal sealed class ArchivePackage : ITenantOwned
{
    private ArchivePackage()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid CaseId { get; private set; }

    /// <summary>1 for the case's first package, then 2, …: a package taken again is a new one, recorded too.</summary>
    public int Sequence { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    /// <summary>Who took it, as the audit trail names them (<c>staff:…</c>, <c>api:… (name)</c>).</summary>
    public string CreatedBy { get; private set; } = "";

    /// <summary>The zip's SHA-256, lower-case hex.</summary>
    public string Sha256 { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>The record of package <paramref name="sequence"/> of <paramref name="case"/>; only a closed case is archived.</summary>
    public static ArchivePackage Left(Case @case, Guid id, int sequence, string createdBy, string sha256, long size, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.Status != CaseStatus.Closed || @case.ClosedUtc is null)
        {
            throw new InvalidOperationException($"Case {@case.Number} is not closed: only a closed case is archived.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("The checksum must be a SHA-256 in lower-case hex.", nameof(sha256));
        }

        return new ArchivePackage { Id = id, CaseId = @case.Id, Sequence = sequence, CreatedBy = createdBy, Sha256 = sha256, Size = size, CreatedUtc = now };
    }
}
