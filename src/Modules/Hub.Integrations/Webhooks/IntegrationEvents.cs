using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Hub.Integrations.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Integrations.Webhooks;

/// <summary>
/// Writes an event and its deliveries as rows of the current tenant on the scope's shared connection and transaction
/// (as the e-mail outbox does), so they commit or roll back with the caller's work. The dispatcher is woken when the
/// scope ends.
/// </summary>
internal sealed partial class IntegrationEvents(
    IServiceProvider services, HubConnection connection, TenantSql sql, ITenantContext tenantContext, WebhookDispatchSignal signal, TimeProvider clock)
    : IIntegrationEvents, IDisposable
{
    private const string AnyActiveWebhook = """SELECT 1 FROM integrations_webhooks WHERE "TenantId" = @tenant AND "Active" """;

    private IntegrationsDbContext? context;
    private readonly CommitWake wake = new(signal, connection);

    // Resolved on the first event: a request that publishes none creates no DbContext for it.
    private IntegrationsDbContext Db => context ??= services.GetRequiredService<IntegrationsDbContext>();

    public async Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (!EventType().IsMatch(integrationEvent.Type) || integrationEvent.Subject is not { Length: > 0 and <= 200 })
        {
            throw new ArgumentException("An event needs a type such as 'case.submitted' and a subject of 1–200 characters.", nameof(integrationEvent));
        }

        // Most municipalities have no active webhook: one plain query says so without creating the module's DbContext
        // (a submission publishes an event inside its write transaction, so this is time every other submission waits).
        if (tenantContext.Tenant is null || await sql.QuerySingleAsync(AnyActiveWebhook, [], static _ => true, cancellationToken) is false)
        {
            return;
        }

        await connection.FollowAsync(Db, cancellationToken);
        var webhooks = (await Db.Webhooks.Where(w => w.Active).ToListAsync(cancellationToken))
            .Where(w => w.Wants(integrationEvent.Type))
            .ToList();
        await AddAsync(integrationEvent, webhooks, cancellationToken);
    }

    public async Task<bool> PublishToAsync(IntegrationEvent integrationEvent, Guid webhookId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (!EventType().IsMatch(integrationEvent.Type) || integrationEvent.Subject is not { Length: > 0 and <= 200 } || tenantContext.Tenant is null)
        {
            throw new ArgumentException("An event needs a type such as 'case.document', a subject of 1–200 characters and a current tenant.", nameof(integrationEvent));
        }

        await connection.FollowAsync(Db, cancellationToken);
        // The tenant's filter applies: another tenant's webhook id finds nothing.
        if (await Db.Webhooks.SingleOrDefaultAsync(w => w.Id == webhookId && w.Active, cancellationToken) is not { } webhook)
        {
            return false;
        }

        await AddAsync(integrationEvent, [webhook], cancellationToken);
        return true;
    }

    /// <summary>Stores the event with a delivery to each of <paramref name="webhooks"/> (the admin page's test event names one).</summary>
    internal async Task AddAsync(IntegrationEvent integrationEvent, IReadOnlyList<Webhook> webhooks, CancellationToken cancellationToken)
    {
        if (webhooks.Count == 0)
        {
            return;
        }

        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("Integration events are published inside a tenant.");
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7(now);
        var body = new JsonObject
        {
            ["id"] = id.ToString(),
            ["type"] = integrationEvent.Type,
            ["occurredAt"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["tenant"] = tenant.Slug,
            ["subject"] = integrationEvent.Subject,
            ["data"] = integrationEvent.Data.DeepClone(),
        };
        await connection.FollowAsync(Db, cancellationToken);
        Db.Events.Add(new IntegrationEventRecord
        {
            Id = id, TenantId = tenant.Id, Type = integrationEvent.Type, Subject = integrationEvent.Subject,
            Body = body.ToJsonString(), OccurredAt = now,
        });
        foreach (var webhook in webhooks)
        {
            Db.Deliveries.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(now), TenantId = tenant.Id, EventId = id, WebhookId = webhook.Id,
                Status = WebhookDeliveryStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            });
        }

        await Db.SaveChangesAsync(cancellationToken);
        wake.Written();
    }

    public void Dispose() => wake.Dispose();

    [GeneratedRegex("^[a-z]+(\\.[a-zA-Z]+)+$")]
    private static partial Regex EventType();
}

/// <summary>Wakes this node's webhook dispatcher when an event was stored.</summary>
internal sealed class WebhookDispatchSignal : WakeSignal;
