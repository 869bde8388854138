using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Hub.Integrations.Telemetry;
using Hub.Integrations.Workers;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Integrations.Email;

/// <summary>
/// Sends queued e-mail of every tenant. This is deliberate cross-tenant work: it reads past the tenant query filter
/// and writes with conditional bulk updates, which the tenant write guard (a save interceptor) does not see.
/// Every write is conditioned on this node's claim (<see cref="OutgoingEmailMessage.LeaseOwner"/>), so with several
/// nodes on one database a message is claimed, and so sent, by one node only.
/// </summary>
internal sealed partial class CrossTenantEmailDispatcher(
    IServiceScopeFactory scopes, IEmailTransport transport, EmailDispatchSignal signal, IOptions<EmailOptions> options,
    IntegrationsMetrics metrics, TimeProvider clock, ILogger<CrossTenantEmailDispatcher> logger) : BackgroundService
{
    private readonly EmailOptions options = options.Value;
    private readonly string node = Leases.NewNodeName();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (transport.Description is null)
        {
            LogNoTransport();
            return;
        }

        LogStarted(transport.Description, node);
        await WorkerLoop.RunAsync(DispatchAsync, (wait, token) => signal.SleepAsync(wait, clock, token), options.PollInterval, LogPassFailed, stoppingToken);
    }

    /// <summary>Claims and sends one batch; returns how long the node may sleep before the next pass.</summary>
    internal async Task<TimeSpan> DispatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var claim = await Leases.ClaimAsync(AllTenants(db), Queued, node, clock.GetUtcNow().UtcDateTime, options.LeaseDuration, options.BatchSize, cancellationToken);
        if (claim.Batch.Count > 0)
        {
            await SendAsync(db, claim.Owner, claim.Batch, cancellationToken);
        }

        return await Leases.NextWaitAsync(AllTenants(db), Queued, claim, options.BatchSize, clock.GetUtcNow().UtcDateTime, options.PollInterval, cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<OutgoingEmailMessage, bool>> Queued = e => e.Status == OutgoingEmailStatus.Queued;

    private static IQueryable<OutgoingEmailMessage> AllTenants(IntegrationsDbContext db) =>
        db.OutgoingEmails.IgnoreQueryFilters([TenantModelBuilderExtensions.TenantFilter]);

    private async Task SendAsync(IntegrationsDbContext db, string owner, IReadOnlyList<OutgoingEmailMessage> batch, CancellationToken cancellationToken)
    {
        var from = options.From!;
        var sender = transport.CreateSender();
        await using (sender.ConfigureAwait(false))
        {
            try
            {
                await SendBatchAsync(db, owner, batch, sender, from, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: hand the unsent rest back at once rather than when the lease runs out. A message cut
                // off mid-send may have reached the server; it goes again with the same Message-Id (at least once).
                await ReleaseAsync(db, owner);
                throw;
            }
        }
    }

    private async Task SendBatchAsync(
        IntegrationsDbContext db, string owner, IReadOnlyList<OutgoingEmailMessage> batch, IEmailSender sender, string from, CancellationToken cancellationToken)
    {
        foreach (var row in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await sender.SendAsync(EmailMessageBuilder.Build(row, from), cancellationToken);
            }
#pragma warning disable CA1031 // Whatever the transport throws is recorded on the row and retried; it must not end the batch.
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                await RecordFailureAsync(db, owner, row, exception);
                continue;
            }

            // Recorded even when shutting down: the server has the message.
            metrics.Email("sent");
            var now = clock.GetUtcNow().UtcDateTime;
            var marked = await AllTenants(db)
                .Where(e => e.Id == row.Id && e.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Status, OutgoingEmailStatus.Sent)
                    .SetProperty(e => e.SentAt, now)
                    .SetProperty(e => e.Attempts, row.Attempts + 1)
                    .SetProperty(e => e.LastError, (string?)null)
                    .SetProperty(e => e.LeaseOwner, (string?)null)
                    .SetProperty(e => e.LeaseExpiresAt, (DateTime?)null), CancellationToken.None);
            if (marked == 0)
            {
                LogLeaseLost(row.MessageId);
            }
        }
    }

    private async Task RecordFailureAsync(IntegrationsDbContext db, string owner, OutgoingEmailMessage row, Exception exception)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = row.Attempts + 1;
        var error = exception is SmtpCommandException smtp
            ? $"SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode}): {smtp.Message}"
            : $"{exception.GetType().Name}: {exception.Message}";
        error = error.Length > 2000 ? error[..2000] : error;
        // A recipient the server refuses for good (5xx on RCPT TO) will not be accepted by asking again.
        var permanent = exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command && (int)command.StatusCode >= 500;
        var rows = AllTenants(db).Where(e => e.Id == row.Id && e.LeaseOwner == owner);
        if (permanent || attempts >= options.MaxAttempts)
        {
            await rows.ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, OutgoingEmailStatus.Failed)
                .SetProperty(e => e.FailedAt, now)
                .SetProperty(e => e.Attempts, attempts)
                .SetProperty(e => e.LastError, error)
                .SetProperty(e => e.LeaseOwner, (string?)null)
                .SetProperty(e => e.LeaseExpiresAt, (DateTime?)null), CancellationToken.None);
            LogGaveUp(exception, row.MessageId, row.TenantId, attempts);
            metrics.Email("gave_up");
            return;
        }

        metrics.Email("failed");
        var nextAttempt = now + options.RetryDelay(attempts);
        await rows.ExecuteUpdateAsync(s => s
            .SetProperty(e => e.NextAttemptAt, nextAttempt)
            .SetProperty(e => e.Attempts, attempts)
            .SetProperty(e => e.LastError, error)
            .SetProperty(e => e.LeaseOwner, (string?)null)
            .SetProperty(e => e.LeaseExpiresAt, (DateTime?)null), CancellationToken.None);
        LogWillRetry(row.MessageId, row.TenantId, attempts, nextAttempt, error);
    }

    private static Task<int> ReleaseAsync(IntegrationsDbContext db, string owner) =>
        AllTenants(db)
            .Where(e => e.LeaseOwner == owner && e.Status == OutgoingEmailStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseOwner, (string?)null).SetProperty(e => e.LeaseExpiresAt, (DateTime?)null), CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No e-mail transport is configured (Hub:Email:Smtp:Host or Hub:Email:PickupDirectory); e-mail stays queued until one is")]
    private partial void LogNoTransport();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending queued e-mail through {Transport} as node {Node}")]
    private partial void LogStarted(string transport, string node);

    [LoggerMessage(Level = LogLevel.Error, Message = "The e-mail dispatcher's pass failed; it tries again after the poll interval")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MessageId} was sent after this node's lease on it ended; another node may send it again")]
    private partial void LogLeaseLost(string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MessageId} of tenant {TenantId} failed (attempt {Attempts}); next attempt at {NextAttempt:O}: {Error}")]
    private partial void LogWillRetry(string messageId, Guid tenantId, int attempts, DateTime nextAttempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {MessageId} of tenant {TenantId} failed after {Attempts} attempts and will not be retried (status Failed)")]
    private partial void LogGaveUp(Exception exception, string messageId, Guid tenantId, int attempts);
}
