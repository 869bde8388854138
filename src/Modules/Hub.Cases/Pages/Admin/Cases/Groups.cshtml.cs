using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Cases.Resources;
using Hub.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.Admin.Cases;

/// <summary>
/// <c>/admin/arenden/grupper</c>: the municipality's handling groups (the keys routing rules name), with a form that
/// creates a group or, with <c>?grupp={key}</c>, edits one: name, members among the case officers, and lead.
/// </summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class GroupsModel(HandlingGroups groups, IStaffDirectory staff, IStringLocalizer<CasesTexts> texts) : PageModel
{
    public IReadOnlyList<HandlingGroup> Groups { get; private set; } = [];

    /// <summary>Staff accounts with the CaseOfficer role: who can be a member.</summary>
    public IReadOnlyList<StaffMember> Officers { get; private set; } = [];

    /// <summary>The group being edited, or null for a new one.</summary>
    [BindProperty(SupportsGet = true, Name = "grupp")]
    public string? Editing { get; set; }

    [BindProperty]
    public string Key { get; set; } = "";

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public List<string> Members { get; set; } = [];

    [BindProperty]
    public string? Lead { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Editing is not null)
        {
            if (Groups.FirstOrDefault(g => g.Key == Editing) is not { } group)
            {
                return NotFound();
            }

            Key = group.Key;
            Name = group.Name;
            Members = group.Members.Select(m => m.UserName).ToList();
            Lead = group.Lead;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Editing is not null)
        {
            // Editing keeps the key: routing rules in published services name it.
            if (Groups.All(g => g.Key != Editing))
            {
                return NotFound();
            }

            Key = Editing;
        }
        else if (Groups.Any(g => g.Key == Key))
        {
            ModelState.AddModelError(nameof(Key), texts["Groups.Error.KeyTaken"].Value);
        }

        Lead = string.IsNullOrEmpty(Lead) ? null : Lead;
        var input = new GroupInput(Key.Trim(), Name, Members, Lead);
        foreach (var (field, problem) in HandlingGroups.Check(input, Officers.Select(o => o.UserName).ToHashSet(StringComparer.Ordinal)))
        {
            ModelState.AddModelError(field, texts["Groups.Error." + problem].Value);
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await groups.SaveAsync(input, cancellationToken);
        Saved = input.Key;
        return Redirect(Url.Content("~/admin/arenden/grupper"));
    }

    public string NameOf(string userName) => Officers.FirstOrDefault(o => o.UserName == userName)?.DisplayName is { Length: > 0 } name ? name : userName;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Groups = await groups.ListAsync(cancellationToken);
        Officers = (await staff.ListAsync(cancellationToken)).Where(s => s.Roles.Contains(HubRoles.CaseOfficer)).OrderBy(s => s.DisplayName).ToList();
    }
}
