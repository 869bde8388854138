using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Hub.Integrations.Telemetry;
using Hub.Integrations.Workers;
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
    IntegrationsMetrics metrics, TimeProvider clock, ILogger<TimerWorker> logger) : BackgroundService
{
    private readonly TimerOptions options = options.Value;
    private readonly string node = Leases.NewNodeName();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WorkerLoop.RunAsync(RunDueAsync, (wait, token) => Task.Delay(wait, clock, token), options.PollInterval, exception => LogPassFailed(logger, exception), stoppingToken);
    }

    /// <summary>Claims and fires one batch; returns how long the node may sleep before the next pass.</summary>
    internal async Task<TimeSpan> RunDueAsync(CancellationToken cancellationToken)
    {
        LeaseClaim<DurableTimer> claim;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            claim = await Leases.ClaimAsync(AllTenants(db), Pending, node, clock.GetUtcNow().UtcDateTime, options.LeaseDuration, options.BatchSize, cancellationToken);
        }

        foreach (var timer in claim.Batch)
        {
            await FireAsync(timer, claim.Owner, cancellationToken);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            return await Leases.NextWaitAsync(AllTenants(db), Pending, claim, options.BatchSize, clock.GetUtcNow().UtcDateTime, options.PollInterval, cancellationToken);
        }
    }

    private static readonly System.Linq.Expressions.Expression<Func<DurableTimer, bool>> Pending = t => t.Status == DurableTimerStatus.Pending;

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
                metrics.TimerFired(timer.Kind, now - DateTime.SpecifyKind(timer.DueAt, DateTimeKind.Utc));
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
        var delay = Leases.RetryDelay(attempt, options.RetryBaseDelay, TimeSpan.FromHours(2));
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
