using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// <c>/admin/e-tjanster/{service}/arbetsflode/regel/{key?}</c>: a routing rule's condition (the element page's simple
/// form or JSON, the same parser) and the handling group it sends a case to; without a key, a new rule, tried last.
/// </summary>
internal sealed class WorkflowRuleModel(StudioPageServices services) : WorkflowPage(services)
{
    protected override string List => "routing";

    /// <summary>The questions a simple condition may read: all the form's, outside repeating groups.</summary>
    public IReadOnlyList<(string Value, string Text)> Questions =>
        [("", Texts["Workflow.ChooseQuestion"].Value), .. ConditionQuestions(Document.AllElements()).Skip(1)];

    public async Task<IActionResult> OnGetAsync(string service, [FromRoute] string? key, CancellationToken cancellationToken)
    {
        if (await LoadItemAsync(service, key, cancellationToken) is { } result)
        {
            return result;
        }

        var rule = StoredItem;
        Values["group"] = (string?)rule?["group"];
        ShowCondition(rule?["when"]);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string service, [FromRoute] string? key, CancellationToken cancellationToken) =>
        SaveItemAsync(service, key, "routing", (rule, document) =>
        {
            rule["group"] = Request.Form["group"].ToString().Trim();
            if (Request.Form["when.json"].ToString().Trim().Length == 0 && Request.Form["when.question"].ToString().Length == 0)
            {
                ModelState.AddModelError("when.question", Texts["Error.RuleCondition"]);
            }
            else
            {
                ApplyCondition(rule, document, "when");
            }
        }, cancellationToken);
}
