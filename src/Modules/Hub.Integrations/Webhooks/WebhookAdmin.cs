using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hub.Abstractions;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hub.Integrations.Webhooks;

/// <summary>Protects webhook secrets at rest; every node has the same key ring (kept in the database).</summary>
internal static class WebhookSecrets
{
    public static IDataProtector Protector(IDataProtectionProvider provider) => provider.CreateProtector("Hub.Integrations.Webhooks.Secret");

    /// <summary>A new signing secret: <c>whsec_</c> and 32 random bytes, base64url.</summary>
    public static string New() => "whsec_" + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}

/// <summary>A webhook as the admin page lists it, with how its deliveries went.</summary>
internal sealed record WebhookSummary(Webhook Webhook, int Delivered, int Pending, int Failed);

/// <summary>A recent delivery as the admin page lists it.</summary>
internal sealed record DeliveryRow(WebhookDelivery Delivery, string WebhookName, string EventType, string Subject);

/// <summary>What is wrong with a new webhook, per field (<c>Name</c>, <c>Address</c>, <c>Events</c>); the values are text keys.</summary>
internal sealed record WebhookProblem(string Field, string Problem);

/// <summary>The current tenant's webhooks: set up, switch on and off, remove, test, and retry a failed delivery.</summary>
internal sealed class WebhookAdmin(
    IntegrationsDbContext db, IntegrationEvents events, IDataProtectionProvider protection, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<WebhookSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var webhooks = await db.Webhooks.AsNoTracking().OrderBy(w => w.CreatedAt).ToListAsync(cancellationToken);
        var counts = await db.Deliveries.GroupBy(d => new { d.WebhookId, d.Status })
            .Select(g => new { g.Key.WebhookId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(Guid id, WebhookDeliveryStatus status) => counts.Where(c => c.WebhookId == id && c.Status == status).Sum(c => c.Count);
        return webhooks.Select(w => new WebhookSummary(w, Count(w.Id, WebhookDeliveryStatus.Delivered), Count(w.Id, WebhookDeliveryStatus.Pending), Count(w.Id, WebhookDeliveryStatus.Failed))).ToList();
    }

    public async Task<IReadOnlyList<DeliveryRow>> RecentDeliveriesAsync(int count, CancellationToken cancellationToken) =>
        await (from d in db.Deliveries.AsNoTracking()
               join e in db.Events on d.EventId equals e.Id
               join w in db.Webhooks on d.WebhookId equals w.Id
               orderby d.CreatedAt descending
               select new DeliveryRow(d, w.Name, e.Type, e.Subject))
            .Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>What is wrong with a new webhook; empty when it can be saved.</summary>
    public IReadOnlyList<WebhookProblem> Check(string? name, string? url, IReadOnlyCollection<string> eventTypes)
    {
        var problems = new List<WebhookProblem>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            problems.Add(new("Name", "Name"));
        }

        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000 || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp) || address.UserInfo.Length > 0 || address.Fragment.Length > 0)
        {
            problems.Add(new("Address", "Address"));
        }
        else if (address.Scheme == Uri.UriSchemeHttp && !options.Value.AllowHttp)
        {
            problems.Add(new("Address", "AddressHttps"));
        }

        if (eventTypes.Count == 0 || eventTypes.Any(t => !IntegrationEventTypes.Subscribable.Contains(t)))
        {
            problems.Add(new("Events", "Events"));
        }

        return problems;
    }

    /// <summary>Saves a webhook (switched on) and returns it with its secret, which is shown this once.</summary>
    public async Task<(Webhook Webhook, string Secret)> CreateAsync(string name, string url, IReadOnlyCollection<string> eventTypes, string createdBy, CancellationToken cancellationToken)
    {
        if (Check(name, url, eventTypes).Count > 0)
        {
            throw new ArgumentException("Check the webhook first.", nameof(url));
        }

        var secret = WebhookSecrets.New();
        var webhook = new Webhook
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Url = url.Trim(),
            ProtectedSecret = WebhookSecrets.Protector(protection).Protect(secret),
            EventTypes = string.Join(' ', IntegrationEventTypes.Subscribable.Where(eventTypes.Contains)),
            Active = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return (webhook, secret);
    }

    /// <summary>Switches a webhook on or off; false when the tenant has none with that id.</summary>
    public async Task<bool> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken) =>
        await db.Webhooks.Where(w => w.Id == id).ExecuteUpdateAsync(s => s.SetProperty(w => w.Active, active), cancellationToken) > 0;

    /// <summary>Removes a webhook with its deliveries; false when the tenant has none with that id.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await db.Deliveries.Where(d => d.WebhookId == id).ExecuteDeleteAsync(cancellationToken);
        return await db.Webhooks.Where(w => w.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Sends a <c>hub.ping</c> event to this webhook only; false when the tenant has no active webhook with that id.</summary>
    public async Task<bool> PingAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id && w.Active, cancellationToken) is not { } webhook)
        {
            return false;
        }

        await events.AddAsync(new IntegrationEvent(IntegrationEventTypes.Ping, webhook.Id.ToString(), new JsonObject { ["message"] = "Test event from the hub's admin page." }), [webhook], cancellationToken);
        return true;
    }

    /// <summary>Tries a failed delivery again now; false when the tenant has no failed delivery with that id.</summary>
    public async Task<bool> RetryAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        await db.Deliveries.Where(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, clock.GetUtcNow().UtcDateTime), cancellationToken) > 0;
}

/// <summary>The tenant's webhooks for other modules (<see cref="IWebhookDirectory"/>), read under the tenant's filter.</summary>
internal sealed class WebhookDirectory(IntegrationsDbContext db) : IWebhookDirectory
{
    public async Task<IReadOnlyList<WebhookInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Webhooks.AsNoTracking().OrderBy(w => w.Name).Select(w => new WebhookInfo(w.Id, w.Name, w.Url, w.Active)).ToListAsync(cancellationToken);
}
