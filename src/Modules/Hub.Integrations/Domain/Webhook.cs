using Hub.Abstractions;
using Hub.Integrations.Workers;

namespace Hub.Integrations.Domain;

/// <summary>An address of the municipality's where the hub posts the integration events it subscribes to.</summary>
internal sealed class Webhook : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>The signing secret, protected by ASP.NET Core data protection (the key ring is shared by all nodes).</summary>
    public string ProtectedSecret { get; set; } = "";

    /// <summary>The subscribed event types, separated by spaces.</summary>
    public string EventTypes { get; set; } = "";

    public bool Active { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public bool Wants(string type) => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(type, StringComparer.Ordinal);
}

/// <summary>One published event, kept for its deliveries: the exact body every webhook receives.</summary>
internal sealed class IntegrationEventRecord : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Type { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>The JSON body as posted (envelope and data).</summary>
    public string Body { get; set; } = "";

    public DateTime OccurredAt { get; set; }
}

/// <summary>Where one delivery of an event to one webhook is; stored as text.</summary>
internal enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>One event to one webhook. Claimed with a lease by one node at a time; retried with backoff until it is answered with 2xx.</summary>
internal sealed class WebhookDelivery : ITenantOwned, ILeasedRow
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid EventId { get; set; }

    public Guid WebhookId { get; set; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>The HTTP status of the last answer, if there was one.</summary>
    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }
}
