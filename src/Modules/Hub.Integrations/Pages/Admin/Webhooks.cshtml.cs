using Hub.Abstractions;
using Hub.Integrations.Contracts;
using Hub.Integrations.Resources;
using Hub.Integrations.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Integrations.Pages.Admin;

/// <summary>
/// <c>/admin/integrationer</c>: the municipality's webhooks (address, events, on/off, how deliveries went), a form that
/// adds one and shows its signing secret once, a test event, and the latest deliveries with a retry for failed ones.
/// </summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class WebhooksModel(WebhookAdmin admin, IStringLocalizer<IntegrationsTexts> texts) : PageModel
{
    public IReadOnlyList<WebhookSummary> Webhooks { get; private set; } = [];

    public IReadOnlyList<DeliveryRow> Deliveries { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public List<string> Events { get; set; } = [.. IntegrationEventTypes.Subscribable];

    /// <summary>The new webhook's secret, shown once right after it was added.</summary>
    public string? NewSecret { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        Events = Events.Distinct(StringComparer.Ordinal).ToList();
        foreach (var problem in admin.Check(Name, Address, Events))
        {
            ModelState.AddModelError(problem.Field, texts["Error." + problem.Problem].Value);
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (_, secret) = await admin.CreateAsync(Name!, Address!, Events, User.Identity?.Name ?? "", cancellationToken);
        // Shown on this response only (not put in a cookie or a redirect): the hub keeps it protected and never shows it again.
        NewSecret = secret;
        Notice = null;
        Name = Address = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostToggleAsync(Guid id, bool active, CancellationToken cancellationToken) =>
        DoAsync(admin.SetActiveAsync(id, active, cancellationToken), active ? "Notice.On" : "Notice.Off");

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(admin.DeleteAsync(id, cancellationToken), "Notice.Deleted");

    public Task<IActionResult> OnPostPingAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(admin.PingAsync(id, cancellationToken), "Notice.Pinged");

    public Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken) =>
        DoAsync(admin.RetryAsync(id, cancellationToken), "Notice.Retried");

    public string EventName(string type) => texts["Event." + type].Value;

    private async Task<IActionResult> DoAsync(Task<bool> action, string notice)
    {
        if (!await action)
        {
            // Another tenant's id, or one that is gone: nothing to say about it.
            return NotFound();
        }

        Notice = notice;
        return Redirect(Url.Content("~/admin/integrationer"));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Webhooks = await admin.ListAsync(cancellationToken);
        Deliveries = await admin.RecentDeliveriesAsync(50, cancellationToken);
    }
}
