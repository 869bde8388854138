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
/// or within 30 days, by each service's rule, each with its latest archive package if one was taken; a button that
/// removes what is due now; and the archive packages that have left the hub, so the archivist knows what can be culled.
/// </summary>
[Authorize(Policy = HubPolicies.TenantAdmin)]
internal sealed class RetentionModel(CaseRetention retention, CaseArchive archive, IServiceDirectory directory) : PageModel
{
    /// <summary>How far ahead the dry run looks.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(30);

    /// <summary>How many of the latest packages the page lists.</summary>
    public const int PackagesShown = 50;

    /// <summary>How many hex digits of a checksum people are shown: enough to match a package by eye.</summary>
    public const int ChecksumPrefix = 12;

    public string Language { get; } = FormView.UiLanguage();

    public IReadOnlyList<RetentionItem> Items { get; private set; } = [];

    public IReadOnlyList<PublishedService> Services { get; private set; } = [];

    /// <summary>The latest package of each case in the dry run that has one, by case number.</summary>
    public IReadOnlyDictionary<string, ArchivedCase> Archived { get; private set; } = new Dictionary<string, ArchivedCase>();

    /// <summary>The latest packages taken of the municipality's cases, newest first.</summary>
    public IReadOnlyList<ArchivedCase> Packages { get; private set; } = [];

    [TempData]
    public int? Removed { get; set; }

    public string TitleOf(string key) =>
        Services.FirstOrDefault(s => s.Key == key) is { } s ? s.Package.Title.Pick(Language, s.Form.DefaultLanguage).Text : key;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Services = await directory.ListPublishedAsync(cancellationToken);
        Items = await retention.PlanAsync(Ahead, cancellationToken);
        Archived = await archive.LatestOfAsync([.. Items.Select(i => i.Number)], cancellationToken);
        Packages = await archive.LatestAsync(PackagesShown, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (userName, _) = StaffClaims.Of(User);
        Removed = await retention.RunDueAsync("staff:" + userName, cancellationToken);
        return Redirect(Url.Content("~/admin/arenden/gallring"));
    }
}
