using Hub.Catalog.Data;
using Hub.Packages.Contracts;
using Hub.Search.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Catalog.Catalogue;

/// <summary>
/// The catalogue's search index on this node: the Search module's Lucene.Net index with its Swedish analysis (stems,
/// compound parts), one index for the whole catalogue. The first search builds it; a change on this node makes the next
/// search rebuild it first (the person who changed the catalogue sees the change); every <see cref="Freshness"/> a
/// search checks in the background whether another node changed the catalogue (a count and the newest change) and
/// rebuilds only then, answering from the index as it is meanwhile. One build at a time.
/// </summary>
internal sealed partial class CatalogueSearch(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CatalogueSearch> logger) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    /// <summary>The states a package is listed and found in.</summary>
    public static readonly CatalogueStatus[] Listed = [CatalogueStatus.Published, CatalogueStatus.Deprecated];

    // One private ServiceSearchIndexes holding a single index keyed by Guid.Empty: it is the Search module's public way to
    // own an index, and keeps the catalogue's documents apart from every tenant's own e-service index.
    private readonly ServiceSearchIndexes indexes = new();
    private readonly SemaphoreSlim building = new(1, 1);
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;
    private (int Count, DateTime Latest) builtFrom;
    private volatile bool built;
    private volatile bool stale = true;

    /// <summary>Whether the next search builds or checks the index.</summary>
    public bool NeedsBuild => stale || !built || clock.GetUtcNow() - checkedAt > Freshness;

    /// <summary>Makes the index ready for a search: built (waiting) when it never was or this node changed the catalogue, else checked in the background when due.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (!built || stale)
        {
            await RefreshAsync(wait: true, cancellationToken);
        }
        else if (clock.GetUtcNow() - checkedAt > Freshness && building.CurrentCount > 0)
        {
            _ = Task.Run(() => RefreshAsync(wait: false, CancellationToken.None), CancellationToken.None);
        }
    }

    public IReadOnlyList<ServiceSearchHit> Search(string query, string language, int max) => indexes.For(Guid.Empty).Search(query, language, max);

    /// <summary>This node changed the catalogue: the next search rebuilds first.</summary>
    public void Invalidate() => stale = true;

    public void Dispose()
    {
        indexes.Dispose();
        building.Dispose();
    }

    private async Task RefreshAsync(bool wait, CancellationToken cancellationToken)
    {
        if (!await building.WaitAsync(wait ? Timeout.Infinite : 0, cancellationToken))
        {
            return;
        }

        try
        {
            if (wait && built && !stale)
            {
                return; // Another search built it while this one waited.
            }

            var forced = !built || stale;
            stale = false;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            var listed = db.CataloguePackages.AsNoTracking().Where(p => Listed.Contains(p.Status));
            var signature = (await listed.CountAsync(cancellationToken), await listed.MaxAsync(p => (DateTime?)p.UpdatedUtc, cancellationToken) ?? DateTime.MinValue);
            checkedAt = clock.GetUtcNow();
            if (!forced && signature == builtFrom)
            {
                return;
            }

            var rows = await listed.ToListAsync(cancellationToken);
            indexes.For(Guid.Empty).Replace(rows.SelectMany(Documents));
            builtFrom = signature;
            built = true;
        }
#pragma warning disable CA1031 // A background check that fails is logged; the next search tries again.
        catch (Exception exception) when (!wait)
#pragma warning restore CA1031
        {
            LogRefreshFailed(logger, exception);
        }
        finally
        {
            building.Release();
        }
    }

    private static IEnumerable<ServiceSearchDocument> Documents(CataloguePackage package)
    {
        var keywords = package.Keywords?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return ((string[])["sv", "en"]).Select(language => new ServiceSearchDocument(
            package.Id.ToString("N"), language, language == "en" ? package.TitleEn ?? package.TitleSv : package.TitleSv,
            language == "en" ? package.SummaryEn ?? package.SummarySv : package.SummarySv, ServiceCategories.Name(package.Category, language), keywords));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the catalogue's search index in the background failed; the next search tries again")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
