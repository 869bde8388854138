using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Cases.Resources;
using Hub.Catalog.Contracts;
using Hub.Integrations.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.Admin.Cases;

/// <summary>
/// <c>/admin/arenden/leverans</c>: how each of the municipality's e-services (its own and adopted ones) delivers its
/// cases to the business system, and with <c>?tjanst={key}</c> a form for one: pulled through the API, pushed to one of
/// the municipality's webhooks as JSON or XML, or both; and the hours after which an undelivered case alerts.
/// </summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class DeliveryModel(CaseDelivery delivery, IServiceDirectory directory, IWebhookDirectory webhookDirectory, IStringLocalizer<CasesTexts> texts)
    : PageModel
{
    public IReadOnlyList<PublishedService> Services { get; private set; } = [];

    public IReadOnlyDictionary<string, ServiceDelivery> Settings { get; private set; } = new Dictionary<string, ServiceDelivery>();

    public IReadOnlyList<WebhookInfo> Webhooks { get; private set; } = [];

    /// <summary>The service being edited, or null for the overview only.</summary>
    [BindProperty(SupportsGet = true, Name = "tjanst")]
    public string? Editing { get; set; }

    [BindProperty]
    public bool Pull { get; set; } = true;

    /// <summary>The webhook's id, or empty for no push.</summary>
    [BindProperty]
    public string? Webhook { get; set; }

    [BindProperty]
    public DeliveryFormat Format { get; set; } = DeliveryFormat.Json;

    /// <summary>As typed: empty for no alert.</summary>
    [BindProperty]
    public string? AlertAfterHours { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public PublishedService? Service => Services.FirstOrDefault(s => s.Key == Editing);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Editing is null)
        {
            return Page();
        }

        if (Service is null)
        {
            return NotFound();
        }

        if (Settings.GetValueOrDefault(Editing) is { } current)
        {
            (Pull, Webhook, Format, AlertAfterHours) = (current.Pull, current.PushWebhookId?.ToString(), current.PushFormat,
                current.AlertAfterHours?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Editing is null || Service is null)
        {
            return NotFound();
        }

        Guid? webhookId = null;
        if (!string.IsNullOrEmpty(Webhook))
        {
            webhookId = Guid.TryParse(Webhook, out var id) ? id : Guid.Empty;
        }

        int? hours = null;
        if (!string.IsNullOrWhiteSpace(AlertAfterHours))
        {
            hours = int.TryParse(AlertAfterHours.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : -1;
        }

        foreach (var (field, problem) in ServiceDelivery.Check(Pull, webhookId, hours, Webhooks.Select(w => w.Id).ToList()))
        {
            ModelState.AddModelError(field, texts["Delivery.Error." + problem, ServiceDelivery.MaxAlertHours].Value);
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await delivery.SaveAsync(Editing, Pull, webhookId, Format, hours, User.Identity?.Name ?? "", cancellationToken);
        Saved = Editing;
        return Redirect(Url.Content("~/admin/arenden/leverans"));
    }

    /// <summary>How a service's cases leave, in words, for the overview.</summary>
    public string Describe(string serviceKey)
    {
        var settings = Settings.GetValueOrDefault(serviceKey);
        var ways = new List<string>();
        if (settings?.Pull ?? true)
        {
            ways.Add(texts["Delivery.Way.Pull"].Value);
        }

        if (settings?.PushWebhookId is { } id)
        {
            var name = Webhooks.FirstOrDefault(w => w.Id == id)?.Name ?? texts["Delivery.RemovedWebhook"].Value;
            ways.Add(texts["Delivery.Way.Push", name, settings.PushFormat == DeliveryFormat.Xml ? "XML" : "JSON"].Value);
        }

        return string.Join(", ", ways);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Services = (await directory.ListPublishedAsync(cancellationToken)).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        Settings = await delivery.ListAsync(cancellationToken);
        Webhooks = await webhookDirectory.ListAsync(cancellationToken);
    }
}
