using Hub.Catalog.Studio;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Studio;

/// <summary><c>/admin/e-tjanster/{service}/sida/{key}</c>: a page's title in every language and its condition.</summary>
internal sealed class FormPageEditModel(StudioPageServices services) : StudioPage(services)
{
    public string PageKey { get; private set; } = "";

    public IReadOnlyList<(string Value, string Text)> Questions { get; private set; } = [];

    public string PageTitle => TitleOf(Document.FindPage(PageKey)?.Node["title"], PageKey);

    public async Task<IActionResult> OnGetAsync(string service, string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, key, cancellationToken) is { } result)
        {
            return result;
        }

        var page = Document.FindPage(key)!.Node;
        ShowText("title", page["title"]);
        ShowCondition(page["visibleWhen"]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string service, string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, key, cancellationToken) is { } result)
        {
            return result;
        }

        KeepPosted();
        var document = Document.Clone();
        var location = document.FindPage(key)!;
        DraftDocument.SetText(location.Node, "title", PostedText("title"), optional: false);
        if (!ApplyCondition(location.Node, document))
        {
            return Page();
        }

        return await SaveAsync(document, location.Path, TitleOf(location.Node["title"], key), StudioUrl() + "#item-" + key, cancellationToken);
    }

    private async Task<IActionResult?> LoadAsync(string service, string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        if (Document.FindPage(key) is not { } location)
        {
            return NotFound();
        }

        PageKey = key;
        var earlierPages = Document.Pages.Take(location.Index).Select(p => (string?)p!["key"]).ToHashSet();
        Questions = ConditionQuestions(Document.AllElements().Where(e => earlierPages.Any(p => e.Path.StartsWith(PagePath(p), StringComparison.Ordinal))));
        return null;
    }

    private string PagePath(string? key) => Document.FindPage(key ?? "")?.Path + ".";
}
