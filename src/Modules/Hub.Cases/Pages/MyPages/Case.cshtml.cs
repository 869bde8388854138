using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Forms.Contracts;
using Hub.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.MyPages;

/// <summary>
/// <c>/mina-sidor/arenden/{number}</c>: status, history and the answers exactly as submitted. Another party asked to
/// sign (the second guardian) sees exactly what they sign here, and signs or declines.
/// </summary>
[Authorize(Policy = HubPolicies.Citizen)]
internal sealed class CaseModel(CaseReader cases, ICitizenSigning signing, SignatureRecorder recorder, IStringLocalizer<CasesTexts> texts) : PageModel
{
    public string Language { get; } = FormView.UiLanguage();

    public CaseDetails Details { get; private set; } = null!;

    public FormView View { get; private set; } = null!;

    public Citizen Citizen { get; private set; } = null!;

    public CaseSignature? MySignature => Details.Signatures.FirstOrDefault(s =>
        s.ExpectedPersonalIdentityNumber == Citizen.PersonalIdentityNumber && s.Role != "submitter" && s.Status == SignatureStatus.Pending);

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ?? Page();

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
                CitizenSignStatus.Completed when await recorder.RecordAsync(Details.Case.Id, Citizen, outcome.Signature!, cancellationToken) => "signed",
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

        if (await recorder.DeclineAsync(Details.Case.Id, Citizen, cancellationToken))
        {
            Notice = "declined";
        }

        return Redirect(Url.Content($"~/mina-sidor/arenden/{number}"));
    }

    private async Task<IActionResult?> LoadAsync(string number, CancellationToken cancellationToken)
    {
        Citizen = (await Citizens.GetAsync(HttpContext))!;
        var details = await cases.FindAsync(number, Citizen, null, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        Details = details;
        View = new FormView(details.Service.Form, details.Answers, new Dictionary<string, string>(), FormLanguages.Resolve(details.Service.Form, details.Case.Language)) { PageLanguage = Language };
        return null;
    }
}
