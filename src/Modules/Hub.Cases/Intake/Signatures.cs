using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Identity.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Hub.Cases.Intake;

/// <summary>Records other parties' signatures and declines; a case leaves "waiting for signature" when all have signed.</summary>
internal sealed class SignatureRecorder(CasesDbContext db, TimeProvider clock)
{
    public async Task<bool> RecordAsync(Guid caseId, Citizen citizen, CitizenSignature signature, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        var row = await db.Signatures.SingleOrDefaultAsync(
            s => s.CaseId == caseId && s.ExpectedPersonalIdentityNumber == citizen.PersonalIdentityNumber && s.Status == SignatureStatus.Pending, cancellationToken);
        if (row is null || signature.Hash != @case.SubmissionHash || signature.PersonalIdentityNumber != citizen.PersonalIdentityNumber)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        row.Status = SignatureStatus.Signed;
        row.SignedName = signature.Name;
        row.CompletedUtc = now;
        row.Evidence = signature.Evidence;
        var stillPending = await db.Signatures.AnyAsync(s => s.CaseId == caseId && s.Id != row.Id && s.Status == SignatureStatus.Pending, cancellationToken);
        if (!stillPending && @case.Status == CaseStatus.WaitingForSignature)
        {
            @case.Status = CaseStatus.Submitted;
        }

        @case.UpdatedUtc = now;
        db.Events.Add(new CaseEvent { Id = Guid.CreateVersion7(), CaseId = caseId, AtUtc = now, Status = @case.Status, Kind = "Signed", Actor = signature.Name });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeclineAsync(Guid caseId, Citizen citizen, CancellationToken cancellationToken)
    {
        var row = await db.Signatures.SingleOrDefaultAsync(
            s => s.CaseId == caseId && s.ExpectedPersonalIdentityNumber == citizen.PersonalIdentityNumber && s.Status == SignatureStatus.Pending, cancellationToken);
        if (row is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        row.Status = SignatureStatus.Declined;
        row.SignedName = citizen.Name;
        row.CompletedUtc = now;
        var @case = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        @case.UpdatedUtc = now;
        db.Events.Add(new CaseEvent { Id = Guid.CreateVersion7(), CaseId = caseId, AtUtc = now, Status = @case.Status, Kind = "Declined", Actor = citizen.Name });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
