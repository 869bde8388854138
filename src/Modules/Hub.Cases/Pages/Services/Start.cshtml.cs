using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Intake;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Hub.Cases.Resources;
using Hub.Identity.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.Services;

/// <summary><c>/e-tjanster/{service}</c>: what the service is for, what is needed, and the button that starts it.</summary>
internal sealed class StartModel(Citizens citizens, AnonymousKey anonymousKey, IServiceDirectory directory, DraftStore drafts, ITenantContext tenantContext, TimeProvider clock, IStringLocalizer<CasesTexts> texts) : PageModel
{
    public string Language { get; } = FormView.UiLanguage();

    public PublishedService Service { get; private set; } = null!;

    public Citizen? Citizen { get; private set; }

    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    /// <summary>The form language the citizen chose, when the form offers more than the pages' languages.</summary>
    [BindProperty(Name = FormLanguageField)]
    public string? ChosenLanguage { get; set; }

    public const string FormLanguageField = "sprak";

    /// <summary>The form languages to choose from (empty when the form simply follows the page's language).</summary>
    public IReadOnlyList<string> LanguageChoices => FormLanguages.OffersChoice(Service.Form) ? Service.Form.Languages : [];

    [BindProperty(SupportsGet = true, Name = "utkast")]
    public string? DraftNotice { get; set; }

    public string LoginUrl => Url.Content("~" + CitizenPaths.Login) + "?returnUrl=" + Uri.EscapeDataString(Url.Content($"~/e-tjanster/{Service.Key}"));

    public string? LangOf(TextInLanguage text) => text.Language == Language ? null : text.Language;

    public async Task<IActionResult> OnGetAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        ChosenLanguage = Service.Form.Languages.Contains(Language) ? Language : Service.Form.DefaultLanguage;
        await LoadDraftsAsync(service, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string service, CancellationToken cancellationToken)
    {
        if (await LoadAsync(service, cancellationToken) is { } result)
        {
            return result;
        }

        if (Service.Package.Access != ServiceAccess.Anonymous && Citizen is null)
        {
            return Redirect(LoginUrl);
        }

        // No choice posted (a page cached before the form had more languages): the page's language, as the radio preselects.
        var language = ChosenLanguage ?? Language;
        if (LanguageChoices.Count > 0 && !LanguageChoices.Contains(language))
        {
            ModelState.AddModelError(FormLanguageField, texts["Error.ChooseFormLanguage"]);
            ChosenLanguage = null;
            await LoadDraftsAsync(service, cancellationToken);
            return Page();
        }

        var draft = await drafts.CreateAsync(Service, Citizen, Citizen is null ? anonymousKey.GetOrCreate(HttpContext) : null, language, cancellationToken);
        var first = FormAnswerValidator.Validate(Service.Form, new Dictionary<string, AnswerValue>(), DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).VisiblePages[0];
        return Redirect(Url.Content($"~/e-tjanster/{service}/ansokan/{draft.Id}/{first}"));
    }

    private async Task LoadDraftsAsync(string service, CancellationToken cancellationToken)
    {
        if (Citizen is not null)
        {
            Drafts = (await drafts.ListAsync(Citizen, cancellationToken)).Where(d => d.ServiceKey == service).ToList();
        }
    }

    private async Task<IActionResult?> LoadAsync(string service, CancellationToken cancellationToken)
    {
        if (tenantContext.Tenant is null or { IsHub: true } || await directory.FindPublishedAsync(service, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Service = found;
        Citizen = await citizens.GetAsync(HttpContext);
        return null;
    }
}
