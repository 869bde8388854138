using Hub.Cases.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Cases.Pages.Services;

/// <summary><c>/e-tjanster/{service}/kvitto/{number}</c>: the receipt, shown only once the case is committed; printable.</summary>
internal sealed class ReceiptModel(Citizens citizens, AnonymousKey anonymousKey, CaseReader cases) : PageModel
{
    public string Language { get; } = FormView.UiLanguage();

    public CaseDetails Details { get; private set; } = null!;

    public FormView View { get; private set; } = null!;

    public bool LoggedIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string service, string number, CancellationToken cancellationToken)
    {
        var citizen = await citizens.GetAsync(HttpContext);
        LoggedIn = citizen is not null;
        var details = await cases.FindAsync(number, citizen, anonymousKey.Find(HttpContext), cancellationToken);
        if (details is null || details.Case.ServiceKey != service)
        {
            return NotFound();
        }

        Details = details;
        View = new FormView(details.Service.Form, details.Answers, new Dictionary<string, string>(), FormLanguages.Resolve(details.Service.Form, details.Case.Language)) { PageLanguage = Language };
        return Page();
    }
}
