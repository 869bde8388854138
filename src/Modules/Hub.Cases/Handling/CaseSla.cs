using System.Globalization;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Catalog.Contracts;
using Hub.Data;
using Hub.Identity.Contracts;
using Hub.Integrations.Contracts;
using Hub.Packages.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Hub.Cases.Handling;

/// <summary>
/// SLA marks of a case (the workflow's <see cref="ServiceLevel"/>): a reminder to whoever handles it and an escalation
/// to its group's lead, counted in calendar days from submission without the days the case waited for the citizen or
/// for signatures. Each mark is a durable timer set with the submission; when it fires it checks the case again.
/// </summary>
internal static class CaseSla
{
    public const string ReminderKind = "cases.sla-reminder";
    public const string EscalationKind = "cases.sla-escalation";

    /// <summary>Sets the case's marks (in the submission's transaction); nothing when the workflow has no SLA.</summary>
    public static async Task ScheduleAsync(IDurableTimers timers, Case @case, PublishedService service, string siteUrl, CancellationToken cancellationToken)
    {
        if (service.Package.EffectiveWorkflow.Sla is not { } sla)
        {
            return;
        }

        var submitted = new DateTimeOffset(@case.SubmittedUtc, TimeSpan.Zero);
        foreach (var (kind, days) in new[] { (ReminderKind, sla.ReminderDays), (EscalationKind, sla.EscalationDays) })
        {
            if (days is { } d)
            {
                var payload = JsonSerializer.Serialize(new SlaPayload(d, siteUrl));
                await timers.ScheduleAsync(new TimerRequest(kind, @case.Id.ToString(), submitted.AddDays(d), payload), cancellationToken);
            }
        }
    }

    /// <summary>
    /// How long the case has not counted towards its SLA up to <paramref name="now"/>: the time spent waiting for the
    /// citizen or for signatures, read from its history.
    /// </summary>
    public static TimeSpan Paused(IReadOnlyList<CaseEvent> history, DateTime now)
    {
        var paused = TimeSpan.Zero;
        DateTime? since = null;
        foreach (var e in history.OrderBy(e => e.AtUtc))
        {
            var waiting = e.Status is CaseStatus.WaitingForCitizen or CaseStatus.WaitingForSignature;
            if (waiting && since is null)
            {
                since = e.AtUtc;
            }
            else if (!waiting && since is { } start)
            {
                paused += e.AtUtc - start;
                since = null;
            }
        }

        return since is { } open ? paused + (now - open) : paused;
    }

    /// <summary>What a mark's timer carries: its day count and the site address the case was submitted on (for links).</summary>
    internal sealed record SlaPayload(int Days, string Site);
}

/// <summary>Fires a case's SLA mark: reminds (or escalates) unless the case is decided, or moves the mark by the paused time.</summary>
internal abstract class SlaTimerHandler(
    CasesDbContext db,
    HubConnection connection,
    HandlingGroups groups,
    IStaffDirectory staff,
    IEmailOutbox outbox,
    IDurableTimers timers,
    IAuditTrail audit,
    ITenantContext tenantContext,
    IStringLocalizerFactory localizers,
    TimeProvider clock,
    ILogger<SlaTimerHandler> logger) : ITimerHandler
{
    public abstract string Kind { get; }

    /// <summary>True for the escalation (to the lead), false for the reminder (to whoever handles the case).</summary>
    protected abstract bool Escalates { get; }

    public async Task FireAsync(FiredTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await connection.EnlistAsync(db);
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == Guid.Parse(timer.Subject), cancellationToken);
        if (@case is null || @case.Status is CaseStatus.Decided or CaseStatus.Closed or CaseStatus.Withdrawn)
        {
            return;
        }

        var payload = JsonSerializer.Deserialize<CaseSla.SlaPayload>(timer.Payload ?? "{}", JsonSerializerOptions.Web)!;
        var now = clock.GetUtcNow();
        var history = await db.Events.AsNoTracking().Where(e => e.CaseId == @case.Id).ToListAsync(cancellationToken);
        var due = new DateTimeOffset(@case.SubmittedUtc, TimeSpan.Zero).AddDays(payload.Days) + CaseSla.Paused(history, now.UtcDateTime);
        var waiting = @case.Status is CaseStatus.WaitingForCitizen or CaseStatus.WaitingForSignature;
        if (waiting || due > now)
        {
            // The clock stood still meanwhile: look again when the mark is reached (daily while the case still waits).
            var next = waiting ? now.AddDays(1) : due;
            await timers.ScheduleAsync(new TimerRequest(Kind, timer.Subject, next, timer.Payload), cancellationToken);
            logger.LogInformation("Case {Number}: SLA {Kind} not reached yet (paused or waiting), looked at again {Next:o}", @case.Number, Kind, next);
            return;
        }

        var recipients = await RecipientsAsync(@case, cancellationToken);
        var language = "sv";
        var texts = CultureLocalizer.CasesTexts(localizers, language);
        var prefix = Escalates ? "Mail.SlaEscalation" : "Mail.SlaReminder";
        var link = $"{payload.Site}/admin/arenden/{@case.Number}";
        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("No current tenant.");
        foreach (var to in recipients)
        {
            await outbox.EnqueueAsync(new OutgoingEmail(to, texts[prefix + ".Subject", @case.Number].Value,
                texts[prefix + ".Body", tenant.Settings.DisplayName, @case.Number, payload.Days, link].Value, Language: language), cancellationToken);
        }

        db.Events.Add(new CaseEvent
        {
            Id = Guid.CreateVersion7(), CaseId = @case.Id, AtUtc = now.UtcDateTime, Status = @case.Status,
            Kind = Escalates ? "SlaEscalated" : "SlaReminded",
        });
        await audit.RecordAsync(new AuditEntry(Escalates ? "case.sla-escalated" : "case.sla-reminded", "case", @case.Id.ToString(), "system",
            $$"""{"days":{{payload.Days}},"recipients":{{recipients.Count}}}"""), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Case {Number}: SLA {Kind} after {Days} days sent to {Count} people", @case.Number, Kind, payload.Days, recipients.Count);
    }

    /// <summary>
    /// The reminder goes to the assigned officer, else the handling group's members, else every case officer; the
    /// escalation to the group's lead, else the service owners.
    /// </summary>
    private async Task<IReadOnlyList<string>> RecipientsAsync(Case @case, CancellationToken cancellationToken)
    {
        var people = await staff.ListAsync(cancellationToken);
        var group = @case.HandlingGroup is { } key ? await groups.FindAsync(key, cancellationToken) : null;
        IEnumerable<StaffMember> chosen = Escalates
            ? group?.Lead is { } lead
                ? people.Where(p => p.UserName == lead)
                : people.Where(p => p.Roles.Contains(HubRoles.ServiceOwner))
            : @case.AssignedTo is { } assignee
                ? people.Where(p => p.UserName == assignee)
                : group is { Members.Count: > 0 }
                    ? HandlingGroups.MembersOf(group, people)
                    : people.Where(p => p.Roles.Contains(HubRoles.CaseOfficer));
        return HandlingGroups.Addresses(chosen);
    }
}

/// <summary>The reminder mark.</summary>
internal sealed class SlaReminderHandler(
    CasesDbContext db, HubConnection connection, HandlingGroups groups, IStaffDirectory staff, IEmailOutbox outbox, IDurableTimers timers,
    IAuditTrail audit, ITenantContext tenantContext, IStringLocalizerFactory localizers, TimeProvider clock, ILogger<SlaTimerHandler> logger)
    : SlaTimerHandler(db, connection, groups, staff, outbox, timers, audit, tenantContext, localizers, clock, logger)
{
    public override string Kind => CaseSla.ReminderKind;

    protected override bool Escalates => false;
}

/// <summary>The escalation mark.</summary>
internal sealed class SlaEscalationHandler(
    CasesDbContext db, HubConnection connection, HandlingGroups groups, IStaffDirectory staff, IEmailOutbox outbox, IDurableTimers timers,
    IAuditTrail audit, ITenantContext tenantContext, IStringLocalizerFactory localizers, TimeProvider clock, ILogger<SlaTimerHandler> logger)
    : SlaTimerHandler(db, connection, groups, staff, outbox, timers, audit, tenantContext, localizers, clock, logger)
{
    public override string Kind => CaseSla.EscalationKind;

    protected override bool Escalates => true;
}
