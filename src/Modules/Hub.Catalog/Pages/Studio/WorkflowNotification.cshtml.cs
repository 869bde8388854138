using Hub.Abstractions;
using Hub.Catalog.Contracts;
using Hub.Catalog.Studio;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Catalog.Pages.Studio;

/// <summary>One language's preview of a notification.</summary>
internal sealed record NotificationPreview(string Language, string Subject, string Body);

/// <summary>
/// <c>/admin/e-tjanster/{service}/arbetsflode/meddelande/{key?}</c>: a notification's state, recipient, and subject and
/// body per language (Liquid). "Förhandsgranska" renders what is on screen with sample data through the renderer that
/// sends the real mail, and saves nothing; a template that does not parse is refused next to its field with line and
/// reason, on preview and on save.
/// </summary>
internal sealed class WorkflowNotificationModel(
    StudioPageServices services, ITenantContext tenantContext, INotificationRenderer renderer, TimeProvider clock) : WorkflowPage(services)
{
    private static readonly string[] RecipientNames = ["citizen", "handlingGroup"];

    protected override string List => "notifications";

    public IReadOnlyList<(string Value, string Text)> Recipients =>
        [.. RecipientNames.Select(r => (r, Texts["Recipient." + r].Value))];

    /// <summary>What the templates on screen render to with sample data; empty unless a preview was asked for.</summary>
    public IReadOnlyList<NotificationPreview> Previews { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string service, [FromRoute] string? key, CancellationToken cancellationToken)
    {
        if (await LoadItemAsync(service, key, cancellationToken) is { } result)
        {
            return result;
        }

        var notification = StoredItem;
        Values["state"] = (string?)notification?["state"];
        Values["recipient"] = (string?)notification?["recipient"] ?? "citizen";
        ShowText("subject", notification?["subject"]);
        ShowText("body", notification?["body"]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string service, [FromRoute] string? key, string? action, CancellationToken cancellationToken)
    {
        if (action != "preview")
        {
            return await SaveItemAsync(service, key, "notifications", (notification, _) =>
            {
                notification["state"] = Request.Form["state"].ToString();
                notification["recipient"] = Request.Form["recipient"].ToString();
                notification["subject"] = DraftDocument.Written(PostedText("subject"));
                notification["body"] = DraftDocument.Written(PostedText("body"));
            }, cancellationToken);
        }

        if (await LoadItemAsync(service, key, cancellationToken) is { } result)
        {
            return result;
        }

        KeepPosted();
        Previews = Preview();
        return Page();
    }

    // The posted templates, each checked by the same parser as a save; those that parse are rendered by the production
    // renderer with a sample case of this service in the state chosen.
    private List<NotificationPreview> Preview()
    {
        var subjects = PostedText("subject");
        var bodies = PostedText("body");
        var parsed = true;
        foreach (var (name, texts) in new[] { ("subject", subjects), ("body", bodies) })
        {
            foreach (var (language, source) in texts)
            {
                if (string.IsNullOrWhiteSpace(source))
                {
                    ModelState.AddModelError($"{name}.{language}", Texts["Error.TemplateMissing"]);
                    parsed = false;
                }
                else if (!NotificationLiquid.TryParse(source, out _, out var problem))
                {
                    ModelState.AddModelError($"{name}.{language}", Texts["Error.Liquid", problem ?? ""]);
                    parsed = false;
                }
            }
        }

        if (!parsed)
        {
            return [];
        }

        var tenant = tenantContext.Tenant!;
        var state = Request.Form["state"].ToString();
        var citizen = Request.Form["recipient"] == "citizen";
        var template = new NotificationTemplate(ItemKey ?? "preview", state, citizen ? NotificationRecipient.Citizen : NotificationRecipient.HandlingGroup,
            Template(subjects), Template(bodies));
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var handlingDays = (int?)Document.Root["handlingDays"] ?? 28;
        var previews = new List<NotificationPreview>();
        foreach (var language in Document.Languages)
        {
            const string number = "2026-000123";
            var link = $"{Request.Scheme}://{Request.Host}{Url.Content(citizen ? "~/mina-sidor/arenden/" : "~/admin/arenden/")}{number}";
            var stateLabel = Workflow.FindState(state) is { } s ? s.Label.Pick(language, Document.Languages[0]).Text : state;
            var values = new NotificationValues(number, stateLabel, today, today.AddDays(handlingDays), link,
                TitleIn(language), tenant.Settings.DisplayName, tenant.Settings.Contact.Email, "Anna Andersson");
            if (renderer.Render(template, language, Document.Languages[0], values) is { } rendered)
            {
                previews.Add(new NotificationPreview(language, rendered.Subject, rendered.Body));
            }
            else
            {
                ModelState.AddModelError($"body.{language}", Texts["Error.PreviewFailed"]);
            }
        }

        return previews;
    }

    private string TitleIn(string language) =>
        DraftDocument.Text(Document.Root["title"]).GetValueOrDefault(language) ?? ServiceTitle;

    // Blank languages are left out, as on save; the renderer then falls back to the form's first language.
    private static LocalizedText Template(IReadOnlyDictionary<string, string?> posted) =>
        new(posted.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => KeyValuePair.Create(p.Key, p.Value!)));
}
