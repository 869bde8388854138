using System.Globalization;
using System.Security.Claims;
using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Contracts;
using Hub.Catalog.Resources;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hub.Catalog.Pages.Catalogue;

/// <summary>What the catalogue's pages share: the language, the texts, the acting staff account and problems by field.</summary>
internal abstract class CataloguePage(CataloguePageServices services) : PageModel
{
    /// <summary>The page's language, <c>sv</c> or <c>en</c>.</summary>
    public string Language { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";

    public IStringLocalizer<CatalogueTexts> Texts => services.Texts;

    protected ICrossTenantCatalogue Catalogue => services.Catalogue;

    protected TenantSnapshot? Tenant => services.Tenant.Tenant;

    protected Hub.Tenancy.Contracts.ITenantDirectory Tenants => services.Tenants;

    /// <summary>The signed-in staff account as the catalogue sees it (only called behind a staff policy).</summary>
    protected CatalogueActor Actor()
    {
        var (userName, name) = StaffClaims.Of(User);
        return new CatalogueActor(Tenant!.Id, userName, name, User.FindFirstValue(ClaimTypes.Email),
            IsReviewer: User.IsInRole(HubRoles.Coordinator) || (Tenant.IsHub && User.IsInRole(HubRoles.HubAdmin)),
            IsServiceOwner: !Tenant.IsHub && (User.IsInRole(HubRoles.ServiceOwner) || User.IsInRole(HubRoles.TenantAdmin)));
    }

    /// <summary>
    /// An absolute address on another tenant's site (the hub's catalogue from a municipality, a municipality's admin in
    /// a mail): its first host name when it has one, else this host with its slug as first segment.
    /// </summary>
    public string TenantUrl(string slug, string path)
    {
        var tenant = services.Tenants.FindBySlug(slug);
        return tenant is { HostNames.Count: > 0 }
            ? $"{Request.Scheme}://{tenant.HostNames[0]}{path}"
            : $"{Request.Scheme}://{Request.Host}/{slug}{path}";
    }

    /// <summary>Packages per page of a listing.</summary>
    public const int PageSize = 50;

    /// <summary>The listing's page (<c>?sida=</c>, from 1).</summary>
    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many the listing has in all (for the pager).</summary>
    public int Total { get; protected set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The address of page <paramref name="number"/> of the listing, with the page's other query values.</summary>
    public string PageUrl(int number)
    {
        var query = Request.Query.Where(q => q.Key != "sida").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").ToList();
        if (number > 1)
        {
            query.Add("sida=" + number.ToString(CultureInfo.InvariantCulture));
        }

        return Request.Path + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    /// <summary>Loads one page of the listing into <see cref="Total"/> and returns it (a page past the end shows the last).</summary>
    protected async Task<IReadOnlyList<CatalogueListing>> ListPageAsync(string? category, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var (items, total) = await Catalogue.ListAsync(category, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        Total = total;
        if (items.Count == 0 && total > 0 && PageNumber > PageCount)
        {
            PageNumber = PageCount;
            (items, _) = await Catalogue.ListAsync(category, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        }

        return items;
    }

    /// <summary>The absolute address of an adoption's page on its adopter's site (for mail to adopters).</summary>
    public string AdoptionLink(string slug, Guid adoptionId) => TenantUrl(slug, $"/admin/katalog/anpassning/{adoptionId}");

    /// <summary>
    /// The page's answer to an action: to <paramref name="doneUrl"/> when done, 404 when there was nothing the person may
    /// act on, else the page again with the problems next to their fields.
    /// </summary>
    protected IActionResult Outcome(CatalogueResult result, string doneUrl)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case CatalogueOutcome.Done:
                return Redirect(doneUrl);
            case CatalogueOutcome.NotFound:
                return NotFound();
            case CatalogueOutcome.Conflict:
                ModelState.AddModelError("", Texts["Problem.Conflict"]);
                break;
            default:
                AddProblems(result.Problems);
                break;
        }

        return Page();
    }

    /// <summary>Puts each problem next to its field (or in the summary when it has none).</summary>
    protected void AddProblems(IEnumerable<CatalogueProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, Texts[problem.Key, [.. problem.Arguments]]);
        }
    }

    public string Describe(QualityFinding finding) => services.Gate.Describe(finding, CultureInfo.CurrentUICulture);

    /// <summary>A version's content (stored versions always read; they were checked on submission).</summary>
    public static ServicePackage PackageOf(CataloguePackageVersion version) => ServicePackageJson.Read(version.Content).Package!;

    public string StatusName(CatalogueStatus status) => Texts["Status." + status];

    public string OriginName(CatalogueOrigin origin) => Texts["Origin." + origin];

    public string MaturityName(CatalogueMaturity maturity) => Texts["Maturity." + maturity];

    public string DocumentName(string kind) => Texts["Doc." + kind];

    public static string Date(DateTime utc) => utc.ToLocalTime().ToString("d", CultureInfo.CurrentCulture);

    public static string StatusTag(CatalogueStatus status) => status switch
    {
        CatalogueStatus.Published or CatalogueStatus.Approved => "tag",
        CatalogueStatus.Deprecated or CatalogueStatus.ChangesRequested => "tag tag--warning",
        _ => "tag tag--off",
    };
}

/// <summary>What every catalogue page needs, given to its constructor (one registration, no service location).</summary>
internal sealed class CataloguePageServices(
    IStringLocalizer<CatalogueTexts> texts, ICrossTenantCatalogue catalogue, ITenantContext tenant,
    Hub.Tenancy.Contracts.ITenantDirectory tenants, IServiceQualityGate gate)
{
    public IStringLocalizer<CatalogueTexts> Texts { get; } = texts;

    public ICrossTenantCatalogue Catalogue { get; } = catalogue;

    public ITenantContext Tenant { get; } = tenant;

    /// <summary>Every tenant's address, for links to another tenant's site.</summary>
    public Hub.Tenancy.Contracts.ITenantDirectory Tenants { get; } = tenants;

    public IServiceQualityGate Gate { get; } = gate;
}
