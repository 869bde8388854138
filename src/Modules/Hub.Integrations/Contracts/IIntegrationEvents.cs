using System.Text.Json.Nodes;

namespace Hub.Integrations.Contracts;

/// <summary>
/// Integration events of the current tenant: what other systems (a case management system, an archive, statistics)
/// may want to know, delivered to the webhooks the municipality has set up (<c>docs/integrations.md</c>).
/// </summary>
public interface IIntegrationEvents
{
    /// <summary>
    /// Records the event in the scope's unit of work, with one delivery for each of the tenant's active webhooks that
    /// wants its type; it commits or rolls back with the caller's work. With no such webhook nothing is stored.
    /// </summary>
    Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the event with one delivery to the webhook <paramref name="webhookId"/> of the current tenant only (not to
    /// the webhooks that subscribe to its type), if that webhook exists and is switched on; returns whether it did.
    /// This is how a case goes to the business system a municipality chose for a service (<see cref="IntegrationEventTypes.CaseDocument"/>).
    /// </summary>
    Task<bool> PublishToAsync(IntegrationEvent integrationEvent, Guid webhookId, CancellationToken cancellationToken = default);
}

/// <summary>
/// An event to publish. Its data must not carry personal data (a receiver that needs more asks for it), except a
/// <see cref="IntegrationEventTypes.CaseDocument"/>, which goes only to the webhook the municipality chose for it.
/// </summary>
/// <param name="Type">One of <see cref="IntegrationEventTypes"/>.</param>
/// <param name="Subject">What it is about, e.g. a case number.</param>
/// <param name="Data">The event's fields.</param>
public sealed record IntegrationEvent(string Type, string Subject, JsonObject Data);

/// <summary>The event types the hub publishes.</summary>
public static class IntegrationEventTypes
{
    /// <summary>A case was created: submitted by a citizen or registered by an officer.</summary>
    public const string CaseSubmitted = "case.submitted";

    /// <summary>A case entered a workflow state by a move (not its first state; see <see cref="CaseSubmitted"/>).</summary>
    public const string CaseStateEntered = "case.stateEntered";

    /// <summary>
    /// A whole case (answers and submitter included, as JSON or XML), pushed to the one webhook a municipality chose in a
    /// service's delivery settings. Never sent to subscribers of other types.
    /// </summary>
    public const string CaseDocument = "case.document";

    /// <summary>A test event sent from the admin page to check a webhook.</summary>
    public const string Ping = "hub.ping";

    /// <summary>What a webhook can subscribe to (the ping goes to the webhook it was sent from only).</summary>
    public static IReadOnlyList<string> Subscribable { get; } = [CaseSubmitted, CaseStateEntered];
}
