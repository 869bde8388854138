using Hub.Cases.Domain;
using Hub.Catalog.Contracts;
using Hub.Integrations.Contracts;
using Hub.Packages.Contracts;

namespace Hub.Cases.Handling;

/// <summary>
/// What a case sets off when it enters its workflow's first state, wherever that happens: submitted by a citizen,
/// registered by an officer, or once the other parties have signed (or one declined). Its SLA marks are set, the
/// workflow's notifications for the state go to the handling group, the integration event says it arrived, and its
/// service's delivery settings set its push and alert (<see cref="CaseDelivery"/>); all in the caller's transaction.
/// </summary>
internal sealed class CaseEntry(IDurableTimers timers, CaseNotifications notifications, CaseIntegrationEvents integrationEvents, CaseDelivery delivery)
{
    public async Task EnteredAsync(Case @case, PublishedService service, WorkflowState state, string siteUrl, CancellationToken cancellationToken)
    {
        await CaseSla.ScheduleAsync(timers, @case, service, siteUrl, cancellationToken);
        // The citizen's confirmation is the receipt mail; the group hears of a new case from the workflow.
        await notifications.SendAsync(@case, service, state, siteUrl, includeCitizen: false, cancellationToken);
        await integrationEvents.SubmittedAsync(@case, service, state, cancellationToken);
        await delivery.EnteredAsync(@case, siteUrl, cancellationToken);
    }
}
