using System.Threading.Channels;
using Hub.Abstractions;
using Hub.Audit.Data;
using Hub.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.Audit;

/// <summary>
/// Writes the events of <see cref="Contracts.IAuditTrail.RecordReadAsync"/> for every request that is waiting at the
/// moment in one transaction per tenant, each in that tenant's scope (its DbContext, filter and write guard), and lets
/// each caller go on once its row is committed. It waits for nothing to fill a batch: one reader alone is written at
/// once, eight at the same time share one commit instead of queueing for SQLite's one writer eight times (bench/README.md,
/// API). Nothing is lost on shutdown, since a caller only gets its answer after the commit; the host stops this
/// service after the server has drained its requests, and the queue is written out before it ends.
/// </summary>
internal sealed class AuditReadWriter(ITenantScopes scopes) : BackgroundService
{
    // A bound on one transaction's size under a burst; the rest go in the next, right after.
    private const int MaxBatch = 256;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool running;

    /// <summary>Queues <paramref name="record"/>; false when the writer is not running (before start, after stop): then the caller writes it itself.</summary>
    public bool TryEnqueue(AuditRecord record, out Task committed)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        committed = pending.Committed.Task;
        return running && queue.Writer.TryWrite(pending);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        running = true;
        var batch = new List<Pending>(MaxBatch);
        // Not stoppingToken: on stop the queue is completed and read to its end, so every waiting caller is answered.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            foreach (var tenant in batch.GroupBy(p => p.Record.TenantId))
            {
                await WriteAsync(tenant.Key, [.. tenant]);
            }

            batch.Clear();
        }

        running = false;
    }

    private async Task WriteAsync(Guid tenantId, IReadOnlyList<Pending> pending)
    {
        try
        {
            await using var scope = scopes.CreateScope(tenantId)
                ?? throw new InvalidOperationException($"Audit events for tenant {tenantId}, which does not exist.");
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            var connection = scope.ServiceProvider.GetRequiredService<HubConnection>();
            db.Events.AddRange(pending.Select(p => p.Record));
            await connection.InTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return true;
            }, CancellationToken.None, db);
            foreach (var p in pending)
            {
                p.Committed.TrySetResult();
            }
        }
#pragma warning disable CA1031 // Whatever failed is the callers' failure: each of them gets it, as if it had written its row itself.
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (var p in pending)
            {
                p.Committed.TrySetException(e);
            }
        }
    }

    private sealed record Pending(AuditRecord Record, TaskCompletionSource Committed);
}
