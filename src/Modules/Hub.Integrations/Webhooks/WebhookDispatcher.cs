using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Telemetry;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Hub.Integrations.Workers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Integrations.Webhooks;

/// <summary>
/// Posts pending deliveries of every tenant to their webhooks. Deliberate cross-tenant work, like the e-mail
/// dispatcher: a node claims a batch with a lease (<see cref="Leases"/>) and every write is conditioned on that claim,
/// so with several nodes a delivery is posted by one node at a time, and marked delivered once. A receiver may still
/// see an event twice (a node stopped after the post and before the mark), so each carries its id to drop a repeat.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, ITenantScopes tenants, IHttpClientFactory httpClients, IDataProtectionProvider protection, WebhookDispatchSignal signal,
    IOptions<WebhookOptions> options, IntegrationsMetrics metrics, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>The named HTTP client (no redirects, no cookies, the address guard).</summary>
    public const string HttpClientName = "Hub.Webhooks";

    private readonly WebhookOptions options = options.Value;
    private readonly string node = Leases.NewNodeName();
    private DateTime nextPrune = DateTime.MinValue;

    private static readonly System.Linq.Expressions.Expression<Func<WebhookDelivery, bool>> Pending = d => d.Status == WebhookDeliveryStatus.Pending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WorkerLoop.RunAsync(DispatchAsync, (wait, token) => signal.SleepAsync(wait, clock, token), options.PollInterval, LogPassFailed, stoppingToken);
    }

    /// <summary>Claims and posts one batch; returns how long the node may sleep before the next pass.</summary>
    internal async Task<TimeSpan> DispatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var claim = await Leases.ClaimAsync(Deliveries(db), Pending, node, clock.GetUtcNow().UtcDateTime, options.LeaseDuration, options.BatchSize, cancellationToken);
        if (claim.Batch.Count > 0)
        {
            var eventIds = claim.Batch.Select(d => d.EventId).Distinct().ToList();
            var webhookIds = claim.Batch.Select(d => d.WebhookId).Distinct().ToList();
            var events = await db.Events.IgnoreQueryFilters([TenantModelBuilderExtensions.TenantFilter]).AsNoTracking()
                .Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
            var webhooks = await db.Webhooks.IgnoreQueryFilters([TenantModelBuilderExtensions.TenantFilter]).AsNoTracking()
                .Where(w => webhookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
            foreach (var delivery in claim.Batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await DeliverAsync(db, claim.Owner, delivery, events.GetValueOrDefault(delivery.EventId), webhooks.GetValueOrDefault(delivery.WebhookId), cancellationToken);
            }
        }

        await PruneAsync(db, cancellationToken);
        return await Leases.NextWaitAsync(Deliveries(db), Pending, claim, options.BatchSize, clock.GetUtcNow().UtcDateTime, options.PollInterval, cancellationToken);
    }

    /// <summary>
    /// At most hourly per node: removes settled deliveries older than <see cref="WebhookOptions.KeepFor"/>, then the
    /// events no delivery needs any more. Pending deliveries are never removed, however old.
    /// </summary>
    private async Task PruneAsync(IntegrationsDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < nextPrune)
        {
            return;
        }

        nextPrune = now + TimeSpan.FromHours(1);
        var cutoff = now - options.KeepFor;
        await Deliveries(db).Where(d => d.Status != WebhookDeliveryStatus.Pending && d.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Events.IgnoreQueryFilters([TenantModelBuilderExtensions.TenantFilter])
            .Where(e => e.OccurredAt < cutoff && !Deliveries(db).Any(d => d.EventId == e.Id))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private string TenantName(Guid tenantId) => tenants.Find(tenantId)?.Slug ?? tenantId.ToString();

    private async Task DeliverAsync(
        IntegrationsDbContext db, string owner, WebhookDelivery delivery, IntegrationEventRecord? record, Webhook? webhook, CancellationToken cancellationToken)
    {
        var attempt = delivery.Attempts + 1;
        if (record is null || webhook is null || !webhook.Active)
        {
            await SettleAsync(db, owner, delivery, WebhookDeliveryStatus.Failed, attempt, null, "The webhook was switched off or removed before delivery.");
            return;
        }

        int? status = null;
        string? error;
        try
        {
            using var request = Sign(new HttpRequestMessage(HttpMethod.Post, webhook.Url), record, Unprotect(webhook));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await SettleAsync(db, owner, delivery, WebhookDeliveryStatus.Delivered, attempt, status, null);
                LogDelivered(record.Type, record.Subject, webhook.Id, attempt);
                metrics.Delivery(TenantName(delivery.TenantId), "delivered");
                await TellReceiptsAsync(delivery.TenantId, record, webhook, cancellationToken);
                return;
            }

            error = $"HTTP {status} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or CryptographicException or InvalidOperationException)
        {
            error = exception is TaskCanceledException ? $"No answer within {options.Timeout.TotalSeconds:0} s." : $"{exception.GetType().Name}: {exception.Message}";
        }

        var giveUp = attempt >= options.MaxAttempts;
        await SettleAsync(db, owner, delivery, giveUp ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending, attempt, status, error);
        LogFailed(record.Type, record.Subject, webhook.Id, attempt, error, giveUp);
        metrics.Delivery(TenantName(delivery.TenantId), giveUp ? "gave_up" : "failed");
    }

    /// <summary>
    /// Adds the body and the headers a receiver checks: <c>Hub-Event-Id</c>, <c>Hub-Event-Type</c> and
    /// <c>Hub-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}" with the webhook's secret}</c>.
    /// </summary>
    internal HttpRequestMessage Sign(HttpRequestMessage request, IntegrationEventRecord record, string secret)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        request.Content = new StringContent(record.Body, Encoding.UTF8, "application/json");
        request.Headers.Add("Hub-Event-Id", record.Id.ToString());
        request.Headers.Add("Hub-Event-Type", record.Type);
        request.Headers.Add("Hub-Signature", $"t={timestamp},v1={Signature(secret, timestamp, record.Body)}");
        return request;
    }

    /// <summary>The signature a receiver computes to check a post: lower-case hex HMAC-SHA256 of <c>{timestamp}.{body}</c>.</summary>
    public static string Signature(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>Tells the modules that wait for a delivery (<see cref="IWebhookReceipts"/>), in a scope of its tenant.</summary>
    private async Task TellReceiptsAsync(Guid tenantId, IntegrationEventRecord record, Webhook webhook, CancellationToken cancellationToken)
    {
        if (tenants.CreateScope(tenantId) is not { } scope)
        {
            return;
        }

        await using (scope)
        {
            var info = new WebhookInfo(webhook.Id, webhook.Name, webhook.Url, webhook.Active);
            foreach (var receipts in scope.ServiceProvider.GetServices<IWebhookReceipts>())
            {
                try
                {
                    await receipts.DeliveredAsync(record.Type, record.Subject, info, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogReceiptFailed(exception, record.Type, record.Subject);
                }
            }
        }
    }

    private string Unprotect(Webhook webhook) => WebhookSecrets.Protector(protection).Unprotect(webhook.ProtectedSecret);

    private async Task SettleAsync(
        IntegrationsDbContext db, string owner, WebhookDelivery delivery, WebhookDeliveryStatus status, int attempt, int? statusCode, string? error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = status == WebhookDeliveryStatus.Pending ? now + Leases.RetryDelay(attempt, options.RetryBaseDelay, options.RetryMaxDelay) : delivery.NextAttemptAt;
        error = error is { Length: > 2000 } ? error[..2000] : error;
        // Recorded even when shutting down: the receiver has answered.
        var marked = await Deliveries(db)
            .Where(d => d.Id == delivery.Id && d.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.Attempts, attempt)
                .SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LastStatusCode, statusCode)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.DeliveredAt, status == WebhookDeliveryStatus.Delivered ? now : null)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null), CancellationToken.None);
        if (marked == 0)
        {
            LogLeaseLost(delivery.Id);
        }
    }

    private static IQueryable<WebhookDelivery> Deliveries(IntegrationsDbContext db) =>
        db.Deliveries.IgnoreQueryFilters([TenantModelBuilderExtensions.TenantFilter]);

    /// <summary>
    /// Connects only to addresses a webhook may reach: the name is resolved here and each address checked, so a
    /// public name that resolves to the hub's own network is refused too (unless <see cref="WebhookOptions.AllowPrivateNetworks"/>).
    /// </summary>
    internal static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivateNetworks, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => allowPrivateNetworks || IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{host} is a private or local address, which webhooks may not reach.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>False for loopback, private, shared, link-local, unique-local, multicast and reserved addresses.</summary>
    internal static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || (b[0] == 100 && b[1] >= 64 && b[1] < 128) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32) || (b[0] == 192 && b[1] == 168) || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) || b[0] >= 224);
        }

        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (bytes[0] & 0xfe) == 0xfc);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {Type} for {Subject} delivered to webhook {Webhook} (attempt {Attempt})")]
    private partial void LogDelivered(string type, string subject, Guid webhook, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {Type} for {Subject} to webhook {Webhook} failed on attempt {Attempt}: {Error} (given up: {GaveUp})")]
    private partial void LogFailed(string type, string subject, Guid webhook, int attempt, string error, bool gaveUp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {Id} was settled after this node's lease on it ended; another node may post it again")]
    private partial void LogLeaseLost(Guid id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Type} for {Subject} was delivered, but a module waiting for it failed")]
    private partial void LogReceiptFailed(Exception exception, string type, string subject);

    [LoggerMessage(Level = LogLevel.Error, Message = "A webhook pass failed; trying again after the poll interval")]
    private partial void LogPassFailed(Exception exception);
}
