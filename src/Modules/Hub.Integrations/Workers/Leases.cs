using System.Linq.Expressions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Hub.Integrations.Workers;

/// <summary>A node's claim on a batch of rows: the owner string its writes are conditioned on, and the rows.</summary>
/// <param name="Owner">Node and batch; each write on a claimed row repeats <c>LeaseOwner == Owner</c>.</param>
/// <param name="Candidates">How many due rows the node saw (more may be waiting when it equals the batch size).</param>
/// <param name="Batch">The rows this node won.</param>
internal sealed record LeaseClaim<T>(string Owner, int Candidates, IReadOnlyList<T> Batch);

/// <summary>
/// The claim every background worker of the module makes (e-mail, timers, webhooks): read the ids of due, free rows,
/// then take them with one UPDATE that repeats the "open and free" condition per row. Two nodes may read the same
/// ids; the database applies their UPDATEs one after the other (PostgreSQL re-checks the condition on a row the first
/// one changed, SQLite has one writer), so the second finds those rows leased and takes none of them.
/// </summary>
internal static class Leases
{
    /// <summary>A name for this process's worker, unique per start: machine, process and a random part.</summary>
    public static string NewNodeName() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Claims up to <paramref name="batchSize"/> rows that are <paramref name="open"/>, due and not leased.</summary>
    public static async Task<LeaseClaim<T>> ClaimAsync<T>(
        IQueryable<T> rows, Expression<Func<T, bool>> open, string node, DateTime now, TimeSpan duration, int batchSize, CancellationToken cancellationToken)
        where T : class, ILeasedRow
    {
        var free = rows.Where(open).Where(r => r.LeaseExpiresAt == null || r.LeaseExpiresAt < now);
        var ids = await free.Where(r => r.NextAttemptAt <= now)
            .OrderBy(r => r.NextAttemptAt)
            .Select(r => r.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        var owner = $"{node}/{Guid.NewGuid():N}";
        if (ids.Count == 0)
        {
            return new LeaseClaim<T>(owner, 0, []);
        }

        var until = now + duration;
        var claimed = await free.Where(r => ids.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseExpiresAt, until), cancellationToken);
        if (claimed == 0)
        {
            return new LeaseClaim<T>(owner, ids.Count, []);
        }

        // Read back by primary key: the owner alone is not indexed, and those ids are the only rows it can be on.
        var batch = await rows.AsNoTracking().Where(r => ids.Contains(r.Id) && r.LeaseOwner == owner)
            .OrderBy(r => r.NextAttemptAt).ToListAsync(cancellationToken);
        return new LeaseClaim<T>(owner, ids.Count, batch);
    }

    /// <summary>
    /// How long a worker may sleep after a pass: not at all when its batch was full or another node won the claim,
    /// else until the next open row is due, at most <paramref name="pollInterval"/>.
    /// </summary>
    public static async Task<TimeSpan> NextWaitAsync<T>(
        IQueryable<T> rows, Expression<Func<T, bool>> open, LeaseClaim<T> claim, int batchSize, DateTime now, TimeSpan pollInterval, CancellationToken cancellationToken)
        where T : class, ILeasedRow
    {
        if (claim.Candidates == batchSize || (claim.Candidates > 0 && claim.Batch.Count == 0))
        {
            return TimeSpan.Zero;
        }

        var next = await rows.Where(open)
            .Where(r => r.LeaseExpiresAt == null || r.LeaseExpiresAt < now)
            .OrderBy(r => r.NextAttemptAt)
            .Select(r => (DateTime?)r.NextAttemptAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            return pollInterval;
        }

        var untilDue = DateTime.SpecifyKind(next.Value, DateTimeKind.Utc) - now;
        return untilDue <= TimeSpan.Zero ? TimeSpan.Zero : untilDue < pollInterval ? untilDue : pollInterval;
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failures: doubled each time, capped.</summary>
    public static TimeSpan RetryDelay(int attempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * factor, maxDelay.Ticks));
    }
}

/// <summary>Wakes a worker once rows written in a scope can be seen: at once without a transaction, else when the scope ends.</summary>
internal sealed class CommitWake(WakeSignal signal, HubConnection connection) : IDisposable
{
    private bool armed;

    /// <summary>Call after writing: wakes now, or after the caller's transaction (a rolled-back wake costs one empty query).</summary>
    public void Written()
    {
        if (connection.Transaction is null)
        {
            signal.Notify();
        }
        else
        {
            armed = true;
        }
    }

    public void Dispose()
    {
        if (armed)
        {
            signal.Notify();
        }
    }
}
