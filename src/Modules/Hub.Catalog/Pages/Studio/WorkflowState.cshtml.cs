using Hub.Catalog.Studio;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Studio;

/// <summary><c>/admin/e-tjanster/{service}/arbetsflode/tillstand/{key?}</c>: a state's category and name; without a key, a new state.</summary>
internal sealed class WorkflowStateModel(StudioPageServices services) : WorkflowPage(services)
{
    protected override string List => "states";

    public IReadOnlyList<(string Value, string Text)> Categories =>
        [.. Enum.GetValues<WorkflowStateCategory>().Select(c => (CategoryName(c), Texts["Category." + CategoryName(c)].Value))];

    public async Task<IActionResult> OnGetAsync(string service, [FromRoute] string? key, CancellationToken cancellationToken)
    {
        if (await LoadItemAsync(service, key, cancellationToken) is { } result)
        {
            return result;
        }

        var state = StoredItem;
        Values["category"] = (string?)state?["category"] ?? CategoryName(WorkflowStateCategory.InProgress);
        ShowText("label", state?["label"]);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string service, [FromRoute] string? key, CancellationToken cancellationToken) =>
        SaveItemAsync(service, key, "state", (state, _) =>
        {
            state["category"] = Request.Form["category"].ToString();
            state["label"] = DraftDocument.Written(PostedText("label"));
        }, cancellationToken);
}
