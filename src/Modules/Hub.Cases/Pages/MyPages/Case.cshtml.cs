using Hub.Abstractions;
using Hub.Cases.Data;
using Hub.Cases.Documents;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Forms.Contracts;
using Hub.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.MyPages;

/// <summary>
/// <c>/mina-sidor/arenden/{number}</c>: status, history and the answers exactly as submitted. Another party asked to
/// sign (the second guardian) sees exactly what they sign here, and signs or declines.
/// </summary>
[Authorize(Policy = HubPolicies.Citizen)]
internal sealed class CaseModel(Citizens citizens, CaseReader cases, ICitizenSigning signing, SignatureRecorder recorder, CaseWorkflow workflow, CasesDbContext db, CasePdf pdfs, IStringLocalizer<CasesTexts> texts) : PageModel
{
    public string Language { get; } = FormView.UiLanguage();

    public CaseDetails Details { get; private set; } = null!;

    public FormView View { get; private set; } = null!;

    public Citizen Citizen { get; private set; } = null!;

    public CaseSignature? MySignature => Details.Signatures.FirstOrDefault(s =>
        s.ExpectedPersonalIdentityNumber == Citizen.PersonalIdentityNumber && s.Role != "submitter" && s.Status == SignatureStatus.Pending);

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The messages between the officers and the submitter (only the submitter sees them, not co-signers).</summary>
    public IReadOnlyList<CaseMessage> Messages { get; private set; } = [];

    public bool IsSubmitter => Details.Case.SubmitterPersonalIdentityNumber == Citizen.PersonalIdentityNumber;

    /// <summary>The case waits for the citizen's completion (a message sent now answers it and the case resumes).</summary>
    public bool WaitsForCitizen => Details.Case.Status == CaseStatus.WaitingForCitizen;

    public bool CanMessage => IsSubmitter && Details.Case.Status is not (CaseStatus.Closed or CaseStatus.Withdrawn or CaseStatus.WaitingForSignature);

    public string Describe(CaseEvent e) => CaseHistory.Describe(e, Details.Service, Language, texts);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } result)
        {
            return result;
        }

        if (IsSubmitter)
        {
            await workflow.MarkReadAsync(Details.Case, byCitizen: true, cancellationToken);
        }

        return Page();
    }

    /// <summary>The receipt as a tagged PDF in the citizen's language: only for the case's own submitter, not a co-signer.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } result)
        {
            return result;
        }

        if (!CaseAccess.CanSee(Details.Case, Citizen, null))
        {
            return NotFound();
        }

        var pdf = pdfs.Receipt(Details);
        Response.Headers.CacheControl = "private, no-store";
        return File(pdf.Content, CasePdfFile.ContentType, pdf.FileName);
    }

    /// <summary>The citizen's message; while the case waits for a completion, it is the completion and the case resumes.</summary>
    public async Task<IActionResult> OnPostMessageAsync(string number, string? text, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } result)
        {
            return result;
        }

        if (!CanMessage)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var waited = WaitsForCitizen;
        var refusal = await workflow.SendMessageAsync(Details.Case, Details.Service, CaseActor.Citizen(Citizen.Name), text, SiteLinks.Of(Request), cancellationToken);
        if (refusal is HandlingRefusal.TextRequired or HandlingRefusal.TextTooLong)
        {
            ModelState.AddModelError("message", texts[refusal == HandlingRefusal.TextRequired ? "Handling.Error.TextRequired" : "Handling.Error.TextTooLong", CaseLimits.MessageLength].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Notice = waited ? "completionSent" : "messageSent";
        return Redirect(Url.Content($"~/mina-sidor/arenden/{number}"));
    }

    public async Task<IActionResult> OnPostSignAsync(string number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } result)
        {
            return result;
        }

        if (MySignature is not { } mine)
        {
            return RedirectToPage();
        }

        var title = Details.Service.Package.Title.Pick(Language, Details.Service.Form.DefaultLanguage).Text;
        await signing.ChallengeAsync(HttpContext, new CitizenSignRequest(mine.Id.ToString(), texts["SignOtherText", title, Details.Case.Number].Value,
            Details.Case.SubmissionHash, Url.Content($"~/mina-sidor/arenden/{number}/signed")));
        return new EmptyResult();
    }

    public async Task<IActionResult> OnGetSignedAsync(string number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } result)
        {
            return result;
        }

        if (MySignature is { } mine)
        {
            var outcome = await signing.TakeOutcomeAsync(HttpContext, mine.Id.ToString());
            Notice = outcome.Status switch
            {
                CitizenSignStatus.Completed when await recorder.RecordAsync(Details.Case.Id, Details.Service, Citizen, outcome.Signature!, SiteLinks.Of(Request), cancellationToken) => "signed",
                CitizenSignStatus.Cancelled => "cancelled",
                _ => "failed",
            };
        }

        return Redirect(Url.Content($"~/mina-sidor/arenden/{number}"));
    }

    public async Task<IActionResult> OnPostDeclineAsync(string number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(number, cancellationToken) is { } result)
        {
            return result;
        }

        if (await recorder.DeclineAsync(Details.Case.Id, Details.Service, Citizen, SiteLinks.Of(Request), cancellationToken))
        {
            Notice = "declined";
        }

        return Redirect(Url.Content($"~/mina-sidor/arenden/{number}"));
    }

    private async Task<IActionResult?> LoadAsync(string number, CancellationToken cancellationToken)
    {
        Citizen = (await citizens.GetAsync(HttpContext))!;
        var details = await cases.FindAsync(number, Citizen, null, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        Details = details;
        View = new FormView(details.Service.Form, details.Answers, new Dictionary<string, string>(), FormLanguages.Resolve(details.Service.Form, details.Case.Language)) { PageLanguage = Language };
        if (IsSubmitter)
        {
            Messages = await db.Messages.AsNoTracking().Where(m => m.CaseId == details.Case.Id).OrderBy(m => m.AtUtc).ToListAsync(cancellationToken);
        }

        return null;
    }
}
