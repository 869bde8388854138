using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Integrations.Timers;

/// <summary>
/// Fires due timers of every tenant. A pass claims a batch with a lease (a conditional bulk update, as the e-mail
/// dispatcher does), then fires each timer in its tenant's scope inside one transaction that first marks it fired
/// (conditional on this node's claim and on it still being pending) and then runs its handler. The mark and the
/// handler's work commit together, so a timer's effects happen once even with several nodes: a second node that
/// reaches the same row finds it no longer pending (PostgreSQL re-checks the condition after the first commits;
/// SQLite has one writer).
/// </summary>
internal sealed partial class TimerWorker(
    IServiceScopeFactory scopes, ITenantScopes tenants, IOptions<TimerOptions> options,
    TimeProvider clock, ILogger<TimerWorker> logger) : BackgroundService
{
    private readonly TimerOptions options = options.Value;
    private readonly string node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database outage must not stop the worker for good; it logs and tries again after a poll.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, exception);
                wait = options.PollInterval;
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and fires one batch; returns how long the node may sleep before the next pass.</summary>
    internal async Task<TimeSpan> RunDueAsync(CancellationToken cancellationToken)
    {
        List<DurableTimer> batch;
        string owner;
        int candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            (owner, candidates, batch) = await ClaimAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        foreach (var timer in batch)
        {
            await FireAsync(timer, owner, cancellationToken);
        }

        if (candidates == options.BatchSize || (candidates > 0 && batch.Count == 0))
        {
            return TimeSpan.Zero;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var next = await AllTenants(db)
                .Where(t => t.Status == DurableTimerStatus.Pending && (t.LeaseExpiresAt == null || t.LeaseExpiresAt < now))
                .OrderBy(t => t.NextAttemptAt)
                .Select(t => (DateTime?)t.NextAttemptAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return options.PollInterval;
            }

            var untilDue = DateTime.SpecifyKind(next.Value, DateTimeKind.Utc) - now;
            return untilDue <= TimeSpan.Zero ? TimeSpan.Zero : untilDue < options.PollInterval ? untilDue : options.PollInterval;
        }
    }

    private async Task<(string Owner, int Candidates, List<DurableTimer> Batch)> ClaimAsync(IntegrationsDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var ids = await AllTenants(db)
            .Where(t => t.Status == DurableTimerStatus.Pending && t.NextAttemptAt <= now && (t.LeaseExpiresAt == null || t.LeaseExpiresAt < now))
            .OrderBy(t => t.NextAttemptAt)
            .Select(t => t.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        var owner = $"{node}/{Guid.NewGuid():N}";
        if (ids.Count == 0)
        {
            return (owner, 0, []);
        }

        var until = now + options.LeaseDuration;
        var claimed = await AllTenants(db)
            .Where(t => ids.Contains(t.Id) && t.Status == DurableTimerStatus.Pending && (t.LeaseExpiresAt == null || t.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, owner).SetProperty(t => t.LeaseExpiresAt, until), cancellationToken);
        if (claimed == 0)
        {
            return (owner, ids.Count, []);
        }

        var batch = await AllTenants(db).AsNoTracking().Where(t => t.LeaseOwner == owner).OrderBy(t => t.NextAttemptAt).ToListAsync(cancellationToken);
        return (owner, ids.Count, batch);
    }

    private async Task FireAsync(DurableTimer timer, string owner, CancellationToken cancellationToken)
    {
        var tenantScope = tenants.CreateScope(timer.TenantId);
        if (tenantScope is not { } scope)
        {
            await SettleAsync(timer, owner, DurableTimerStatus.Cancelled, "The tenant no longer exists.", cancellationToken);
            return;
        }

        await using (scope)
        {
            // Handlers are scoped: they use the tenant's contexts, outbox and timers of this scope.
            var handler = scope.ServiceProvider.GetServices<ITimerHandler>().FirstOrDefault(h => h.Kind == timer.Kind);
            if (handler is null)
            {
                await SettleAsync(timer, owner, DurableTimerStatus.Failed, $"No handler for the kind '{timer.Kind}'.", cancellationToken);
                LogNoHandler(logger, timer.Kind, timer.Id);
                return;
            }

            var connection = scope.ServiceProvider.GetRequiredService<HubConnection>();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var attempt = timer.Attempts + 1;
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.EnlistAsync(db);
                var marked = await AllTenants(db)
                    .Where(t => t.Id == timer.Id && t.LeaseOwner == owner && t.Status == DurableTimerStatus.Pending)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(t => t.Status, DurableTimerStatus.Fired).SetProperty(t => t.FiredAt, now)
                            .SetProperty(t => t.Attempts, attempt).SetProperty(t => t.LeaseOwner, (string?)null)
                            .SetProperty(t => t.LeaseExpiresAt, (DateTime?)null),
                        cancellationToken);
                if (marked == 0)
                {
                    // Cancelled, rescheduled or taken by another node since the claim: nothing to do.
                    await transaction.RollbackAsync(cancellationToken);
                    return;
                }

                await handler.FireAsync(
                    new FiredTimer(timer.Kind, timer.Subject, DateTime.SpecifyKind(timer.DueAt, DateTimeKind.Utc), timer.Payload, attempt),
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogFired(logger, timer.Kind, timer.Subject, attempt);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A handler's failure is recorded on the timer and retried; other timers go on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                await RecordFailureAsync(timer, owner, attempt, exception, cancellationToken);
            }
            finally
            {
                connection.EndTransaction();
            }
        }
    }

    private async Task RecordFailureAsync(DurableTimer timer, string owner, int attempt, Exception exception, CancellationToken cancellationToken)
    {
        var giveUp = attempt >= options.MaxAttempts;
        var delay = TimeSpan.FromTicks(Math.Min(options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt - 1, 20)), TimeSpan.FromHours(2).Ticks));
        var next = clock.GetUtcNow().UtcDateTime + delay;
        var error = exception.GetType().Name + ": " + exception.Message;
        error = error.Length > 2000 ? error[..2000] : error;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        await AllTenants(db)
            .Where(t => t.Id == timer.Id && t.LeaseOwner == owner && t.Status == DurableTimerStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Attempts, attempt).SetProperty(t => t.LastError, error)
                    .SetProperty(t => t.NextAttemptAt, next)
                    .SetProperty(t => t.Status, giveUp ? DurableTimerStatus.Failed : DurableTimerStatus.Pending)
                    .SetProperty(t => t.LeaseOwner, (string?)null).SetProperty(t => t.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
        if (giveUp)
        {
            LogGaveUp(logger, exception, timer.Kind, timer.Subject, attempt);
        }
        else
        {
            LogRetry(logger, exception, timer.Kind, timer.Subject, attempt, next);
        }
    }

    private async Task SettleAsync(DurableTimer timer, string owner, DurableTimerStatus status, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        await AllTenants(db)
            .Where(t => t.Id == timer.Id && t.LeaseOwner == owner && t.Status == DurableTimerStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Status, status).SetProperty(t => t.LastError, reason)
                    .SetProperty(t => t.LeaseOwner, (string?)null).SetProperty(t => t.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
    }

    private static IQueryable<DurableTimer> AllTenants(IntegrationsDbContext db) =>
        db.Timers.IgnoreQueryFilters([TenantModelBuilderExtensions.TenantFilter]);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {Kind} for {Subject} fired (attempt {Attempt})")]
    private static partial void LogFired(ILogger logger, string kind, string subject, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {Kind} for {Subject} failed on attempt {Attempt}; trying again at {Next:o}")]
    private static partial void LogRetry(ILogger logger, Exception exception, string kind, string subject, int attempt, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Kind} for {Subject} failed {Attempt} times; given up")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string kind, string subject, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "No handler fires timers of kind {Kind} (timer {Id}); marked failed")]
    private static partial void LogNoHandler(ILogger logger, string kind, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A timer pass failed; trying again after the poll interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
