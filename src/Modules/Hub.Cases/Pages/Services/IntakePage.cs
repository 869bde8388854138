using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Intake;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Cases.Pages.Services;

/// <summary>What every page of filling in a service shares: the service version, the draft and who is filling in.</summary>
internal abstract class IntakePage(IntakePageServices services) : PageModel
{
    /// <summary>The page's language, <c>sv</c> or <c>en</c>.</summary>
    public string Language { get; } = FormView.UiLanguage();

    /// <summary>The language the form's texts are shown in (the page's, or the one the citizen chose for the form).</summary>
    public string FormLanguage { get; private set; } = "sv";

    internal PublishedService Service { get; private set; } = null!;

    internal Draft Draft { get; private set; } = null!;

    internal Citizen? Citizen { get; private set; }

    internal Dictionary<string, AnswerValue> Answers { get; set; } = [];

    /// <summary>The service's title in the page's language (or its default).</summary>
    public TextInLanguage Title => Service.Package.Title.Pick(FormLanguage, Service.Form.DefaultLanguage);

    /// <summary>The <c>lang</c> attribute for a text in another language than the page's, else null.</summary>
    public string? LangOf(TextInLanguage text) => FormLanguages.LangOf(text, Language);

    /// <summary>The <c>dir</c> attribute for a right-to-left text on this left-to-right page, else null.</summary>
    public string? DirOf(TextInLanguage text) => FormLanguages.DirOf(text, Language);

    internal DateOnly Today => DateOnly.FromDateTime(TimeProvider.GetLocalNow().DateTime);

    private TimeProvider TimeProvider => services.Clock;

    /// <summary>Loads the draft for its owner and the exact service version it is filled in against; null result = go on.</summary>
    internal async Task<IActionResult?> LoadAsync(string service, Guid draftId, CancellationToken cancellationToken)
    {
        Citizen = await services.Citizens.GetAsync(HttpContext);
        var draft = await services.Drafts.FindAsync(draftId, Citizen, services.AnonymousKey.Find(HttpContext), cancellationToken);
        if (draft is null || draft.ServiceKey != service)
        {
            // Submitted already (a back button or a second click): show the receipt rather than an error.
            var submitted = await services.Submitted.FindAsync(draftId, cancellationToken);
            if (submitted is not null && submitted.ServiceKey == service && CaseAccess.CanSee(submitted, Citizen, services.AnonymousKey.Find(HttpContext)))
            {
                return Redirect(Url.Content($"~/e-tjanster/{service}/kvitto/{submitted.Number}"));
            }

            return Redirect(Url.Content($"~/e-tjanster/{Uri.EscapeDataString(service)}?utkast=saknas"));
        }

        var version = await services.Directory.FindVersionAsync(draft.ServiceVersionId, cancellationToken);
        if (version is null)
        {
            return NotFound();
        }

        Draft = draft;
        Service = version;
        FormLanguage = FormLanguages.Resolve(version.Form, draft.Language);
        Answers = AnswerJson.Read(draft.AnswersJson);
        return null;
    }
}

/// <summary>What every page of filling in a service needs, given to its constructor (one registration, no service location).</summary>
/// <remarks>Only what a GET needs: a step GET resolves these and nothing more (a submission's services come with the post).</remarks>
internal sealed class IntakePageServices(Citizens citizens, AnonymousKey anonymousKey, DraftStore drafts, SubmittedDrafts submitted, IServiceDirectory directory, TimeProvider clock)
{
    public Citizens Citizens { get; } = citizens;

    /// <summary>The browser's key to its anonymous drafts.</summary>
    public AnonymousKey AnonymousKey { get; } = anonymousKey;

    public DraftStore Drafts { get; } = drafts;

    /// <summary>Finds the case a draft became, for a back button after submitting.</summary>
    public SubmittedDrafts Submitted { get; } = submitted;

    public IServiceDirectory Directory { get; } = directory;

    public TimeProvider Clock { get; } = clock;
}
