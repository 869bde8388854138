using System.Text.RegularExpressions;
using Hub.Abstractions;
using Hub.Catalog.Studio;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Pages.Studio;

/// <summary>
/// <c>/admin/e-tjanster/{service}/publicera</c>: a ServiceOwner (or TenantAdmin) publishes the draft as a new
/// immutable version with a version number and a change note, unless the quality gate finds something blocking.
/// Citizens get the new version at once; cases already submitted keep the version they were submitted under.
/// </summary>
[Authorize(Policy = HubPolicies.ServiceOwner)]
internal sealed partial class PublishModel(StudioPageServices services) : StudioPage(services)
{
    public async Task<IActionResult> OnGetAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        Values["version"] = await Drafts.SuggestVersionAsync(service, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        KeepPosted();
        var version = Request.Form["version"].ToString().Trim();
        var note = Request.Form["changeNote"].ToString().ReplaceLineEndings("\n").Trim();
        if (!VersionPattern().IsMatch(version))
        {
            ModelState.AddModelError("version", Texts["Error.Version"]);
        }

        if (note.Length is 0 or > 2000)
        {
            ModelState.AddModelError("changeNote", Texts["Error.ChangeNote"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var (outcome, check) = await Drafts.PublishAsync(Draft, PostedRevision, version, note, cancellationToken);
        switch (outcome)
        {
            case DraftOutcome.Done:
                return Redirect(Url.Content("~/admin/e-tjanster?publicerad=") + Uri.EscapeDataString(service) + "&version=" + Uri.EscapeDataString(version));
            case DraftOutcome.VersionTaken:
                ModelState.AddModelError("version", Texts["Error.VersionTaken", version]);
                break;
            case DraftOutcome.Blocked:
                ModelState.AddModelError("", Texts["Error.Blocked"]);
                break;
            case DraftOutcome.Conflict:
                ModelState.AddModelError("", Texts["Error.Conflict"]);
                break;
            default:
                foreach (var problem in check.Problems)
                {
                    AddProblem(problem, "$");
                }

                break;
        }

        return Page();
    }

    [GeneratedRegex(@"^\d{1,4}\.\d{1,4}\.\d{1,4}$")]
    private static partial Regex VersionPattern();
}
