using Hub.Catalog.Studio;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// <c>/admin/e-tjanster/{service}/arbetsflode/overgang/{key?}</c>: a transition's name, the states it may be fired from,
/// the state it leads to and who may fire it; without a key, a new transition.
/// </summary>
internal sealed class WorkflowTransitionModel(StudioPageServices services) : WorkflowPage(services)
{
    protected override string List => "transitions";

    public IReadOnlyList<(string Value, string Text)> RoleOptions => [.. WorkflowRoles.All.Select(r => (r, Texts["Role." + r].Value))];

    public async Task<IActionResult> OnGetAsync(string service, [FromRoute] string? key, CancellationToken cancellationToken)
    {
        if (await LoadItemAsync(service, key, cancellationToken) is { } result)
        {
            return result;
        }

        var transition = StoredItem;
        ShowText("label", transition?["label"]);
        Values["to"] = (string?)transition?["to"];
        Values["from"] = string.Join(',', Strings(transition?["from"]));
        Values["roles"] = transition is null ? WorkflowRoles.CaseOfficer : string.Join(',', Strings(transition["roles"]));
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string service, [FromRoute] string? key, CancellationToken cancellationToken) =>
        SaveItemAsync(service, key, "transition", (transition, _) =>
        {
            transition["label"] = DraftDocument.Written(PostedText("label"));
            transition["from"] = Posted("from");
            transition["to"] = Request.Form["to"].ToString();
            transition["roles"] = Posted("roles");
        }, cancellationToken);
}
