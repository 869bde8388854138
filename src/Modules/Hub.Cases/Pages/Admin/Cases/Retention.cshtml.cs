using Hub.Abstractions;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Hub.Catalog.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Cases.Pages.Admin.Cases;

/// <summary>
/// <c>/admin/arenden/gallring</c>: the dry run of retention: closed cases whose personal data is due for removal now
/// or within 30 days, by each service's rule; and a button that removes what is due now.
/// </summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class RetentionModel(CaseRetention retention, IServiceDirectory directory) : PageModel
{
    /// <summary>How far ahead the dry run looks.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(30);

    public string Language { get; } = FormView.UiLanguage();

    public IReadOnlyList<RetentionItem> Items { get; private set; } = [];

    public IReadOnlyList<PublishedService> Services { get; private set; } = [];

    [TempData]
    public int? Removed { get; set; }

    public string TitleOf(string key) =>
        Services.FirstOrDefault(s => s.Key == key) is { } s ? s.Package.Title.Pick(Language, s.Form.DefaultLanguage).Text : key;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Services = await directory.ListPublishedAsync(cancellationToken);
        Items = await retention.PlanAsync(Ahead, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (userName, _) = StaffClaims.Of(User);
        Removed = await retention.RunDueAsync("staff:" + userName, cancellationToken);
        return Redirect(Url.Content("~/admin/arenden/gallring"));
    }
}
