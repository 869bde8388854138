using Hub.Abstractions;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Catalog.Contracts;
using Hub.Data;
using Hub.Forms.Contracts;
using Hub.Identity.Contracts;
using Hub.Integrations.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Intake;

/// <summary>
/// Another party signs or declines a case waiting for their signature (the second guardian). When the last one signs,
/// or one declines, the case enters its workflow's first state exactly as a case submitted without signatures does
/// (<see cref="CaseEntry"/>), and the submitter is told by e-mail; all in one transaction.
/// </summary>
internal sealed class SignatureRecorder(
    CasesDbContext db,
    HubConnection connection,
    CaseEntry entry,
    IEmailOutbox outbox,
    ITenantContext tenantContext,
    IStringLocalizerFactory localizers,
    TimeProvider clock)
{
    /// <summary>Records <paramref name="citizen"/>'s verified signature; false when it is not theirs to give or does not cover the case.</summary>
    public Task<bool> RecordAsync(Guid caseId, PublishedService service, Citizen citizen, CitizenSignature signature, string siteUrl, CancellationToken cancellationToken) =>
        CompleteAsync(caseId, service, citizen, siteUrl, async (@case, row, now) =>
        {
            if (signature.Hash != @case.SubmissionHash || signature.PersonalIdentityNumber != citizen.PersonalIdentityNumber)
            {
                return null;
            }

            var othersPending = await db.Signatures.AnyAsync(s => s.CaseId == caseId && s.Id != row.Id && s.Status == SignatureStatus.Pending, cancellationToken);
            var e = @case.Sign(row, signature.Name, signature.Evidence, othersPending, service.Package.EffectiveWorkflow.Initial, now, out var entered);
            return (e, entered, "Mail.SignaturesComplete");
        }, cancellationToken);

    /// <summary>Records that <paramref name="citizen"/> declines to sign; false when there is nothing of theirs to decline.</summary>
    public Task<bool> DeclineAsync(Guid caseId, PublishedService service, Citizen citizen, string siteUrl, CancellationToken cancellationToken) =>
        CompleteAsync(caseId, service, citizen, siteUrl, (@case, row, now) =>
        {
            var e = @case.Decline(row, citizen.Name, service.Package.EffectiveWorkflow.Initial, now, out var entered);
            return Task.FromResult<(CaseEvent, bool, string)?>((e, entered, "Mail.SignatureDeclined"));
        }, cancellationToken);

    private async Task<bool> CompleteAsync(
        Guid caseId, PublishedService service, Citizen citizen, string siteUrl,
        Func<Case, CaseSignature, DateTime, Task<(CaseEvent Event, bool Entered, string Mail)?>> complete, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await connection.InTransactionAsync(async () =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
            var row = await db.Signatures.SingleOrDefaultAsync(
                s => s.CaseId == caseId && s.ExpectedPersonalIdentityNumber == citizen.PersonalIdentityNumber && s.Status == SignatureStatus.Pending, cancellationToken);
            if (row is null || await complete(@case, row, now) is not { } outcome)
            {
                return false;
            }

            db.Events.Add(outcome.Event);
            await db.SaveChangesAsync(cancellationToken);
            if (outcome.Entered)
            {
                await entry.EnteredAsync(@case, service, service.Package.EffectiveWorkflow.Initial, siteUrl, cancellationToken);
                await TellSubmitterAsync(@case, outcome.Mail, siteUrl, cancellationToken);
            }

            return true;
        }, cancellationToken, db);
    }

    /// <summary>The submitter hears that the case went on to handling: everyone signed, or someone declined.</summary>
    private async Task TellSubmitterAsync(Case @case, string mail, string siteUrl, CancellationToken cancellationToken)
    {
        if (@case.ContactEmail is not { } to)
        {
            return;
        }

        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("No current tenant.");
        var language = FormLanguages.MessageLanguage(@case.Language);
        var texts = CultureLocalizer.CasesTexts(localizers, language);
        await outbox.EnqueueAsync(new OutgoingEmail(to, texts[mail + ".Subject", @case.Number].Value,
            texts[mail + ".Body", tenant.Settings.DisplayName, @case.Number, $"{siteUrl}/mina-sidor/arenden/{@case.Number}"].Value, Language: language), cancellationToken);
    }
}
