using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Cases.Documents;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Hub.Identity.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.Admin.Cases;

/// <summary>
/// <c>/admin/arenden/{number}</c>: one case for its officers: the submission exactly as the citizen saw it (in the
/// form's language), signatures, history, the workflow's moves, claim, messages with the citizen and internal notes.
/// Every view is in the audit trail.
/// </summary>
[Authorize(Policy = HubPolicies.CaseOfficer)]
internal sealed class CaseModel(
    CasesDbContext db, CaseReader reader, CaseWorkflow workflow, HandlingGroups groups, IStaffDirectory staff, IAuditTrail audit, CasePdf pdfs, CaseArchive archive, IStringLocalizer<CasesTexts> texts)
    : PageModel
{
    public string Language { get; } = FormView.UiLanguage();

    public CaseDetails Details { get; private set; } = null!;

    public FormView View { get; private set; } = null!;

    public IReadOnlyList<CaseMessage> Messages { get; private set; } = [];

    public IReadOnlyList<CaseNote> Notes { get; private set; } = [];

    public IReadOnlyList<WorkflowTransition> Moves { get; private set; } = [];

    public CaseActor Actor { get; private set; } = null!;

    /// <summary>
    /// Who the case can be given to: the case officers, or for a confidential case of one of the municipality's groups
    /// only its members (an assignment must not open the case to someone outside it).
    /// </summary>
    public IReadOnlyList<StaffMember> Assignable { get; private set; } = [];

    /// <summary>The handling group's name, or its key when the municipality has no such group (yet).</summary>
    public string? GroupName { get; private set; }

    /// <summary>The archive packages taken of the case, first first.</summary>
    public IReadOnlyList<ArchivePackage> Packages { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public Case Case => Details.Case;

    public PublishedService Service => Details.Service;

    public string StateLabel => CaseHistory.StateLabel(Case.StateKey, Service, Language);

    /// <summary>Messages reach the citizen only on Mina sidor, so only a case submitted with e-ID can have them.</summary>
    public bool CanMessage => Case.SubmitterPersonalIdentityNumber is not null && Case.Status != CaseStatus.Closed;

    public string Describe(CaseEvent e) => CaseHistory.Describe(e, Service, Language, texts);

    public string TextOf(LocalizedText text) => text.Pick(Language, Service.Form.DefaultLanguage).Text;

    public WorkflowState? TargetOf(WorkflowTransition transition) => Service.Package.EffectiveWorkflow.FindState(transition.To);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } missing)
        {
            return missing;
        }

        await audit.RecordReadAsync(new AuditEntry("case.viewed", "case", Case.Id.ToString(), "staff:" + Actor.Id,
            Case.Confidential ? """{"confidential":true}""" : null), cancellationToken);
        await workflow.MarkReadAsync(Case, byCitizen: false, cancellationToken);
        return Page();
    }

    /// <summary>The case as a tagged PDF, in the case's language; the same access as the page, and audited as a view.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } missing)
        {
            return missing;
        }

        await audit.RecordReadAsync(new AuditEntry("case.viewed", "case", Case.Id.ToString(), "staff:" + Actor.Id,
            Case.Confidential ? """{"confidential":true,"as":"pdf"}""" : """{"as":"pdf"}"""), cancellationToken);
        var pdf = pdfs.Case(Details);
        Response.Headers.CacheControl = "private, no-store";
        return File(pdf.Content, CasePdfFile.ContentType, pdf.FileName);
    }

    /// <summary>Takes an archive package of the closed case and sends it; recorded and audited as the case's next package.</summary>
    public async Task<IActionResult> OnPostArchiveAsync(string number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } missing)
        {
            return missing;
        }

        var (refusal, package) = await archive.TakeAsync(Details, Actor, cancellationToken);
        if (refusal != ArchiveRefusal.None)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(package!.Zip, ArchivePackageWriter.ContentType, package.FileName);
    }

    public async Task<IActionResult> OnPostTransitionAsync(string number, string transition, string state, string? text, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } missing)
        {
            return missing;
        }

        var refusal = await workflow.FireAsync(Case, Service, transition, state, Actor, text, SiteLinks.Of(Request), cancellationToken);
        return Outcome(refusal, "text-" + transition, "Moved");
    }

    public async Task<IActionResult> OnPostAssignAsync(string number, string? to, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } missing)
        {
            return missing;
        }

        StaffMember? colleague = null;
        if (to is { Length: > 0 } and not "me" && (colleague = Assignable.FirstOrDefault(s => s.UserName == to)) is null)
        {
            // Not a case officer here, or outside the confidential case's group: a crafted post.
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var assignee = to == "me" ? Actor : colleague is null ? null : CaseActor.Staff(colleague.UserName, colleague.DisplayName, colleague.Roles);
        var refusal = await workflow.AssignAsync(Case, Actor, assignee, colleague?.Email, SiteLinks.Of(Request), cancellationToken);
        return Outcome(refusal, "", to == "me" || colleague?.UserName == Actor.Id ? "Claimed" : colleague is null ? "Released" : "AssignedColleague");
    }

    public async Task<IActionResult> OnPostConfidentialAsync(string number, bool confidential, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } missing)
        {
            return missing;
        }

        var refusal = await workflow.SetConfidentialAsync(Case, Actor, confidential, cancellationToken);
        return Outcome(refusal, "", confidential ? "MarkedConfidential" : "UnmarkedConfidential");
    }

    public async Task<IActionResult> OnPostRemindAsync(string number, Guid signature, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } missing)
        {
            return missing;
        }

        return Outcome(await workflow.RemindSignerAsync(Case, signature, Actor, SiteLinks.Of(Request), cancellationToken), "", "SignerReminded");
    }

    public async Task<IActionResult> OnPostNoteAsync(string number, string? text, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } missing)
        {
            return missing;
        }

        return Outcome(await workflow.AddNoteAsync(Case, Actor, text, cancellationToken), "note", "NoteAdded");
    }

    public async Task<IActionResult> OnPostMessageAsync(string number, string? text, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } missing)
        {
            return missing;
        }

        var refusal = CanMessage ? await workflow.SendMessageAsync(Case, Service, Actor, text, SiteLinks.Of(Request), cancellationToken) : HandlingRefusal.NotAllowed;
        return Outcome(refusal, "message", "MessageSent");
    }

    /// <summary>Back to the case on success (a reload does not post again); the page with the error beside the field otherwise.</summary>
    private IActionResult Outcome(HandlingRefusal refusal, string field, string notice)
    {
        switch (refusal)
        {
            case HandlingRefusal.None:
                Notice = notice;
                return Redirect(Url.Content($"~/admin/arenden/{Case.Number}"));
            case HandlingRefusal.Stale:
                Notice = "Stale";
                return Redirect(Url.Content($"~/admin/arenden/{Case.Number}"));
            case HandlingRefusal.NotAllowed:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                ModelState.AddModelError(field, texts[refusal == HandlingRefusal.TextRequired ? "Handling.Error.TextRequired" : "Handling.Error.TextTooLong", CaseLimits.MessageLength].Value);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(string number, CancellationToken cancellationToken)
    {
        var (userName, name) = StaffClaims.Of(User);
        Actor = CaseActor.Staff(userName, name, HubRoles.All.Where(User.IsInRole));
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        var scope = await OfficerScope.ForAsync(groups, userName, cancellationToken);
        if (@case is null || !scope.CanSee(@case))
        {
            // A confidential case of another group answers as if it did not exist.
            return NotFound();
        }

        if (await reader.DetailsAsync(@case, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        View = new FormView(details.Service.Form, details.Answers, new Dictionary<string, string>(), FormLanguages.Resolve(details.Service.Form, @case.Language)) { PageLanguage = Language };
        Messages = await db.Messages.AsNoTracking().Where(m => m.CaseId == @case.Id).OrderBy(m => m.AtUtc).ToListAsync(cancellationToken);
        Notes = await db.Notes.AsNoTracking().Where(n => n.CaseId == @case.Id).OrderBy(n => n.AtUtc).ToListAsync(cancellationToken);
        Moves = CaseWorkflow.Allowed(@case, details.Service, Actor);
        Packages = await archive.ForCaseAsync(@case.Id, cancellationToken);
        GroupName = @case.HandlingGroup is { } key ? scope.NameOf(key) : null;
        var officers = (await staff.ListAsync(cancellationToken)).Where(s => s.Roles.Contains(HubRoles.CaseOfficer));
        // The scope's groups, already read: a confidential case of a group the municipality has goes only to its
        // members; one whose group it lacks is seen by every officer (OfficerScope.CanSee), so any may take it.
        if (@case.Confidential && scope.Groups.FirstOrDefault(g => g.Key == @case.HandlingGroup) is { } group)
        {
            var members = group.Members.Select(m => m.UserName).ToHashSet(StringComparer.Ordinal);
            officers = officers.Where(s => members.Contains(s.UserName));
        }

        Assignable = officers.OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).ToList();
        return null;
    }
}
