using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Api;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Intake;
using Hub.Catalog.Contracts;
using Hub.Data;
using Hub.Identity.Contracts;
using Hub.Integrations.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Hub.Cases.Handling;

/// <summary>
/// A municipality's delivery settings per service (<see cref="ServiceDelivery"/>), and what a case sets off by them
/// when it comes in: a push of the whole case to the chosen webhook and the alert timer for when no system confirmed
/// it. Both are durable timers written in the submission's transaction, so a case that came in is pushed and watched
/// even if the node stops right after; the push itself is built when the timer fires, from the case as stored.
/// </summary>
internal sealed class CaseDelivery(CasesDbContext db, HubConnection connection, IDurableTimers timers, IAuditTrail audit, TimeProvider clock)
{
    public const string PushKind = "cases.delivery-push";
    public const string AlertKind = "cases.undelivered-alert";

    /// <summary>Every service's settings that differ from the default (pulled, no alert), by service key.</summary>
    public async Task<IReadOnlyDictionary<string, ServiceDelivery>> ListAsync(CancellationToken cancellationToken) =>
        await db.Deliveries.AsNoTracking().ToDictionaryAsync(d => d.ServiceKey, StringComparer.Ordinal, cancellationToken);

    /// <summary>The service's settings, or null for the default.</summary>
    public async Task<ServiceDelivery?> ForAsync(string serviceKey, CancellationToken cancellationToken)
    {
        await connection.FollowAsync(db, cancellationToken);
        return await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.ServiceKey == serviceKey, cancellationToken);
    }

    /// <summary>Saves a service's settings (checked by <see cref="ServiceDelivery.Check"/> first), audited.</summary>
    public async Task SaveAsync(string serviceKey, bool pull, Guid? webhookId, DeliveryFormat format, int? alertAfterHours, string by, CancellationToken cancellationToken)
    {
        var settings = await db.Deliveries.SingleOrDefaultAsync(d => d.ServiceKey == serviceKey, cancellationToken);
        if (settings is null)
        {
            settings = new ServiceDelivery { Id = Guid.CreateVersion7(), ServiceKey = serviceKey };
            db.Deliveries.Add(settings);
        }

        settings.Set(pull, webhookId, format, alertAfterHours, by, clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(new AuditEntry("service.delivery-set", "service", serviceKey, "staff:" + by,
            JsonSerializer.Serialize(new { pull, webhook = webhookId, format = format.ToString().ToLowerInvariant(), alertAfterHours })), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A case came in (in the caller's transaction): sets its push and its alert as the service's settings say.</summary>
    public async Task EnteredAsync(Case @case, string siteUrl, CancellationToken cancellationToken)
    {
        if (await ForAsync(@case.ServiceKey, cancellationToken) is not { } settings)
        {
            return;
        }

        var payload = JsonSerializer.Serialize(new DeliveryPayload(siteUrl));
        if (settings.PushWebhookId is not null)
        {
            await timers.ScheduleAsync(new TimerRequest(PushKind, @case.Id.ToString(), clock.GetUtcNow(), payload), cancellationToken);
        }

        if (settings.AlertAfterHours is { } hours)
        {
            var due = new DateTimeOffset(@case.SubmittedUtc, TimeSpan.Zero).AddHours(hours);
            await timers.ScheduleAsync(new TimerRequest(AlertKind, @case.Id.ToString(), due, payload), cancellationToken);
        }
    }

    /// <summary>What the timers carry: the site address the case came in on (for links and the schema's address).</summary>
    internal sealed record DeliveryPayload(string Site);
}

/// <summary>
/// Pushes a case whole to the webhook its service's settings name, as JSON (the API's case document) or XML (valid
/// against the version's XSD, in the envelope's <c>data.xml</c>), signed and retried like every webhook post.
/// </summary>
internal sealed class DeliveryPushHandler(
    CasesDbContext db, HubConnection connection, CaseReader reader, CaseDelivery delivery, IIntegrationEvents events, ILogger<DeliveryPushHandler> logger)
    : ITimerHandler
{
    public string Kind => CaseDelivery.PushKind;

    public async Task FireAsync(FiredTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await connection.EnlistAsync(db);
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Guid.Parse(timer.Subject), cancellationToken);
        if (@case is null || @case.PersonalDataRemovedUtc is not null || await reader.DetailsAsync(@case, cancellationToken) is not { } details)
        {
            return;
        }

        if (await delivery.ForAsync(@case.ServiceKey, cancellationToken) is not { PushWebhookId: { } webhookId } settings)
        {
            logger.LogInformation("Case {Number}: its service is no longer pushed; nothing sent", @case.Number);
            return;
        }

        var site = JsonSerializer.Deserialize<CaseDelivery.DeliveryPayload>(timer.Payload ?? "{}", JsonSerializerOptions.Web)!.Site;
        var data = new JsonObject
        {
            ["caseNumber"] = @case.Number,
            ["service"] = @case.ServiceKey,
            ["serviceVersion"] = details.Service.Version,
            ["format"] = settings.PushFormat == DeliveryFormat.Xml ? "xml" : "json",
        };
        if (settings.PushFormat == DeliveryFormat.Xml)
        {
            data["schema"] = CaseXml.SchemaUri(site, @case.ServiceVersionId).ToString();
            data["xml"] = CaseXml.Text(CaseXml.Write(details, site));
        }
        else
        {
            data["case"] = JsonSerializer.SerializeToNode(CaseDocument.Of(details), CasesApi.Json);
        }

        if (!await events.PublishToAsync(new IntegrationEvent(IntegrationEventTypes.CaseDocument, @case.Number, data), webhookId, cancellationToken))
        {
            logger.LogWarning("Case {Number}: the webhook chosen for its service is switched off or removed; the case was not pushed", @case.Number);
        }
    }
}

/// <summary>A pushed case counts as delivered when its webhook took it, unless a system also pulls it and confirms it itself.</summary>
internal sealed class PushReceipts(CasesDbContext db, CaseDelivery delivery, CaseWorkflow workflow) : IWebhookReceipts
{
    public async Task DeliveredAsync(string type, string subject, WebhookInfo webhook, CancellationToken cancellationToken)
    {
        if (type != IntegrationEventTypes.CaseDocument
            || await db.Cases.SingleOrDefaultAsync(c => c.Number == subject, cancellationToken) is not { DeliveredUtc: null } @case
            || await delivery.ForAsync(@case.ServiceKey, cancellationToken) is not { PushConfirms: true })
        {
            return;
        }

        await workflow.ConfirmDeliveryAsync(@case, CaseActor.Webhook(webhook.Id, webhook.Name), $"webhook:{webhook.Name}", cancellationToken);
    }
}

/// <summary>
/// Alerts a case's handling group (else every case officer) when no business system confirmed the case by the hour
/// its service's settings give; nothing for a delivered, closed or withdrawn case.
/// </summary>
internal sealed class UndeliveredAlertHandler(
    CasesDbContext db, HubConnection connection, HandlingGroups groups, IStaffDirectory staff, IEmailOutbox outbox, IAuditTrail audit,
    ITenantContext tenantContext, IStringLocalizerFactory localizers, TimeProvider clock, ILogger<UndeliveredAlertHandler> logger) : ITimerHandler
{
    public string Kind => CaseDelivery.AlertKind;

    public async Task FireAsync(FiredTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await connection.EnlistAsync(db);
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == Guid.Parse(timer.Subject), cancellationToken);
        if (@case is null || @case.DeliveredUtc is not null || @case.Status is CaseStatus.Closed or CaseStatus.Withdrawn)
        {
            return;
        }

        var people = await staff.ListAsync(cancellationToken);
        var group = @case.HandlingGroup is { } key ? await groups.FindAsync(key, cancellationToken) : null;
        var recipients = HandlingGroups.Addresses(group is { Members.Count: > 0 }
            ? HandlingGroups.MembersOf(group, people)
            : people.Where(p => p.Roles.Contains(HubRoles.CaseOfficer)));
        var site = JsonSerializer.Deserialize<CaseDelivery.DeliveryPayload>(timer.Payload ?? "{}", JsonSerializerOptions.Web)!.Site;
        var texts = CultureLocalizer.CasesTexts(localizers, "sv");
        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("No current tenant.");
        var hours = (int)Math.Round((timer.DueAt - new DateTimeOffset(@case.SubmittedUtc, TimeSpan.Zero)).TotalHours);
        foreach (var to in recipients)
        {
            await outbox.EnqueueAsync(new OutgoingEmail(to, texts["Mail.Undelivered.Subject", @case.Number].Value,
                texts["Mail.Undelivered.Body", tenant.Settings.DisplayName, @case.Number, hours, $"{site}/admin/arenden/{@case.Number}"].Value, Language: "sv"), cancellationToken);
        }

        db.Events.Add(@case.NewEvent("UndeliveredAlerted", null, clock.GetUtcNow().UtcDateTime));
        await audit.RecordAsync(new AuditEntry("case.undelivered-alerted", "case", @case.Id.ToString(), "system",
            $$"""{"hours":{{hours}},"recipients":{{recipients.Count}}}"""), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Case {Number}: not delivered after {Hours} h; {Count} people alerted", @case.Number, hours, recipients.Count);
    }
}
