using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Hub.Cases.Intake;

/// <summary>
/// A case as the reader may see it: the row, the exact service version, the answers, history, signatures and
/// attributes (for its citizen only the public ones).
/// </summary>
internal sealed record CaseDetails(
    Case Case, PublishedService Service, IReadOnlyDictionary<string, AnswerValue> Answers, IReadOnlyList<CaseEvent> Events,
    IReadOnlyList<CaseSignature> Signatures, IReadOnlyList<CaseAttribute> Attributes);

/// <summary>Reads cases for the people allowed to see them (the current tenant's filter applies underneath).</summary>
internal sealed class CaseReader(CasesDbContext db, IServiceDirectory directory)
{
    /// <summary>The case with this number if <paramref name="citizen"/> (or this anonymous browser) submitted it or must sign it.</summary>
    public async Task<CaseDetails?> FindAsync(string number, Citizen? citizen, string? anonymousKeyHash, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var signatures = await SignaturesAsync(@case.Id, cancellationToken);
        var isSigner = citizen is not null && signatures.Any(s => s.ExpectedPersonalIdentityNumber == citizen.PersonalIdentityNumber);
        if (!CaseAccess.CanSee(@case, citizen, anonymousKeyHash) && !isSigner)
        {
            return null;
        }

        return await DetailsAsync(@case, signatures, cancellationToken, publicOnly: true);
    }

    /// <summary>The signatures a case needs, the submitter's first.</summary>
    public async Task<IReadOnlyList<CaseSignature>> SignaturesAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.Signatures.AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.Role == "submitter" ? 0 : 1).ToListAsync(cancellationToken);

    /// <summary>The case with its service version, answers, history and signatures; null when its version is gone.</summary>
    public async Task<CaseDetails?> DetailsAsync(Case @case, CancellationToken cancellationToken) =>
        await DetailsAsync(@case, await SignaturesAsync(@case.Id, cancellationToken), cancellationToken);

    public async Task<CaseDetails?> DetailsAsync(Case @case, IReadOnlyList<CaseSignature> signatures, CancellationToken cancellationToken, bool publicOnly = false)
    {
        var service = await directory.FindVersionAsync(@case.ServiceVersionId, cancellationToken);
        if (service is null)
        {
            return null;
        }

        var events = await db.Events.AsNoTracking().Where(e => e.CaseId == @case.Id).OrderBy(e => e.AtUtc).ToListAsync(cancellationToken);
        var attributes = await db.Attributes.AsNoTracking().Where(a => a.CaseId == @case.Id && (a.Public || !publicOnly))
            .OrderBy(a => a.SetUtc).ToListAsync(cancellationToken);
        return new CaseDetails(@case, service, AnswerJson.Read(@case.AnswersJson), events, signatures, attributes);
    }

    /// <summary>How many of the officers' messages on each of these cases the citizen has not opened yet.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> UnreadByCitizenAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken) =>
        caseIds.Count == 0
            ? new Dictionary<Guid, int>()
            : await db.Messages.AsNoTracking()
                .Where(m => caseIds.Contains(m.CaseId) && m.ReadUtc == null && (m.Kind == MessageKind.ToCitizen || m.Kind == MessageKind.CompletionRequest))
                .GroupBy(m => m.CaseId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    /// <summary>Cases the citizen submitted or is asked to sign, newest first.</summary>
    public async Task<IReadOnlyList<(Case Case, bool MineToSign)>> ListAsync(Citizen citizen, CancellationToken cancellationToken)
    {
        var pnr = citizen.PersonalIdentityNumber;
        var toSign = await db.Signatures.AsNoTracking()
            .Where(s => s.ExpectedPersonalIdentityNumber == pnr && s.Role != "submitter")
            .Select(s => new { s.CaseId, s.Status })
            .ToListAsync(cancellationToken);
        var ids = toSign.Select(s => s.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.SubmitterPersonalIdentityNumber == pnr || ids.Contains(c.Id))
            .OrderByDescending(c => c.SubmittedUtc)
            .ToListAsync(cancellationToken);
        return cases.Select(c => (c, toSign.Any(s => s.CaseId == c.Id && s.Status == SignatureStatus.Pending))).ToList();
    }
}

/// <summary>Who may see a case: its logged-in submitter, the browser that submitted it anonymously, or a signer.</summary>
internal static class CaseAccess
{
    public static bool CanSee(Case @case, Citizen? citizen, string? anonymousKeyHash) =>
        CanSee(@case.SubmitterPersonalIdentityNumber, @case.AnonymousKeyHash, citizen, anonymousKeyHash);

    public static bool CanSee(SubmittedDraft submitted, Citizen? citizen, string? anonymousKeyHash) =>
        CanSee(submitted.SubmitterPersonalIdentityNumber, submitted.AnonymousKeyHash, citizen, anonymousKeyHash);

    private static bool CanSee(string? submitter, string? caseKeyHash, Citizen? citizen, string? anonymousKeyHash) =>
        (citizen is not null && submitter == citizen.PersonalIdentityNumber)
        || (submitter is null && anonymousKeyHash is not null && caseKeyHash == anonymousKeyHash);
}
