using Hub.Abstractions;
using Hub.Cases.Domain;
using Hub.Cases.Intake;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Hub.Identity.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Cases.Pages.Services;

/// <summary><c>/e-tjanster/{service}</c>: what the service is for, what is needed, and the button that starts it.</summary>
internal sealed class StartModel(IServiceDirectory directory, DraftStore drafts, ITenantContext tenantContext, TimeProvider clock) : PageModel
{
    public string Language { get; } = FormView.UiLanguage();

    public PublishedService Service { get; private set; } = null!;

    public Citizen? Citizen { get; private set; }

    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

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

        if (Citizen is not null)
        {
            Drafts = (await drafts.ListAsync(Citizen, cancellationToken)).Where(d => d.ServiceKey == service).ToList();
        }

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

        var draft = await drafts.CreateAsync(Service, Citizen, Citizen is null ? AnonymousKey.GetOrCreate(HttpContext) : null, Language, cancellationToken);
        var first = FormAnswerValidator.Validate(Service.Form, new Dictionary<string, AnswerValue>(), DateOnly.FromDateTime(clock.GetLocalNow().DateTime)).VisiblePages[0];
        return Redirect(Url.Content($"~/e-tjanster/{service}/ansokan/{draft.Id}/{first}"));
    }

    private async Task<IActionResult?> LoadAsync(string service, CancellationToken cancellationToken)
    {
        if (tenantContext.Tenant is null or { IsHub: true } || await directory.FindPublishedAsync(service, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Service = found;
        Citizen = await Citizens.GetAsync(HttpContext);
        return null;
    }
}
