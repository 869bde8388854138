using Hub.Abstractions;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Forms.Contracts;
using Hub.Identity.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.Services;

/// <summary>
/// <c>…/granska</c>: every answer with a change link, then submit (or sign and submit). The submit is idempotent: the
/// draft becomes exactly one case however often the button is pressed.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(HubRateLimits.Submit)]
internal sealed class ReviewModel(IntakePageServices services, IStringLocalizer<CasesTexts> texts)
    : IntakePage(services)
{
    public AnswerValidationResult Validation { get; private set; } = null!;

    public FormView View { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public bool NeedsSignature => Service.Package.Access == ServiceAccess.LoginAndSignature;

    [TempData]
    public string? SignNotice { get; set; }

    public string StepUrl(string page) => Url.Content($"~/e-tjanster/{Service.Key}/ansokan/{Draft.Id}/{page}") + "?granska=1";

    /// <summary>The page an error's field is on, for the summary's link.</summary>
    public string PageOf(string path)
    {
        var key = path.Split('[', '.')[0];
        return Service.Form.Pages.FirstOrDefault(p => p.Elements.Any(e => e.Key == key))?.Key ?? Service.Form.Pages[0].Key;
    }

    public async Task<IActionResult> OnGetAsync(string service, Guid draft, CancellationToken cancellationToken) =>
        await LoadAsync(service, draft, cancellationToken) ?? Prepare();

    // The submitter and the e-ID signing come with the posts only: a review GET resolves neither (nor their contexts).
    public async Task<IActionResult> OnPostAsync(
        string service, Guid draft, [FromServices] CaseSubmitter submitter, [FromServices] ICitizenSigning signing, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, draft, cancellationToken) is { } result)
        {
            return result;
        }

        Prepare();
        if (!Validation.CanSubmit)
        {
            return Page();
        }

        if (NeedsSignature)
        {
            if (Citizen is null)
            {
                return NotFound();
            }

            var hash = AnswerJson.Hash(Service.ContentHash, Validation.Answers);
            var visible = texts["SignText", Title.Text, Citizen.Name].Value;
            await signing.ChallengeAsync(HttpContext, new CitizenSignRequest(Draft.Id.ToString(), visible, hash,
                Url.Content($"~/e-tjanster/{Service.Key}/ansokan/{Draft.Id}/granska/signed")));
            return new EmptyResult();
        }

        var submitted = await submitter.SubmitAsync(Draft, new Submission(Service, Validation.Answers, Citizen, null, SiteLinks.Of(Request)), cancellationToken);
        return Redirect(Url.Content($"~/e-tjanster/{Service.Key}/kvitto/{submitted.Number}"));
    }

    /// <summary><c>…/signerad</c>: back from the e-ID provider; submits when the signature covers exactly these answers.</summary>
    public async Task<IActionResult> OnGetSignedAsync(
        string service, Guid draft, [FromServices] CaseSubmitter submitter, [FromServices] ICitizenSigning signing, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, draft, cancellationToken) is { } result)
        {
            return result;
        }

        var outcome = await signing.TakeOutcomeAsync(HttpContext, Draft.Id.ToString());
        Prepare();
        if (outcome.Status != CitizenSignStatus.Completed || !Validation.CanSubmit || Citizen is null)
        {
            SignNotice = outcome.Status == CitizenSignStatus.Cancelled ? "cancelled" : "failed";
            return Redirect(Url.Content($"~/e-tjanster/{Service.Key}/ansokan/{Draft.Id}/granska"));
        }

        var signature = outcome.Signature!;
        var hash = AnswerJson.Hash(Service.ContentHash, Validation.Answers);
        if (signature.Hash != hash || signature.PersonalIdentityNumber != Citizen.PersonalIdentityNumber)
        {
            SignNotice = "failed";
            return Redirect(Url.Content($"~/e-tjanster/{Service.Key}/ansokan/{Draft.Id}/granska"));
        }

        var submitted = await submitter.SubmitAsync(Draft, new Submission(Service, Validation.Answers, Citizen, signature, SiteLinks.Of(Request)), cancellationToken);
        return Redirect(Url.Content($"~/e-tjanster/{Service.Key}/kvitto/{submitted.Number}"));
    }

    private PageResult Prepare()
    {
        Validation = FormAnswerValidator.Validate(Service.Form, Answers, Today);
        Errors = ErrorMessages.Word(Service.Form, Validation.Errors, Language, texts);
        View = new FormView(Service.Form, Validation.Answers, Errors, FormLanguage) { PageLanguage = Language };
        return Page();
    }
}
