using System.Text.Json.Nodes;
using Hub.Catalog.Studio;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// <c>/admin/e-tjanster/{service}</c>: the draft's pages and elements (add, move, remove), the quality gate's findings,
/// and the way to preview and publish. Without a draft: the published version and a button that starts one.
/// </summary>
internal sealed class DraftModel(StudioPageServices services) : StudioPage(services)
{
    /// <summary>False when the service has no draft (then it can be started from its current version).</summary>
    public bool HasDraft { get; private set; }

    public string? CurrentVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is not { } result)
        {
            HasDraft = true;
            CurrentVersion = (await Drafts.CurrentVersionAsync(service, cancellationToken))?.Version;
            return Page();
        }

        if (await Drafts.CurrentVersionAsync(service, cancellationToken) is not { } version)
        {
            return result;
        }

        CurrentVersion = version.Version;
        ShowVersion(version.Content);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(string service, CancellationToken cancellationToken)
    {
        if (await Drafts.CurrentVersionAsync(service, cancellationToken) is null)
        {
            return NotFound();
        }

        await Drafts.StartAsync(service, UserName, cancellationToken);
        return Redirect(Url.Content($"~/admin/e-tjanster/{service}"));
    }

    public async Task<IActionResult> OnPostDiscardAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        await Drafts.DiscardAsync(Draft, cancellationToken);
        return Redirect(Url.Content("~/admin/e-tjanster?slangt=") + Uri.EscapeDataString(service));
    }

    public async Task<IActionResult> OnPostAddPageAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        HasDraft = true;
        var key = Request.Form["addpage.key"].ToString().Trim();
        if (KeyProblem(key) is { } problem)
        {
            KeepPosted();
            ModelState.AddModelError("addpage.key", problem);
            return Page();
        }

        var document = Document.Clone();
        document.Pages.Add(DraftDocument.NewPage(key));
        return await SaveAsync(document, "$", key, StudioUrl("/sida/" + key), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddElementAsync(string service, string parent, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        HasDraft = true;
        var document = Document.Clone();
        var list = (document.FindPage(parent) ?? document.FindElement(parent))?.Node["elements"] as JsonArray;
        if (list is null)
        {
            return NotFound();
        }

        var prefix = "add-" + parent;
        var key = Request.Form[prefix + ".key"].ToString().Trim();
        var typeProblem = !FormDefinitionJson.TryParseType(Request.Form[prefix + ".type"].ToString(), out var type)
            || (type is FormElementType.RepeatingGroup or FormElementType.Signature && document.FindElement(parent) is not null);
        if (KeyProblem(key) is { } problem)
        {
            ModelState.AddModelError(prefix + ".key", problem);
        }

        if (typeProblem)
        {
            ModelState.AddModelError(prefix + ".type", Texts["Error.Type"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            KeepPosted();
            return Page();
        }

        var element = DraftDocument.NewElement(key, type);
        var label = PostedText(prefix + ".label");
        if (label.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            DraftDocument.SetText(element, element.ContainsKey("text") ? "text" : "label", label, optional: false);
        }

        list.Add(element);

        // "Add another" returns to this add form on the draft, ready for the next one; "Add" opens the new element.
        var next = Request.Form["then"] == "another" ? StudioUrl() + "#add-" + parent : StudioUrl("/element/" + key);
        return await SaveAsync(document, "$", TitleOf(element["label"] ?? element["text"], key), next, cancellationToken);
    }

    /// <summary>Moves a page up or down, or removes it.</summary>
    public Task<IActionResult> OnPostPageAsync(string service, string key, string op, CancellationToken cancellationToken) =>
        ChangeAsync(service, document => document.FindPage(key), key, op, cancellationToken);

    /// <summary>Moves an element up or down within its page or group, or removes it.</summary>
    public Task<IActionResult> OnPostElementAsync(string service, string key, string op, CancellationToken cancellationToken) =>
        ChangeAsync(service, document => document.FindElement(key), key, op, cancellationToken);

    private async Task<IActionResult> ChangeAsync(
        string service, Func<DraftDocument, DraftLocation?> find, string key, string op, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        HasDraft = true;
        var document = Document.Clone();
        if (find(document) is not { } location)
        {
            return NotFound();
        }

        switch (op)
        {
            case "up" or "down":
                DraftDocument.Move(location.List, location.Index, op == "up" ? -1 : 1);
                break;
            case "remove":
                location.List.RemoveAt(location.Index);
                break;
            default:
                return BadRequest();
        }

        var label = TitleOf(location.Node["label"] ?? location.Node["title"], key);
        return await SaveAsync(document, "$", Texts["Saved." + op, label].Value, StudioUrl() + (op == "remove" ? "" : "#item-" + key), cancellationToken);
    }

    private string? KeyProblem(string key) =>
        !ServiceKeys.IsValid(key) || key.StartsWith(DraftDocument.PlaceholderKey, StringComparison.Ordinal) ? Texts["Error.Key"].Value
        : Document.HasKey(key) || key == Document.Key ? Texts["Error.ElementKeyTaken", key].Value
        : null;
}
