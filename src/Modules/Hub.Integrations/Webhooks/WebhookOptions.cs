namespace Hub.Integrations.Webhooks;

/// <summary><c>Hub:Webhooks</c>: how integration events are delivered to the municipalities' webhooks.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Hub:Webhooks";

    /// <summary>The longest the dispatcher sleeps between looks for due deliveries when nothing woke it (default 10 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries one node claims at a time (default 20).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim is held; must exceed <see cref="BatchSize"/> × <see cref="Timeout"/> (default 10 minutes).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the hub waits for a webhook's answer (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a delivery is marked Failed (default 10: about a day and a half with the default delays).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure, doubled after each further one up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long delivered and failed deliveries (and their events) are kept for the admin page (default 30 days).</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether a webhook may use plain http (default false: https only). Development turns it on.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Whether a webhook may reach loopback, private, link-local and other non-public addresses (default false, so a
    /// webhook cannot be pointed at the hub's own network). Checked on the address the name resolves to, at each
    /// connection. Development turns it on for a receiver on the same machine.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
