using System.Globalization;
using Hub.Abstractions;
using Hub.Cases.Data;
using Hub.Cases.Domain;
using Hub.Cases.Handling;
using Hub.Catalog.Contracts;
using Hub.Forms.Contracts;
using Hub.Packages.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Cases.Api;

/// <summary>
/// What a business system needs to map a municipality's cases (<c>services:read</c>): its published e-services, each
/// with its current version, the version's schema and the workflow's states and transitions; and aggregated case
/// figures (<c>statistics:read</c>) with small counts suppressed, as the open statistics will publish them.
/// </summary>
internal static class ServicesApi
{
    /// <summary>Counts below this are not given (a figure of 1–4 cases could point at a person).</summary>
    public const int SmallestCount = 5;

    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.MapGroup("/api/v1/services").WithTags("Services")
            .RequireAuthorization(ApiScopes.Policy(ApiScopes.ServicesRead));
        services.MapGet("", ListAsync).WithName("ListServices")
            .WithSummary("Lists the municipality's published e-services, each with its current version, schema and workflow.");
        services.MapGet("/{key}", GetAsync).WithName("GetService")
            .WithSummary("Reads one published e-service: its current version, schema, workflow states and transitions.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/api/v1/statistics/cases", CaseStatisticsAsync).WithName("GetCaseStatistics").WithTags("Statistics")
            .WithSummary("Counts the cases that came in during a period, per e-service, by channel and status; counts below 5 are suppressed.")
            .RequireAuthorization(ApiScopes.Policy(ApiScopes.StatisticsRead))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    internal static async Task<Ok<ServiceList>> ListAsync(HttpContext http, IServiceDirectory directory, CancellationToken cancellationToken)
    {
        var site = SiteLinks.Of(http.Request);
        var published = await directory.ListPublishedAsync(cancellationToken);
        return TypedResults.Ok(new ServiceList([.. published.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => ServiceDocument.Of(s, site))]));
    }

    internal static async Task<Results<Ok<ServiceDocument>, ProblemHttpResult>> GetAsync(
        string key, HttpContext http, IServiceDirectory directory, CancellationToken cancellationToken) =>
        await directory.FindPublishedAsync(key, cancellationToken) is { } service
            ? TypedResults.Ok(ServiceDocument.Of(service, SiteLinks.Of(http.Request)))
            : ApiProblems.NotFound($"There is no published e-service '{key}' here.");

    /// <summary>Cases that came in from <paramref name="from"/> to <paramref name="to"/> (dates, inclusive; default: this year so far).</summary>
    /// <param name="from">The first day, <c>yyyy-MM-dd</c>.</param>
    /// <param name="to">The last day, <c>yyyy-MM-dd</c>.</param>
    /// <param name="db">The tenant's cases.</param>
    /// <param name="clock">Today.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    internal static async Task<Results<Ok<CaseStatistics>, ProblemHttpResult>> CaseStatisticsAsync(
        string? from, string? to, CasesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!TryDate(from, new DateOnly(today.Year, 1, 1), out var first))
        {
            return ApiProblems.InvalidParameter("from", "Give the first day as yyyy-MM-dd.");
        }

        if (!TryDate(to, today, out var last) || last < first)
        {
            return ApiProblems.InvalidParameter("to", "Give the last day as yyyy-MM-dd, on or after the first.");
        }

        var start = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Counted in the database; a case still waiting for signatures has not come in.
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.SubmittedUtc >= start && c.SubmittedUtc < end && c.Status != CaseStatus.WaitingForSignature)
            .GroupBy(c => new { c.ServiceKey, c.Channel, c.Status })
            .Select(g => new { g.Key.ServiceKey, g.Key.Channel, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var services = rows.GroupBy(r => r.ServiceKey).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var total = g.Sum(r => r.Count);
            var digital = g.Where(r => r.Channel == CaseChannels.Digital).Sum(r => r.Count);
            return new ServiceStatistics(g.Key, Shown(total), Shown(digital),
                total >= SmallestCount ? Math.Round(100.0 * digital / total, 1) : null,
                g.GroupBy(r => r.Channel).OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => Shown(c.Sum(r => r.Count))),
                g.GroupBy(r => CaseSummary.StatusName(r.Status)).OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => Shown(s.Sum(r => r.Count))));
        }).ToList();
        return TypedResults.Ok(new CaseStatistics(first, last, SmallestCount, services));
    }

    private static int? Shown(int count) => count >= SmallestCount ? count : null;

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (text is null)
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

/// <summary>The municipality's published e-services.</summary>
internal sealed record ServiceList(IReadOnlyList<ServiceDocument> Items);

/// <summary>One published e-service as a business system maps it.</summary>
/// <param name="Key">The service's key (the <c>service</c> of its cases).</param>
/// <param name="Version">Its current version; older cases name their own.</param>
/// <param name="VersionId">The version's id (the <c>serviceVersionId</c> of its cases).</param>
/// <param name="Title">The service's name per language.</param>
/// <param name="Category">Its category in the catalogue.</param>
/// <param name="HandlingDays">The days within which a decision is promised.</param>
/// <param name="Schema">The XSD its cases' XML is valid against.</param>
/// <param name="Languages">The languages its form is in.</param>
/// <param name="States">Its workflow's states.</param>
/// <param name="Transitions">Its workflow's moves (what <c>POST /cases/{number}/transitions</c> takes).</param>
internal sealed record ServiceDocument(
    string Key, string Version, Guid VersionId, IReadOnlyDictionary<string, string> Title, string Category, int HandlingDays, Uri Schema,
    IReadOnlyList<string> Languages, IReadOnlyList<StateDocument> States, IReadOnlyList<TransitionDocument> Transitions)
{
    public static ServiceDocument Of(PublishedService s, string site)
    {
        var workflow = s.Package.EffectiveWorkflow;
        return new ServiceDocument(s.Key, s.Version, s.VersionId, Texts(s.Package.Title), s.Package.Category, s.Package.HandlingDays,
            CaseXml.SchemaUri(site, s.VersionId), s.Form.Languages,
            [.. workflow.States.Select(st => new StateDocument(st.Key, CaseSummary.StatusName(Case.StatusOf(st.Category)), Texts(st.Label), st.Initial))],
            [.. workflow.Transitions.Select(t => new TransitionDocument(t.Key, t.From, t.To, Texts(t.Label)))]);
    }

    private static Dictionary<string, string> Texts(LocalizedText text) => text.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}

/// <summary>A workflow state: its key, the case status it means, its name per language.</summary>
internal sealed record StateDocument(string Key, string Status, IReadOnlyDictionary<string, string> Label, bool Initial);

/// <summary>A workflow move.</summary>
internal sealed record TransitionDocument(string Key, IReadOnlyList<string> From, string To, IReadOnlyDictionary<string, string> Label);

/// <summary>Cases that came in during a period, per service. A count below <see cref="SmallestCount"/> is null.</summary>
internal sealed record CaseStatistics(DateOnly From, DateOnly To, int SmallestCount, IReadOnlyList<ServiceStatistics> Services);

/// <summary>One service's cases: in all, digitally (and its share in per cent), per channel and per status.</summary>
internal sealed record ServiceStatistics(
    string Service, int? Total, int? Digital, double? DigitalShare, IReadOnlyDictionary<string, int?> Channels, IReadOnlyDictionary<string, int?> Statuses);
