using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Intake;
using Hub.Catalog.Contracts;
using Hub.Identity.Contracts;
using Hub.Integrations.Contracts;
using Hub.Packages.Contracts;

namespace Hub.Cases.Handling;

/// <summary>
/// The workflow's own notifications (package <c>workflow.notifications</c>, Liquid): when a case enters a state, each
/// template for that state is rendered and mailed to the citizen (at the address in the case) or to the members of
/// the case's handling group. Links point to Mina sidor or to the officer's case page; what else a message says is the
/// template author's choice, within the sandbox's values.
/// </summary>
internal sealed class CaseNotifications(
    INotificationRenderer renderer, IEmailOutbox outbox, HandlingGroups groups, IStaffDirectory staff, ITenantContext tenantContext)
{
    /// <summary>Sends the notifications of <paramref name="state"/>; true when the citizen got one (so no generic "news" mail is needed).</summary>
    public async Task<bool> SendAsync(Case @case, PublishedService service, WorkflowState state, string siteUrl, bool includeCitizen, CancellationToken cancellationToken)
    {
        var templates = service.Package.EffectiveWorkflow.Notifications.Where(n => n.State == state.Key).ToList();
        if (templates.Count == 0)
        {
            return false;
        }

        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("No current tenant.");
        var citizenNotified = false;
        foreach (var template in templates)
        {
            if (template.Recipient == NotificationRecipient.Citizen)
            {
                if (!includeCitizen || @case.ContactEmail is not { } to)
                {
                    continue;
                }

                var language = FormLanguages.MessageLanguage(@case.Language);
                var link = @case.SubmitterPersonalIdentityNumber is null ? siteUrl : $"{siteUrl}/mina-sidor/arenden/{@case.Number}";
                if (renderer.Render(template, language, service.Form.DefaultLanguage, Values(@case, service, state, language, link, tenant)) is { } mail)
                {
                    await outbox.EnqueueAsync(new OutgoingEmail(to, mail.Subject, mail.Body, Language: language), cancellationToken);
                    citizenNotified = true;
                }
            }
            else if (@case.HandlingGroup is { } key && await groups.FindAsync(key, cancellationToken) is { } group)
            {
                // Staff read Swedish mail, like the SLA reminders.
                var link = $"{siteUrl}/admin/arenden/{@case.Number}";
                if (renderer.Render(template, "sv", service.Form.DefaultLanguage, Values(@case, service, state, "sv", link, tenant)) is not { } mail)
                {
                    continue;
                }

                foreach (var address in HandlingGroups.Addresses(HandlingGroups.MembersOf(group, await staff.ListAsync(cancellationToken))))
                {
                    await outbox.EnqueueAsync(new OutgoingEmail(address, mail.Subject, mail.Body, Language: "sv"), cancellationToken);
                }
            }
        }

        return citizenNotified;
    }

    private static NotificationValues Values(Case @case, PublishedService service, WorkflowState state, string language, string link, TenantSnapshot tenant) => new(
        @case.Number,
        state.Label.Pick(language, service.Form.DefaultLanguage).Text,
        DateOnly.FromDateTime(@case.SubmittedUtc),
        @case.ExpectedDecisionBy,
        link,
        service.Package.Title.Pick(language, service.Form.DefaultLanguage).Text,
        tenant.Settings.DisplayName,
        tenant.Settings.Contact.Email,
        @case.SubmitterName);
}
