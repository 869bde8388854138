using System.Text.Json;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Catalog.Contracts;
using Hub.Data;
using Hub.Forms.Contracts;
using Hub.Integrations.Contracts;
using Hub.Packages.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Hub.Cases.Handling;

/// <summary>
/// Someone acting on a case: an officer (staff user name and name, with the workflow roles their account gives) or the
/// case's citizen.
/// </summary>
/// <param name="Id">A staff user name, or <c>citizen</c>.</param>
/// <param name="Name">The name shown in the history and on messages.</param>
/// <param name="Roles">Workflow roles (<see cref="WorkflowRoles"/>) this person has on the case.</param>
internal sealed record CaseActor(string Id, string Name, IReadOnlySet<string> Roles)
{
    public bool IsCitizen => Roles.Contains(WorkflowRoles.Citizen);

    /// <summary>The workflow roles of a staff account with these hub roles.</summary>
    public static CaseActor Staff(string userName, string name, IEnumerable<string> hubRoles)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in hubRoles)
        {
            if (role == HubRoles.CaseOfficer)
            {
                roles.Add(WorkflowRoles.CaseOfficer);
            }
            else if (role == HubRoles.ServiceOwner)
            {
                roles.Add(WorkflowRoles.ServiceOwner);
            }
        }

        return new CaseActor(userName, name, roles);
    }

    public static CaseActor Citizen(string name) => new("citizen", name, new HashSet<string> { WorkflowRoles.Citizen });

    /// <summary>
    /// A municipality's business system through the API: it may do what a case officer may (its TenantAdmin gave it
    /// <c>cases:write</c>); the history shows the client's name, the audit trail its id.
    /// </summary>
    public static CaseActor ApiClient(string clientId, string name) =>
        new(ApiPrefix + clientId, name, new HashSet<string> { WorkflowRoles.CaseOfficer });

    /// <summary>A webhook that took a pushed case (<see cref="PushReceipts"/>): it can confirm delivery and nothing else.</summary>
    public static CaseActor Webhook(Guid webhookId, string name) => new(WebhookPrefix + webhookId, name, new HashSet<string>());

    public bool IsApiClient => Id.StartsWith(ApiPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Who the audit trail names: <c>citizen</c>, <c>staff:{user}</c>, <c>api:{client} ({name})</c> or
    /// <c>webhook:{id} ({name})</c>.
    /// </summary>
    public string AuditName => IsCitizen ? "citizen" : IsApiClient || Id.StartsWith(WebhookPrefix, StringComparison.Ordinal) ? $"{Id} ({Name})" : "staff:" + Id;

    private const string ApiPrefix = "api:";
    private const string WebhookPrefix = "webhook:";
}

/// <summary>Why a workflow action was not carried out; the page words it.</summary>
internal enum HandlingRefusal
{
    None,
    NotAllowed,
    TextRequired,
    TextTooLong,
    Stale,
}

/// <summary>
/// Runs the workflow of a case's own service version: the state a new case starts in and its handling group (routing
/// rules over the answers), the moves officers and citizens may make, and messages, notes, claims. Each change, its
/// history entry, its audit event, its e-mail and its integration events commit together.
/// </summary>
internal sealed class CaseWorkflow(
    CasesDbContext db,
    HubConnection connection,
    IAuditTrail audit,
    IEmailOutbox outbox,
    IDurableTimers timers,
    CaseNotifications notifications,
    CaseIntegrationEvents integrationEvents,
    ITenantContext tenantContext,
    IStringLocalizerFactory localizers,
    TimeProvider clock,
    ILogger<CaseWorkflow> logger)
{
    /// <summary>The state and handling group of a new case.</summary>
    public static (WorkflowState State, string? Group) Start(PublishedService service, IReadOnlyDictionary<string, AnswerValue> answers, DateOnly today)
    {
        var workflow = service.Package.EffectiveWorkflow;
        var rule = workflow.Routing.FirstOrDefault(r => r.When.Evaluate(answers, today));
        return (workflow.Initial, rule?.Group ?? workflow.DefaultGroup);
    }

    /// <summary>The moves <paramref name="actor"/> may make on the case now (none while it waits for signatures).</summary>
    public static IReadOnlyList<WorkflowTransition> Allowed(Case @case, PublishedService service, CaseActor actor) =>
        @case.Status == CaseStatus.WaitingForSignature
            ? []
            : service.Package.EffectiveWorkflow.Transitions
                .Where(t => t.From.Contains(@case.StateKey) && t.Roles.Any(actor.Roles.Contains))
                .ToList();

    /// <summary>The workflow state the case is in, or null if its version's workflow does not know it.</summary>
    public static WorkflowState? StateOf(Case @case, PublishedService service) => service.Package.EffectiveWorkflow.FindState(@case.StateKey);

    /// <summary>
    /// Makes the move <paramref name="transitionKey"/> if <paramref name="actor"/> may make it from the case's state.
    /// A move into "waiting for the citizen" needs a text (the request); a move into "decided" keeps its text as the
    /// decision. <paramref name="expectedState"/> guards against a page that was out of date.
    /// </summary>
    public async Task<HandlingRefusal> FireAsync(Case @case, PublishedService service, string transitionKey, string expectedState, CaseActor actor, string? text, string siteUrl, CancellationToken cancellationToken)
    {
        if (@case.StateKey != expectedState)
        {
            return HandlingRefusal.Stale;
        }

        var transition = Allowed(@case, service, actor).FirstOrDefault(t => t.Key == transitionKey);
        var target = transition is null ? null : service.Package.EffectiveWorkflow.FindState(transition.To);
        if (transition is null || target is null)
        {
            return HandlingRefusal.NotAllowed;
        }

        text = Clean(text);
        if (text?.Length > CaseLimits.MessageLength)
        {
            return HandlingRefusal.TextTooLong;
        }

        var asksCitizen = target.Category == WorkflowStateCategory.WaitingForCitizen && !actor.IsCitizen;
        if (asksCitizen && text is null)
        {
            return HandlingRefusal.TextRequired;
        }

        var moved = await InTransactionAsync(async now =>
        {
            // The row's state is checked again under the write lock: of two officers pressing at once, one moves the
            // case and the other is told the page was out of date (PostgreSQL re-reads the row after the first commit).
            if (await db.Cases.Where(c => c.Id == @case.Id && c.StateKey == expectedState)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedUtc, now), cancellationToken) == 0)
            {
                return false;
            }

            Move(@case, target, now, actor);
            await integrationEvents.EnteredAsync(@case, service, target, expectedState, transition.Key, cancellationToken);
            if (target.Category == WorkflowStateCategory.Decided && text is not null)
            {
                @case.DecisionText = text;
            }

            if (asksCitizen)
            {
                db.Messages.Add(NewMessage(@case, MessageKind.CompletionRequest, actor.Name, text!, now));
            }

            if (target.Category == WorkflowStateCategory.Closed)
            {
                await CaseRetention.ScheduleAsync(timers, @case, service, cancellationToken);
            }

            await audit.RecordAsync(new AuditEntry("case.transition", "case", @case.Id.ToString(), actor.AuditName,
                $$"""{"transition":"{{transition.Key}}","to":"{{target.Key}}"}"""), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (!await notifications.SendAsync(@case, service, target, siteUrl, includeCitizen: true, cancellationToken))
            {
                await NotifyCitizenAsync(@case, siteUrl, cancellationToken);
            }

            return true;
        }, cancellationToken, @case);
        if (!moved)
        {
            db.ChangeTracker.Clear();
            return HandlingRefusal.Stale;
        }

        logger.LogInformation("Case {Number}: {Transition} to {State}", @case.Number, transition.Key, target.Key);
        return HandlingRefusal.None;
    }

    /// <summary>
    /// Assigns the case to <paramref name="assignee"/> (the actor: a claim; a colleague: the assignment is mailed to
    /// <paramref name="assigneeEmail"/> with a link and nothing else) or, with null, leaves it unassigned.
    /// </summary>
    public async Task<HandlingRefusal> AssignAsync(
        Case @case, CaseActor actor, CaseActor? assignee, string? assigneeEmail, string siteUrl, CancellationToken cancellationToken)
    {
        if (!actor.Roles.Contains(WorkflowRoles.CaseOfficer))
        {
            return HandlingRefusal.NotAllowed;
        }

        await InTransactionAsync(async now =>
        {
            @case.AssignedTo = assignee?.Id;
            @case.AssignedName = assignee?.Name;
            @case.UpdatedUtc = now;
            db.Events.Add(NewEvent(@case, assignee is null ? "Unassigned" : "Assigned", assignee?.Name ?? actor.Name, now));
            await audit.RecordAsync(new AuditEntry(assignee is null ? "case.unassigned" : "case.assigned", "case", @case.Id.ToString(), actor.AuditName,
                assignee is null ? null : $$"""{"to":"{{assignee.Id}}"}"""), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (assignee is not null && assignee.Id != actor.Id && assigneeEmail is not null)
            {
                // Staff read Swedish mail, like the SLA reminders.
                var texts = CultureLocalizer.CasesTexts(localizers, "sv");
                await outbox.EnqueueAsync(new OutgoingEmail(assigneeEmail, texts["Mail.Assigned.Subject", @case.Number].Value,
                    texts["Mail.Assigned.Body", actor.Name, @case.Number, $"{siteUrl}/admin/arenden/{@case.Number}"].Value), cancellationToken);
            }
        }, cancellationToken, @case);
        return HandlingRefusal.None;
    }

    /// <summary>
    /// Hands the case to <paramref name="group"/> (an officer or a business system re-routing it). Its officer keeps it
    /// only as one of the group's members; the members hear of it by e-mail (<paramref name="memberEmails"/>), with a
    /// link and nothing else.
    /// </summary>
    public async Task<HandlingRefusal> MoveToGroupAsync(
        Case @case, CaseActor actor, HandlingGroup group, IReadOnlyCollection<string> memberEmails, string siteUrl, CancellationToken cancellationToken)
    {
        if (!actor.Roles.Contains(WorkflowRoles.CaseOfficer))
        {
            return HandlingRefusal.NotAllowed;
        }

        if (@case.HandlingGroup == group.Key)
        {
            return HandlingRefusal.None;
        }

        var from = @case.HandlingGroup;
        var officerInGroup = @case.AssignedTo is { } officer && group.Members.Any(m => m.UserName == officer);
        await InTransactionAsync(async now =>
        {
            db.Events.Add(@case.MoveToGroup(group.Key, officerInGroup, actor.Name, now));
            await audit.RecordAsync(new AuditEntry("case.group-changed", "case", @case.Id.ToString(), actor.AuditName,
                JsonSerializer.Serialize(new { from, to = group.Key })), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var texts = CultureLocalizer.CasesTexts(localizers, "sv");
            foreach (var address in memberEmails)
            {
                await outbox.EnqueueAsync(new OutgoingEmail(address, texts["Mail.GroupChanged.Subject", @case.Number].Value,
                    texts["Mail.GroupChanged.Body", @case.Number, group.Name, $"{siteUrl}/admin/arenden/{@case.Number}"].Value), cancellationToken);
            }
        }, cancellationToken, @case);
        return HandlingRefusal.None;
    }

    /// <summary>
    /// Records an attribute on the case (e.g. the diary number a business system gave it), checked by
    /// <see cref="CaseAttribute.Check"/> first; setting the same value again is a no-op. Audited with its value.
    /// </summary>
    public async Task<AttributeOutcome> SetAttributeAsync(
        Case @case, CaseActor actor, string key, string? label, string value, bool isPublic, CancellationToken cancellationToken)
    {
        if (db.Entry(@case).State == EntityState.Detached)
        {
            db.Cases.Attach(@case);
        }

        var attributes = await db.Attributes.Where(a => a.CaseId == @case.Id).ToListAsync(cancellationToken);
        var outcome = @case.SetAttribute(attributes, key, label, value, isPublic, actor.Name, clock.GetUtcNow().UtcDateTime, out var added);
        if (outcome != AttributeOutcome.Set)
        {
            return outcome;
        }

        try
        {
            await InTransactionAsync(async _ =>
            {
                if (added is not null)
                {
                    db.Attributes.Add(added);
                }

                await audit.RecordAsync(new AuditEntry("case.attribute-set", "case", @case.Id.ToString(), actor.AuditName,
                    JsonSerializer.Serialize(new { key, value = value.Trim(), @public = isPublic })), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken, @case);
        }
        catch (DbUpdateException) when (added is not null)
        {
            // The same key was added by a concurrent call: take that row and set it as asked.
            db.ChangeTracker.Clear();
            var current = await db.Cases.SingleAsync(c => c.Id == @case.Id, cancellationToken);
            return await SetAttributeAsync(current, actor, key, label, value, isPublic, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Removes the attribute <paramref name="key"/> from the case; false when it had none.</summary>
    public async Task<bool> RemoveAttributeAsync(Case @case, CaseActor actor, string key, CancellationToken cancellationToken)
    {
        var removed = false;
        await InTransactionAsync(async now =>
        {
            removed = await db.Attributes.Where(a => a.CaseId == @case.Id && a.Key == key).ExecuteDeleteAsync(cancellationToken) > 0;
            if (!removed)
            {
                return false;
            }

            @case.UpdatedUtc = now;
            await audit.RecordAsync(new AuditEntry("case.attribute-removed", "case", @case.Id.ToString(), actor.AuditName,
                JsonSerializer.Serialize(new { key })), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken, @case);
        return removed;
    }

    /// <summary>Marks the case confidential (or not): from then on only its officer and its group see it.</summary>
    public async Task<HandlingRefusal> SetConfidentialAsync(Case @case, CaseActor actor, bool confidential, CancellationToken cancellationToken)
    {
        if (!actor.Roles.Contains(WorkflowRoles.CaseOfficer))
        {
            return HandlingRefusal.NotAllowed;
        }

        if (@case.Confidential == confidential)
        {
            return HandlingRefusal.None;
        }

        await InTransactionAsync(async now =>
        {
            @case.Confidential = confidential;
            @case.UpdatedUtc = now;
            db.Events.Add(NewEvent(@case, confidential ? "MarkedConfidential" : "UnmarkedConfidential", actor.Name, now));
            await audit.RecordAsync(new AuditEntry(confidential ? "case.marked-confidential" : "case.unmarked-confidential", "case", @case.Id.ToString(), actor.AuditName), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken, @case);
        return HandlingRefusal.None;
    }

    /// <summary>Sends a pending signer the request to sign again (to the address the submitter gave for them).</summary>
    public async Task<HandlingRefusal> RemindSignerAsync(Case @case, Guid signatureId, CaseActor actor, string siteUrl, CancellationToken cancellationToken)
    {
        var signature = await db.Signatures.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == signatureId && s.CaseId == @case.Id && s.Status == SignatureStatus.Pending, cancellationToken);
        if (!actor.Roles.Contains(WorkflowRoles.CaseOfficer) || signature?.Email is not { } to)
        {
            return HandlingRefusal.NotAllowed;
        }

        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("No current tenant.");
        var language = FormLanguages.MessageLanguage(@case.Language);
        var texts = CultureLocalizer.CasesTexts(localizers, language);
        await InTransactionAsync(async now =>
        {
            await outbox.EnqueueAsync(new OutgoingEmail(to, texts["Mail.SignRequest.Subject", tenant.Settings.DisplayName].Value,
                texts["Mail.SignRequest.Body", tenant.Settings.DisplayName, siteUrl + "/mina-sidor"].Value, Language: language), cancellationToken);
            db.Events.Add(NewEvent(@case, "SignReminderSent", actor.Name, now));
            await audit.RecordAsync(new AuditEntry("case.signer-reminded", "case", @case.Id.ToString(), actor.AuditName, $$"""{"signature":"{{signature.Id}}"}"""), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return HandlingRefusal.None;
    }

    /// <summary>
    /// A business system confirms it received the case under <paramref name="reference"/> (idempotent: the same
    /// reference again is a success that changes nothing). Of two systems confirming at once, one wins; the other is
    /// told the case went elsewhere.
    /// </summary>
    public async Task<DeliveryOutcome> ConfirmDeliveryAsync(Case @case, CaseActor actor, string reference, CancellationToken cancellationToken)
    {
        var outcome = @case.ConfirmDelivery(reference, actor.Name, clock.GetUtcNow().UtcDateTime, out var entry);
        if (outcome != DeliveryOutcome.Confirmed)
        {
            return outcome;
        }

        var saved = await InTransactionAsync(async now =>
        {
            // Only an undelivered row takes the confirmation, checked under the write lock.
            if (await db.Cases.Where(c => c.Id == @case.Id && c.DeliveredUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedUtc, now), cancellationToken) == 0)
            {
                return false;
            }

            db.Events.Add(entry!);
            await audit.RecordAsync(new AuditEntry("case.delivered", "case", @case.Id.ToString(), actor.AuditName,
                JsonSerializer.Serialize(new { reference })), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken, @case);
        if (saved)
        {
            return DeliveryOutcome.Confirmed;
        }

        db.ChangeTracker.Clear();
        var current = await db.Cases.AsNoTracking().Where(c => c.Id == @case.Id).Select(c => c.DeliveryReference).SingleAsync(cancellationToken);
        return current == reference ? DeliveryOutcome.AlreadyConfirmed : DeliveryOutcome.OtherReference;
    }

    /// <summary>An officers-only note.</summary>
    public Task<HandlingRefusal> AddNoteAsync(Case @case, CaseActor actor, string? text, CancellationToken cancellationToken) =>
        WriteAsync(actor, text, requireOfficer: true, null, async (clean, now) =>
        {
            db.Notes.Add(new CaseNote { Id = Guid.CreateVersion7(), CaseId = @case.Id, AtUtc = now, Author = actor.Name, Text = clean });
            await audit.RecordAsync(new AuditEntry("case.note-added", "case", @case.Id.ToString(), actor.AuditName), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// A message on the case: from an officer to the citizen (who is told by e-mail), or from the citizen. The citizen's
    /// message while the case waits for them is their completion: the case moves on by the workflow's move for citizens
    /// out of that state.
    /// </summary>
    public Task<HandlingRefusal> SendMessageAsync(Case @case, PublishedService service, CaseActor actor, string? text, string siteUrl, CancellationToken cancellationToken)
    {
        if (@case.Status == CaseStatus.Closed)
        {
            return Task.FromResult(HandlingRefusal.NotAllowed);
        }

        return WriteAsync(actor, text, requireOfficer: !actor.IsCitizen, @case, async (clean, now) =>
        {
            var resume = actor.IsCitizen && StateOf(@case, service)?.Category == WorkflowStateCategory.WaitingForCitizen
                ? Allowed(@case, service, actor) is [var first, ..] ? first : null
                : null;
            var kind = actor.IsCitizen ? resume is null ? MessageKind.FromCitizen : MessageKind.CompletionAnswer : MessageKind.ToCitizen;
            db.Messages.Add(NewMessage(@case, kind, actor.Name, clean, now));
            @case.UpdatedUtc = now;
            if (resume is not null && service.Package.EffectiveWorkflow.FindState(resume.To) is { } target)
            {
                var waitingState = @case.StateKey;
                Move(@case, target, now, actor);
                await integrationEvents.EnteredAsync(@case, service, target, waitingState, resume.Key, cancellationToken);
                await notifications.SendAsync(@case, service, target, siteUrl, includeCitizen: false, cancellationToken);
            }

            await audit.RecordAsync(new AuditEntry(actor.IsCitizen ? "case.message-from-citizen" : "case.message-to-citizen", "case", @case.Id.ToString(), actor.AuditName,
                resume is null ? null : $$"""{"transition":"{{resume.Key}}","to":"{{resume.To}}"}"""), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (!actor.IsCitizen)
            {
                await NotifyCitizenAsync(@case, siteUrl, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Marks the other side's messages read: by the citizen (<paramref name="byCitizen"/>) or by the officers.</summary>
    public async Task MarkReadAsync(Case @case, bool byCitizen, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await db.Messages.Where(m => m.CaseId == @case.Id && m.ReadUtc == null).ToListAsync(cancellationToken);
        var changed = false;
        foreach (var message in unread.Where(m => m.FromCitizen != byCitizen))
        {
            message.ReadUtc = now;
            changed = true;
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<HandlingRefusal> WriteAsync(CaseActor actor, string? text, bool requireOfficer, Case? changing, Func<string, DateTime, Task> write, CancellationToken cancellationToken)
    {
        if (requireOfficer && !actor.Roles.Contains(WorkflowRoles.CaseOfficer))
        {
            return HandlingRefusal.NotAllowed;
        }

        var clean = Clean(text);
        if (clean is null)
        {
            return HandlingRefusal.TextRequired;
        }

        if (clean.Length > CaseLimits.MessageLength)
        {
            return HandlingRefusal.TextTooLong;
        }

        await InTransactionAsync(now => write(clean, now), cancellationToken, changing);
        return HandlingRefusal.None;
    }

    private void Move(Case @case, WorkflowState target, DateTime now, CaseActor actor) => db.Events.Add(@case.MoveTo(target, actor.Name, now));

    private async Task InTransactionAsync(Func<DateTime, Task> work, CancellationToken cancellationToken, Case? changing = null) =>
        await InTransactionAsync(async now =>
        {
            await work(now);
            return true;
        }, cancellationToken, changing);

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns true and rolled back otherwise.</summary>
    private async Task<bool> InTransactionAsync(Func<DateTime, Task<bool>> work, CancellationToken cancellationToken, Case? changing = null)
    {
        if (changing is not null && db.Entry(changing).State == EntityState.Detached)
        {
            // Read without tracking (Mina sidor): attach it so that the changes below are saved.
            db.Cases.Attach(changing);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await connection.InTransactionAsync(() => work(now), cancellationToken, db);
    }

    /// <summary>Tells the citizen there is news, with a link to Mina sidor and nothing else (no personal data in mail).</summary>
    private async Task NotifyCitizenAsync(Case @case, string siteUrl, CancellationToken cancellationToken)
    {
        if (@case.ContactEmail is not { } to || @case.SubmitterPersonalIdentityNumber is null)
        {
            return;
        }

        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("No current tenant.");
        var language = FormLanguages.MessageLanguage(@case.Language);
        var texts = CultureLocalizer.CasesTexts(localizers, language);
        await outbox.EnqueueAsync(new OutgoingEmail(to, texts["Mail.CaseNews.Subject", @case.Number].Value,
            texts["Mail.CaseNews.Body", tenant.Settings.DisplayName, @case.Number, $"{siteUrl}/mina-sidor/arenden/{@case.Number}"].Value, Language: language), cancellationToken);
    }

    private static CaseEvent NewEvent(Case @case, string kind, string? actor, DateTime now) => @case.NewEvent(kind, actor, now);

    private static CaseMessage NewMessage(Case @case, MessageKind kind, string author, string text, DateTime now) =>
        new() { Id = Guid.CreateVersion7(), CaseId = @case.Id, AtUtc = now, Kind = kind, Author = author, Text = text };

    /// <summary>Trimmed text with Windows line ends made plain, or null when nothing is left.</summary>
    private static string? Clean(string? text)
    {
        var clean = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(clean) ? null : clean;
    }
}
