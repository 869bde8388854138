using System.Globalization;
using System.Text;
using Hub.Abstractions;
using Hub.Cases.Handling;
using Hub.Cases.Intake;
using Hub.Cases.Resources;
using Hub.Catalog.Contracts;
using Hub.Tenancy.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Hub.Cases.Pages.Statistics;

/// <summary>
/// <c>/statistik</c>: the municipality's open figures, public and without personal data: per e-service, how many cases
/// came in during a period and the share that came digitally, against the 25 % the sources name as where an e-service
/// starts to pay (D11); as an SVG chart drawn on the server, a table and one sentence, and as CSV (<c>/statistik/csv</c>).
/// Counts below 5 are withheld (<see cref="CaseFigures.Published"/>). At the hub (<c>/hub/statistik</c>) the rows are
/// the member municipalities, each counted in a scope of its own tenant, so every read stays under its tenant guard.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(
    CaseFigures figures, IServiceDirectory directory, ITenantContext tenantContext, ITenantDirectory tenants, ITenantScopes scopes,
    TimeProvider clock, IStringLocalizer<CasesTexts> texts) : PageModel
{
    /// <summary>The share the sources name as the break-even of an e-service, in per cent.</summary>
    public const double BreakEven = 25;

    public string Language { get; } = FormView.UiLanguage();

    /// <summary>The first day as typed (<c>yyyy-MM-dd</c>); empty for the start of the year.</summary>
    [BindProperty(SupportsGet = true, Name = "fran")]
    public string? From { get; set; }

    /// <summary>The last day as typed; empty for today.</summary>
    [BindProperty(SupportsGet = true, Name = "till")]
    public string? To { get; set; }

    public DateOnly First { get; private set; }

    public DateOnly Last { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>All the period's cases, digitally and in all (null when fewer than 5).</summary>
    public int? Total { get; private set; }

    public double? Share { get; private set; }

    public string Query => $"fran={First:yyyy-MM-dd}&till={Last:yyyy-MM-dd}";

    /// <summary>True at the hub: the rows are municipalities, not e-services.</summary>
    public bool AcrossMunicipalities => tenantContext.Tenant is { IsHub: true };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>The table as CSV (UTF-8, comma-separated, a withheld count empty).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return BadRequest();
        }

        var csv = new StringBuilder((AcrossMunicipalities ? "municipality" : "service") + ",title,from,to,cases,digital,digital_share_percent\r\n");
        foreach (var row in Rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Key},{Quoted(row.Title)},{First:yyyy-MM-dd},{Last:yyyy-MM-dd},{row.Total},{row.Digital},{row.Share?.ToString("0.0", CultureInfo.InvariantCulture)}\r\n");
        }

        Response.Headers.CacheControl = "no-cache";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"statistik-{First:yyyy-MM-dd}-{Last:yyyy-MM-dd}.csv");
    }

    /// <summary>The rows that go into the chart: those whose share may be published.</summary>
    public IReadOnlyList<Row> Charted => [.. Rows.Where(r => r.Share is not null)];

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!CaseFigures.TryPeriod(From, To, today, out var first, out var last, out var wrong))
        {
            ModelState.AddModelError(wrong == "from" ? "fran" : "till", texts["Stats.Error." + wrong].Value);
            (First, Last) = (new DateOnly(today.Year, 1, 1), today);
            return false;
        }

        (First, Last) = (first, last);
        if (AcrossMunicipalities)
        {
            await LoadMunicipalitiesAsync(cancellationToken);
            return true;
        }

        var counted = (await figures.ForPeriodAsync(first, last, cancellationToken)).ToDictionary(f => f.Service, StringComparer.Ordinal);
        var published = await directory.ListPublishedAsync(cancellationToken);
        var keys = published.Select(s => s.Key).Union(counted.Keys, StringComparer.Ordinal);
        Rows = keys.Select(key =>
        {
            var title = published.FirstOrDefault(s => s.Key == key) is { } s ? s.Package.Title.Pick(Language, s.Form.DefaultLanguage).Text : key;
            var f = counted.GetValueOrDefault(key);
            return new Row(key, title, CaseFigures.Published(f?.Total ?? 0), CaseFigures.Published(f?.Digital ?? 0), CaseFigures.PublishedShare(f?.Digital ?? 0, f?.Total ?? 0));
        }).OrderBy(r => r.Title, StringComparer.Create(CultureInfo.GetCultureInfo(Language == "sv" ? "sv-SE" : "en-GB"), false)).ToList();
        var all = counted.Values.Sum(f => f.Total);
        Total = CaseFigures.Published(all);
        Share = CaseFigures.PublishedShare(counted.Values.Sum(f => f.Digital), all);
        return true;
    }

    /// <summary>One row per running municipality, its figures read in its own tenant's scope.</summary>
    private async Task LoadMunicipalitiesAsync(CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        var (all, digital) = (0, 0);
        foreach (var tenant in tenants.All.Where(t => !t.IsHub && t.State == TenantState.Running))
        {
            if (scopes.CreateScope(tenant.Id) is not { } scope)
            {
                continue;
            }

            await using (scope)
            {
                var counted = await scope.ServiceProvider.GetRequiredService<CaseFigures>().ForPeriodAsync(First, Last, cancellationToken);
                var (total, online) = (counted.Sum(f => f.Total), counted.Sum(f => f.Digital));
                (all, digital) = (all + total, digital + online);
                rows.Add(new Row(tenant.Slug, tenant.Settings.DisplayName, CaseFigures.Published(total), CaseFigures.Published(online), CaseFigures.PublishedShare(online, total)));
            }
        }

        Rows = [.. rows.OrderBy(r => r.Title, StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false))];
        Total = CaseFigures.Published(all);
        Share = CaseFigures.PublishedShare(digital, all);
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One e-service's published figures (null: fewer than 5).</summary>
    public sealed record Row(string Key, string Title, int? Total, int? Digital, double? Share);
}
