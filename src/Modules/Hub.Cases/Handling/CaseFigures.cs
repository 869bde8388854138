using Hub.Cases.Data;
using Hub.Cases.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hub.Cases.Handling;

/// <summary>
/// Aggregated case figures of the current tenant for a period: per service, how many cases came in, through which
/// channel, and in which status they are now. The open statistics page and the API's <c>statistics:read</c> both read
/// these, and both publish them through <see cref="Published"/>: a count below <see cref="SmallestCount"/> is withheld.
/// </summary>
internal sealed class CaseFigures(CasesDbContext db)
{
    /// <summary>Counts below this are not published: a figure of 1–4 cases could point at a person.</summary>
    public const int SmallestCount = 5;

    /// <summary>The count if it may be published, else null.</summary>
    public static int? Published(int count) => count >= SmallestCount ? count : null;

    /// <summary>The digital share in per cent (one decimal) if the total may be published, else null.</summary>
    public static double? PublishedShare(int digital, int total) => total >= SmallestCount ? Math.Round(100.0 * digital / total, 1) : null;

    /// <summary>
    /// Reads a period from <paramref name="from"/> and <paramref name="to"/> (<c>yyyy-MM-dd</c>, inclusive; by default
    /// this year so far); <paramref name="wrong"/> names the parameter that is not a date or ends before the start.
    /// </summary>
    public static bool TryPeriod(string? from, string? to, DateOnly today, out DateOnly first, out DateOnly last, out string? wrong)
    {
        var firstRead = TryDate(from, new DateOnly(today.Year, 1, 1), out first);
        var lastRead = TryDate(to, today, out last);
        wrong = !firstRead ? "from" : !lastRead || last < first ? "to" : null;
        return wrong is null;
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrEmpty(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
    }

    /// <summary>Cases that came in from <paramref name="first"/> to <paramref name="last"/> (inclusive), by service key.</summary>
    public async Task<IReadOnlyList<ServiceFigures>> ForPeriodAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var start = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Counted in the database under the tenant's filter; a case still waiting for signatures has not come in.
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.SubmittedUtc >= start && c.SubmittedUtc < end && c.Status != CaseStatus.WaitingForSignature)
            .GroupBy(c => new { c.ServiceKey, c.Channel, c.Status })
            .Select(g => new { g.Key.ServiceKey, g.Key.Channel, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ServiceKey).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ServiceFigures(
            g.Key,
            g.Sum(r => r.Count),
            g.Where(r => r.Channel == CaseChannels.Digital).Sum(r => r.Count),
            g.GroupBy(r => r.Channel).OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Sum(r => r.Count)),
            g.GroupBy(r => r.Status).OrderBy(s => s.Key).ToDictionary(s => s.Key, s => s.Sum(r => r.Count)))).ToList();
    }
}

/// <summary>One service's cases in a period (raw counts: publish them through <see cref="CaseFigures.Published"/>).</summary>
internal sealed record ServiceFigures(
    string Service, int Total, int Digital, IReadOnlyDictionary<string, int> Channels, IReadOnlyDictionary<CaseStatus, int> Statuses);
