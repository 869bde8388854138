using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Files;
using Hub.Catalog.Contracts;
using Hub.Data;
using Hub.Integrations.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Cases.Handling;

/// <summary>A closed case whose personal data the retention rule will remove, and when.</summary>
internal sealed record RetentionItem(string Number, string ServiceKey, DateTime ClosedUtc, DateTime DueUtc, bool Due);

/// <summary>
/// Gallring: a service's <c>retentionDays</c> after a case is closed, its personal data is removed: the answers, the
/// applicant's name, personnummer and address, messages, notes, signatures' identities, names in the history and the
/// uploaded files. The case number, service, dates, status, group and channel stay, so statistics still count it.
/// A durable timer set when the case closes does it on the day; the admin page lists what is due and what comes next
/// (the dry run) and can run what is due at once.
/// </summary>
internal sealed class CaseRetention(
    CasesDbContext db,
    HubConnection connection,
    IServiceDirectory directory,
    FileStore files,
    IAuditTrail audit,
    TimeProvider clock,
    ILogger<CaseRetention> logger)
{
    public const string Kind = "cases.retention";

    /// <summary>Sets the removal of a case just closed (in the closing transaction), if its service has a period.</summary>
    public static async Task ScheduleAsync(IDurableTimers timers, Case @case, PublishedService service, CancellationToken cancellationToken)
    {
        if (service.Package.RetentionDays is { } days && @case.ClosedUtc is { } closed)
        {
            await timers.ScheduleAsync(new TimerRequest(Kind, @case.Id.ToString(), new DateTimeOffset(closed, TimeSpan.Zero).AddDays(days)), cancellationToken);
        }
    }

    /// <summary>The dry run: closed cases not yet cleared whose removal is due, or due within <paramref name="ahead"/>.</summary>
    public async Task<IReadOnlyList<RetentionItem>> PlanAsync(TimeSpan ahead, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = await db.Cases.AsNoTracking()
            .Where(c => c.ClosedUtc != null && c.PersonalDataRemovedUtc == null)
            .Select(c => new { c.Number, c.ServiceKey, c.ServiceVersionId, ClosedUtc = c.ClosedUtc!.Value })
            .ToListAsync(cancellationToken);
        var items = new List<RetentionItem>();
        foreach (var c in closed)
        {
            if ((await directory.FindVersionAsync(c.ServiceVersionId, cancellationToken))?.Package.RetentionDays is { } days)
            {
                var due = c.ClosedUtc.AddDays(days);
                if (due <= now + ahead)
                {
                    items.Add(new RetentionItem(c.Number, c.ServiceKey, c.ClosedUtc, due, due <= now));
                }
            }
        }

        return [.. items.OrderBy(i => i.DueUtc)];
    }

    /// <summary>Removes the personal data of every case that is due now; returns how many.</summary>
    public async Task<int> RunDueAsync(string actor, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var item in (await PlanAsync(TimeSpan.Zero, cancellationToken)).Where(i => i.Due))
        {
            await connection.InTransactionAsync(async () =>
            {
                var @case = await db.Cases.SingleAsync(c => c.Number == item.Number, cancellationToken);
                await RemoveAsync(@case, actor, cancellationToken);
                return true;
            }, cancellationToken, db);
            count++;
        }

        return count;
    }

    /// <summary>Removes the case's personal data in the caller's unit of work; files are deleted from disk after the rows are written.</summary>
    public async Task RemoveAsync(Case @case, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        @case.AnswersJson = "{}";
        @case.SubmitterName = null;
        @case.SubmitterPersonalIdentityNumber = null;
        @case.AnonymousKeyHash = null;
        @case.ContactEmail = null;
        @case.DecisionText = null;
        @case.AssignedName = null;
        @case.PersonalDataRemovedUtc = now;
        await db.Messages.Where(m => m.CaseId == @case.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Notes.Where(n => n.CaseId == @case.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Events.Where(e => e.CaseId == @case.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, (string?)null), cancellationToken);
        await db.Signatures.Where(s => s.CaseId == @case.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ExpectedPersonalIdentityNumber, "")
            .SetProperty(x => x.Email, (string?)null)
            .SetProperty(x => x.SignedName, (string?)null)
            .SetProperty(x => x.Evidence, (string?)null), cancellationToken);
        var stored = await db.Files.Where(f => f.CaseId == @case.Id).Select(f => new { f.TenantId, f.Id }).ToListAsync(cancellationToken);
        await db.Files.Where(f => f.CaseId == @case.Id).ExecuteDeleteAsync(cancellationToken);
        db.Events.Add(new CaseEvent { Id = Guid.CreateVersion7(), CaseId = @case.Id, AtUtc = now, Status = @case.Status, Kind = "PersonalDataRemoved" });
        await audit.RecordAsync(new AuditEntry("case.personal-data-removed", "case", @case.Id.ToString(), actor, $$"""{"files":{{stored.Count}}}"""), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in stored)
        {
            // The files were due for removal either way: if the transaction fails after this, the timer (or the next
            // run) removes the rows again, so the end state is the same.
            files.Delete(file.TenantId, file.Id);
        }

        logger.LogInformation("Case {Number}: personal data removed after its retention period ({Files} files)", @case.Number, stored.Count);
    }
}

/// <summary>Fires a case's retention timer: removes its personal data if it is still closed and not yet cleared.</summary>
internal sealed class RetentionTimerHandler(CasesDbContext db, HubConnection connection, CaseRetention retention) : ITimerHandler
{
    public string Kind => CaseRetention.Kind;

    public async Task FireAsync(FiredTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await connection.EnlistAsync(db);
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == Guid.Parse(timer.Subject), cancellationToken);
        if (@case is { ClosedUtc: not null, PersonalDataRemovedUtc: null })
        {
            await retention.RemoveAsync(@case, "system", cancellationToken);
        }
    }
}
