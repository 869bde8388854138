using Hub.Packages.Contracts;

namespace Hub.Catalog.Contracts;

/// <summary>Renders a workflow's notification templates (Liquid, sandboxed) into plain-text e-mail.</summary>
public interface INotificationRenderer
{
    /// <summary>
    /// The template's subject and body in <paramref name="language"/> (or the form's default) with these values, or
    /// null when it cannot be rendered (a limit of the sandbox was reached; the reason is logged).
    /// </summary>
    RenderedNotification? Render(NotificationTemplate template, string language, string defaultLanguage, NotificationValues values);
}

/// <summary>What a notification template may use: <c>case.*</c>, <c>service.title</c>, <c>tenant.*</c>, <c>citizen.name</c>.</summary>
/// <param name="CaseNumber">The case number.</param>
/// <param name="State">The state's name in the message's language.</param>
/// <param name="Submitted">When the case came in.</param>
/// <param name="Expected">When a decision is expected.</param>
/// <param name="Link">Where the recipient reads more (Mina sidor, or the officer's case page).</param>
/// <param name="ServiceTitle">The service's name.</param>
/// <param name="TenantName">The municipality's name.</param>
/// <param name="TenantEmail">The municipality's contact address, if any.</param>
/// <param name="CitizenName">The applicant's name, if known.</param>
public sealed record NotificationValues(
    string CaseNumber, string State, DateOnly Submitted, DateOnly Expected, string Link, string ServiceTitle, string TenantName, string? TenantEmail, string? CitizenName);

/// <summary>A rendered notification: a one-line subject and a plain-text body.</summary>
public sealed record RenderedNotification(string Subject, string Body);
