using System.Text.RegularExpressions;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Audit.Data;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Audit;

/// <summary>Writes events as rows of the current tenant in the scope's unit of work; see <see cref="IAuditTrail"/>.</summary>
internal sealed partial class AuditTrail(IServiceProvider services, HubConnection connection, ITenantContext tenantContext, TimeProvider clock, AuditReadWriter reads) : IAuditTrail
{
    private AuditDbContext? context;

    // Resolved on first use: a request that records and reads nothing (most that merely may) creates no DbContext for it.
    private AuditDbContext Db => context ??= services.GetRequiredService<AuditDbContext>();

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var record = Record(entry);
        await connection.FollowAsync(Db, cancellationToken);
        Db.Events.Add(record);
        await Db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordReadAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        if (connection.Transaction is not null)
        {
            // The caller holds a transaction, and on SQLite with it the one writer's turn the batch would wait for.
            await RecordAsync(entry, cancellationToken);
            return;
        }

        var record = Record(entry);
        if (reads.TryEnqueue(record, out var committed))
        {
            // The row is written even if this caller stops waiting: the read it records has happened.
            await committed.WaitAsync(cancellationToken);
            return;
        }

        // Outside the writer's lifetime (a host starting or stopping): on its own, outside the caller's unit of work all the same.
        await using var own = services.GetRequiredService<ITenantScopes>().CreateScope(record.TenantId)
            ?? throw new InvalidOperationException("Audit events are recorded inside a tenant.");
        var db = own.ServiceProvider.GetRequiredService<AuditDbContext>();
        db.Events.Add(record);
        await db.SaveChangesAsync(cancellationToken);
    }

    private AuditRecord Record(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Validate(entry);
        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("Audit events are recorded inside a tenant.");
        return new AuditRecord
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.Id,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Action = entry.Action,
            SubjectType = entry.SubjectType,
            SubjectId = entry.SubjectId,
            Actor = entry.Actor,
            Details = entry.Details,
        };
    }

    public async Task<IReadOnlyList<AuditEvent>> ForSubjectAsync(string subjectType, string subjectId, CancellationToken cancellationToken = default)
    {
        var rows = await Db.Events.AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == subjectId)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AuditEvent(r.Id, new DateTimeOffset(DateTime.SpecifyKind(r.AtUtc, DateTimeKind.Utc)), r.Action, r.SubjectType, r.SubjectId, r.Actor, r.Details)).ToList();
    }

    private static void Validate(AuditEntry entry)
    {
        if (!Name().IsMatch(entry.Action ?? "") || !Name().IsMatch(entry.SubjectType ?? ""))
        {
            throw new ArgumentException("An audit action and subject type are lower-case names with dots or dashes, at most 64 characters.", nameof(entry));
        }

        if (string.IsNullOrEmpty(entry.SubjectId) || entry.SubjectId.Length > 200 || string.IsNullOrEmpty(entry.Actor) || entry.Actor.Length > 200)
        {
            throw new ArgumentException("An audit event needs a subject id and an actor of 1–200 characters.", nameof(entry));
        }

        if (entry.Details is { Length: > 4000 })
        {
            throw new ArgumentException("An audit event's details are at most 4,000 characters.", nameof(entry));
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9.-]{0,63}$")]
    private static partial Regex Name();
}
