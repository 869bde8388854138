using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Cases.Domain;
using Hub.Catalog.Contracts;
using Hub.Integrations.Contracts;
using Hub.Packages.Contracts;

namespace Hub.Cases.Handling;

/// <summary>
/// The workflow's integration events: a new case and each state a case enters, published to the municipality's
/// webhooks in the same unit of work as the change (<c>docs/integrations.md</c>). They say which case, service
/// version, state and handling group, never who applied or what they answered: a receiver that needs the case's
/// content fetches it with its own authorisation.
/// </summary>
internal sealed class CaseIntegrationEvents(IIntegrationEvents events)
{
    /// <summary>A case was submitted or registered; it is in its first state.</summary>
    public Task SubmittedAsync(Case @case, PublishedService service, WorkflowState state, CancellationToken cancellationToken) =>
        events.PublishAsync(new IntegrationEvent(IntegrationEventTypes.CaseSubmitted, @case.Number, Data(@case, service, state)), cancellationToken);

    /// <summary>A case entered <paramref name="state"/> from <paramref name="previousState"/> by <paramref name="transition"/>.</summary>
    public Task EnteredAsync(Case @case, PublishedService service, WorkflowState state, string previousState, string transition, CancellationToken cancellationToken)
    {
        var data = Data(@case, service, state);
        data["previousState"] = previousState;
        data["transition"] = transition;
        return events.PublishAsync(new IntegrationEvent(IntegrationEventTypes.CaseStateEntered, @case.Number, data), cancellationToken);
    }

    private static JsonObject Data(Case @case, PublishedService service, WorkflowState state) => new()
    {
        ["caseNumber"] = @case.Number,
        ["service"] = service.Key,
        ["serviceVersion"] = service.Version,
        ["state"] = state.Key,
        ["category"] = JsonNamingPolicy.CamelCase.ConvertName(state.Category.ToString()),
        ["status"] = JsonNamingPolicy.CamelCase.ConvertName(@case.Status.ToString()),
        ["handlingGroup"] = @case.HandlingGroup,
        ["channel"] = @case.Channel,
        ["confidential"] = @case.Confidential,
        ["submittedAt"] = DateTime.SpecifyKind(@case.SubmittedUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
    };
}
