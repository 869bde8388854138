using System.Globalization;
using Hub.Catalog.Studio;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Studio;

/// <summary><c>/admin/e-tjanster/{service}/uppgifter</c>: the service's name, summary, description, area, access and handling time.</summary>
internal sealed class SettingsModel(StudioPageServices services) : StudioPage(services)
{
    public static readonly IReadOnlyList<string> AccessKinds = ["anonymous", "login", "loginAndSignature"];

    private static readonly string[] ServiceTexts = ["title", "summary", "description"];

    public IReadOnlyList<(string Value, string Text)> Categories =>
        [.. ServiceCategories.All.Select(c => (c.Key, Language == "en" ? c.En : c.Sv))];

    public async Task<IActionResult> OnGetAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        foreach (var name in ServiceTexts)
        {
            ShowText(name, Document.Root[name]);
        }

        Values["category"] = (string?)Document.Root["category"];
        Values["access"] = (string?)Document.Root["access"];
        Values["handlingDays"] = Document.Root["handlingDays"]?.ToJsonString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        KeepPosted();
        var document = Document.Clone();
        foreach (var name in ServiceTexts)
        {
            DraftDocument.SetText(document.Root, name, PostedText(name), optional: false);
        }

        document.Root["category"] = Request.Form["category"].ToString();
        document.Root["access"] = Request.Form["access"].ToString();
        if (int.TryParse(Request.Form["handlingDays"], NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            document.Root["handlingDays"] = days;
        }
        else
        {
            ModelState.AddModelError("handlingDays", Texts["Error.WholeNumber"]);
            return Page();
        }

        return await SaveAsync(document, "$", Texts["SettingsSaved"], StudioUrl(), cancellationToken);
    }
}
