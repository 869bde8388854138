using Hub.Abstractions;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Hub.Catalog.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hub.Cases.Pages.Admin.Cases;

/// <summary>
/// <c>/admin/arenden</c>: the officers' inbox. Open cases newest first, filtered by status, service, assignment and
/// overdue, and searched by case number or the submitter's name. Filters are a GET form: a filtered list is a link.
/// </summary>
[Authorize(Policy = HubPolicies.CaseOfficer)]
internal sealed class IndexModel(CasesDbContext db, IServiceDirectory directory, HandlingGroups groups, TimeProvider clock) : PageModel
{
    /// <summary>At most this many cases are listed; the page says when there are more.</summary>
    public const int PageSize = 200;

    /// <summary>The status filter's values, in the order offered.</summary>
    public static IReadOnlyList<string> StatusFilters { get; } = ["oppna", "nya", "pagaende", "vantar", "beslutade", "avslutade", "alla"];

    /// <summary>The assignment filter's values ("" = everyone's).</summary>
    public static IReadOnlyList<string> AssignmentFilters { get; } = ["", "mina", "min-grupp", "ofordelade"];

    public string Language { get; } = FormView.UiLanguage();

    [BindProperty(SupportsGet = true, Name = "status")]
    public string Status { get; set; } = "oppna";

    [BindProperty(SupportsGet = true, Name = "tjanst")]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true, Name = "tilldelning")]
    public string? Assignment { get; set; }

    [BindProperty(SupportsGet = true, Name = "forsenade")]
    public bool OverdueOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Case> Cases { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>Cases of the last 365 days, and how many of them came through an e-service: the digital share.</summary>
    public int YearTotal { get; private set; }

    public int YearDigital { get; private set; }

    public IReadOnlyList<PublishedService> Services { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Handling groups' names by key.</summary>
    public IReadOnlyDictionary<string, string> GroupNames { get; private set; } = new Dictionary<string, string>();

    public string GroupName(string? key) => key is null ? "–" : GroupNames.GetValueOrDefault(key, key);

    public string TitleOf(string serviceKey) =>
        Services.FirstOrDefault(s => s.Key == serviceKey) is { } service ? service.Package.Title.Pick(Language, service.Form.DefaultLanguage).Text : serviceKey;

    public static bool IsOverdue(Case @case, DateOnly today) =>
        @case.ExpectedDecisionBy < today && @case.Status is not (CaseStatus.Decided or CaseStatus.Closed or CaseStatus.Withdrawn);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Services = await directory.ListPublishedAsync(cancellationToken);
        if (!StatusFilters.Contains(Status))
        {
            Status = "oppna";
        }

        var cases = Status switch
        {
            "nya" => db.Cases.Where(c => c.Status == CaseStatus.Submitted),
            "pagaende" => db.Cases.Where(c => c.Status == CaseStatus.InProgress),
            "vantar" => db.Cases.Where(c => c.Status == CaseStatus.WaitingForCitizen || c.Status == CaseStatus.WaitingForSignature),
            "beslutade" => db.Cases.Where(c => c.Status == CaseStatus.Decided),
            "avslutade" => db.Cases.Where(c => c.Status == CaseStatus.Closed || c.Status == CaseStatus.Withdrawn),
            "alla" => db.Cases,
            _ => db.Cases.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Withdrawn),
        };
        if (!string.IsNullOrEmpty(Service))
        {
            cases = cases.Where(c => c.ServiceKey == Service);
        }

        var (me, _) = StaffClaims.Of(User);
        var scope = await OfficerScope.ForAsync(groups, me, cancellationToken);
        GroupNames = scope.Groups.ToDictionary(g => g.Key, g => g.Name);
        var myGroups = scope.MyGroups;
        cases = scope.Filter(cases);
        cases = Assignment switch
        {
            "mina" => cases.Where(c => c.AssignedTo == me),
            "min-grupp" => cases.Where(c => c.HandlingGroup != null && myGroups.Contains(c.HandlingGroup)),
            "ofordelade" => cases.Where(c => c.AssignedTo == null),
            _ => cases,
        };
        if (OverdueOnly)
        {
            var today = Today;
            cases = cases.Where(c => c.ExpectedDecisionBy < today
                && c.Status != CaseStatus.Decided && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Withdrawn);
        }

        if (Query?.Trim() is { Length: > 0 } query)
        {
            var upper = query.ToUpperInvariant();
            var lower = query.ToLowerInvariant();
            // Translated to SQL lower(); SQLite's lowers ASCII letters only, so "åsa" does not find "Åsa" there.
#pragma warning disable CA1304, CA1311, CA1862 // not run in .NET: the database compares
            cases = cases.Where(c => c.Number.Contains(upper) || (c.SubmitterName != null && c.SubmitterName.ToLower().Contains(lower)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        Total = await cases.CountAsync(cancellationToken);
        var yearAgo = clock.GetUtcNow().UtcDateTime.AddDays(-365);
        var channels = await db.Cases.Where(c => c.SubmittedUtc >= yearAgo).GroupBy(c => c.Channel == CaseChannels.Digital)
            .Select(g => new { Digital = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        YearTotal = channels.Sum(c => c.Count);
        YearDigital = channels.Where(c => c.Digital).Sum(c => c.Count);
        Cases = await cases.AsNoTracking().OrderByDescending(c => c.SubmittedUtc).Take(PageSize).ToListAsync(cancellationToken);
    }
}
