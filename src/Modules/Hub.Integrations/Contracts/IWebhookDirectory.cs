namespace Hub.Integrations.Contracts;

/// <summary>The current tenant's webhooks, for modules that let the municipality pick one (a service's delivery).</summary>
public interface IWebhookDirectory
{
    /// <summary>The tenant's webhooks by name, switched off ones included.</summary>
    Task<IReadOnlyList<WebhookInfo>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>A webhook as another module sees it: never its secret.</summary>
public sealed record WebhookInfo(Guid Id, string Name, string Url, bool Active);

/// <summary>
/// Told when a webhook answered a delivery with 2xx; registered as a scoped service and called in a scope of the
/// delivery's tenant, after the delivery was marked delivered. A failure is logged and does not undo the delivery.
/// </summary>
public interface IWebhookReceipts
{
    /// <summary>Event <paramref name="type"/> about <paramref name="subject"/> reached <paramref name="webhook"/>.</summary>
    Task DeliveredAsync(string type, string subject, WebhookInfo webhook, CancellationToken cancellationToken);
}
