using Hub.Abstractions;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.Studio;

/// <summary>
/// <c>/admin/e-tjanster/{service}/forhandsgranska/{step?}</c>: the studio's draft shown step by step exactly as a
/// citizen would see it (the step page's own partials), in any of its languages. Nothing is stored: the form is a GET
/// to the same step, which checks what was typed and applies the conditions, as a citizen's "continue" would.
/// </summary>
[Authorize(Policy = HubPolicies.ServiceEditor)]
internal sealed class PreviewModel(IServiceDrafts drafts, TimeProvider clock, IStringLocalizer<CasesTexts> texts) : PageModel
{
    /// <summary>The page's language, <c>sv</c> or <c>en</c>.</summary>
    public string Language { get; } = FormView.UiLanguage();

    /// <summary>The form's language asked for (any of the form's); else as a citizen would get it.</summary>
    [BindProperty(SupportsGet = true, Name = "sprak")]
    public string? FormLanguage { get; set; }

    /// <summary>Set by the preview's button: check what was typed on the step.</summary>
    [BindProperty(SupportsGet = true, Name = "prova")]
    public bool Try { get; set; }

    public string ServiceKey { get; private set; } = "";

    internal FormDefinition Form { get; private set; } = null!;

    internal FormView View { get; private set; } = null!;

    internal StepHeadingModel Heading { get; private set; } = null!;

    internal FormElementsModel Elements { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string service, string? step, CancellationToken cancellationToken)
    {
        if (await drafts.FindDraftAsync(service, cancellationToken) is not { } package)
        {
            return NotFound();
        }

        ServiceKey = service;
        Form = package.Form;
        FormLanguage = FormLanguage is { } chosen && Form.Languages.Contains(chosen) ? chosen : FormLanguages.Resolve(Form, Language);
        if ((step is null ? Form.Pages[0] : Form.FindPage(step)) is not { } page)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var query = new FormCollection(Request.Query.ToDictionary(q => q.Key, q => q.Value));
        var answers = Try ? FormPost.ReadPage(page, query, new Dictionary<string, AnswerValue>()) : [];
        var validation = FormAnswerValidator.Validate(Form, answers, today, page.Key);
        var errors = Try ? ErrorMessages.Word(Form, validation.Errors, Language, texts) : [];
        foreach (var (path, message) in errors)
        {
            ModelState.AddModelError(path, message);
        }

        // A page its condition hides without answers is still shown when asked for: the author wants to see it.
        var visible = validation.VisiblePages.Contains(page.Key)
            ? validation.VisiblePages
            : [.. Form.Pages.Select(p => p.Key).Where(k => k == page.Key || validation.VisiblePages.Contains(k))];
        View = new FormView(Form, answers, errors, FormLanguage) { PageLanguage = Language };
        var title = package.Title.Pick(FormLanguage, Form.DefaultLanguage);
        Heading = new StepHeadingModel(View, title, page, visible, visible.ToList().IndexOf(page.Key) + 1);
        Elements = new FormElementsModel(View, page, validation.HiddenElements.ToHashSet(StringComparer.Ordinal));
        return Page();
    }

    public string StepUrl(string page, string? language = null) =>
        Url.Content($"~/admin/e-tjanster/{ServiceKey}/forhandsgranska/{page}") + "?sprak=" + Uri.EscapeDataString(language ?? FormLanguage!);

    /// <summary>
    /// Where a language's link leads: a language the pages are offered in switches the site's language too (as a
    /// citizen's choice would), so buttons and messages are in it as well.
    /// </summary>
    public string LanguageUrl(string language) =>
        language is "sv" or "en" && language != Language
            ? Url.Content($"~/sprak/{language}?returnUrl=") + Uri.EscapeDataString(StepUrl(Heading.Page.Key, language))
            : StepUrl(Heading.Page.Key, language);
}
