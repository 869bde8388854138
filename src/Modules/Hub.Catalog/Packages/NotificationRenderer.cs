using System.Collections.Concurrent;
using System.Globalization;
using Fluid;
using Hub.Catalog.Contracts;
using Hub.Packages.Contracts;
using Microsoft.Extensions.Logging;

namespace Hub.Catalog.Packages;

/// <summary>Renders notification templates with <see cref="NotificationLiquid"/>; parsed templates are kept by their source.</summary>
internal sealed partial class NotificationRenderer(ILogger<NotificationRenderer> logger) : INotificationRenderer
{
    private readonly ConcurrentDictionary<string, IFluidTemplate?> parsed = new(StringComparer.Ordinal);

    public RenderedNotification? Render(NotificationTemplate template, string language, string defaultLanguage, NotificationValues values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["case"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["number"] = values.CaseNumber,
                ["state"] = values.State,
                ["submitted"] = values.Submitted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["expected"] = values.Expected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["link"] = values.Link,
            },
            ["service"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["title"] = values.ServiceTitle },
            ["tenant"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = values.TenantName, ["email"] = values.TenantEmail ?? "" },
            ["citizen"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["name"] = values.CitizenName ?? "" },
        };
        var subject = RenderOne(template.Key, template.Subject.Pick(language, defaultLanguage).Text, data);
        var body = RenderOne(template.Key, template.Body.Pick(language, defaultLanguage).Text, data);
        return subject is null || body is null ? null : new RenderedNotification(subject.ReplaceLineEndings(" ").Trim(), body);
    }

    private string? RenderOne(string key, string source, IReadOnlyDictionary<string, object> data)
    {
        var template = parsed.GetOrAdd(source, s => NotificationLiquid.TryParse(s, out var t, out _) ? t : null);
        if (template is null)
        {
            LogUnusable(logger, key, "it does not parse");
            return null;
        }

        var (text, problem) = NotificationLiquid.Render(template, data);
        if (text is null)
        {
            LogUnusable(logger, key, problem ?? "unknown");
        }

        return text;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Key} was not sent: {Reason}")]
    private static partial void LogUnusable(ILogger logger, string key, string reason);
}
