using System.Diagnostics.Metrics;
using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.Integrations.Telemetry;

/// <summary>
/// The integrations' own metrics (meter <c>Hub.Integrations</c>, exported by the host with the others): e-mails sent
/// or given up, webhook deliveries per tenant and outcome, how late timers fire, and the depth of each queue per
/// tenant. Names follow OpenTelemetry's conventions; docs/operations.md lists them.
/// </summary>
internal sealed class IntegrationsMetrics
{
    public const string MeterName = HubTelemetry.Prefix + ".Integrations";

    private readonly Counter<long> emails;
    private readonly Counter<long> deliveries;
    private readonly Histogram<double> timerLag;
    private volatile IReadOnlyList<QueueDepth> depths = [];

    public IntegrationsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        emails = meter.CreateCounter<long>("hub.emails", "{email}", "E-mails handed to the transport (sent), retried later (failed) or given up.");
        deliveries = meter.CreateCounter<long>("hub.webhook.deliveries", "{delivery}", "Webhook posts by outcome: delivered, failed (retried), gave_up.");
        timerLag = meter.CreateHistogram<double>("hub.timer.lag", "s", "How long after its due time a durable timer fired.");
        meter.CreateObservableGauge("hub.queue.depth", ObserveDepths, "{item}",
            "Work waiting per tenant and queue (email, webhook, timer: due and not yet fired), sampled every 15 s; every node reports the same figure.");
    }

    public void Email(string outcome) => emails.Add(1, new KeyValuePair<string, object?>("hub.outcome", outcome));

    public void Delivery(string tenant, string outcome) =>
        deliveries.Add(1, new KeyValuePair<string, object?>(HubTelemetry.TenantTag, tenant), new KeyValuePair<string, object?>("hub.outcome", outcome));

    public void TimerFired(string kind, TimeSpan late) =>
        timerLag.Record(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>("hub.timer.kind", kind));

    /// <summary>Replaces the sampled depths (<see cref="QueueDepthSampler"/>).</summary>
    public void SetDepths(IReadOnlyList<QueueDepth> sampled) => depths = sampled;

    private IEnumerable<Measurement<long>> ObserveDepths() =>
        depths.Select(d => new Measurement<long>(d.Count,
            new KeyValuePair<string, object?>(HubTelemetry.TenantTag, d.Tenant), new KeyValuePair<string, object?>("hub.queue", d.Queue)));
}

/// <summary>One queue's waiting items in one tenant.</summary>
internal sealed record QueueDepth(string Tenant, string Queue, long Count);

/// <summary>
/// Counts, every 15 seconds, what waits in the e-mail outbox, the webhook deliveries and the due timers, per tenant:
/// three grouped counts over the workers' own tables (the cross-tenant reads the dispatchers make anyway, counts only,
/// no row leaves the query). A tenant with nothing waiting reports 0 once it has had something, so a graph falls to
/// zero rather than stopping.
/// </summary>
internal sealed partial class QueueDepthSampler(
    IServiceScopeFactory scopes, ITenantScopes tenants, IntegrationsMetrics metrics, TimeProvider clock, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly HashSet<(string Tenant, string Queue)> seen = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WorkerLoop.RunAsync(async token => { await SampleAsync(token); return Interval; },
            (wait, token) => Task.Delay(wait, clock, token), Interval, exception => LogFailed(logger, exception), stoppingToken);
    }

    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        string[] filter = [TenantModelBuilderExtensions.TenantFilter];
        var counts = new List<(Guid Tenant, string Queue, long Count)>();
        foreach (var row in await db.OutgoingEmails.IgnoreQueryFilters(filter).Where(e => e.Status == OutgoingEmailStatus.Queued)
                     .GroupBy(e => e.TenantId).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken))
        {
            counts.Add((row.Key, "email", row.Count));
        }

        foreach (var row in await db.Deliveries.IgnoreQueryFilters(filter).Where(d => d.Status == WebhookDeliveryStatus.Pending)
                     .GroupBy(d => d.TenantId).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken))
        {
            counts.Add((row.Key, "webhook", row.Count));
        }

        foreach (var row in await db.Timers.IgnoreQueryFilters(filter).Where(t => t.Status == DurableTimerStatus.Pending && t.DueAt <= now)
                     .GroupBy(t => t.TenantId).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken))
        {
            counts.Add((row.Key, "timer", row.Count));
        }

        var current = counts.Select(c => new QueueDepth(tenants.Find(c.Tenant)?.Slug ?? c.Tenant.ToString(), c.Queue, c.Count)).ToList();
        var named = current.Select(d => (d.Tenant, d.Queue)).ToHashSet();
        current.AddRange(seen.Where(s => !named.Contains(s)).Select(s => new QueueDepth(s.Tenant, s.Queue, 0)));
        seen.UnionWith(named);
        metrics.SetDepths(current);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling the queue depths failed; the last figures stay")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
