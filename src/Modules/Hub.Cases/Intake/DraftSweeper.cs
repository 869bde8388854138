using Hub.Cases.Data;
using Hub.Cases.Files;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Cases.Intake;

/// <summary>
/// Removes what a citizen started and never sent: drafts past their expiry (<see cref="CasesOptions.DraftRetentionDays"/>,
/// <see cref="CasesOptions.AnonymousDraftRetentionHours"/>) with their uploaded files, and files that were uploaded to a
/// draft but left out of the submitted case. Works across tenants in batches; safe on several nodes (every delete is
/// idempotent: the disk file first, then its row, so a crash in between only leaves work for the next sweep).
/// </summary>
internal sealed partial class DraftSweeper(
    IServiceScopeFactory scopes, FileStore files, IOptions<CasesOptions> options, TimeProvider clock, ILogger<DraftSweeper> logger)
    : BackgroundService
{
    private const int BatchSize = 200;

    private static readonly string[] TenantFilterOnly = [TenantModelBuilderExtensions.TenantFilter];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep is logged and tried again at the next interval; the host keeps running.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogSweepFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.DraftSweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One full sweep; returns the number of drafts and files removed.</summary>
    public async Task<(int Drafts, int Files)> SweepAsync(CancellationToken cancellationToken)
    {
        int drafts = 0, removedFiles = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var expired = await db.Drafts.IgnoreQueryFilters(TenantFilterOnly)
                .Where(d => d.ExpiresUtc < now)
                .OrderBy(d => d.ExpiresUtc)
                .Select(d => d.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);

            // A file whose draft is gone and that no case took: left behind at submission, or its draft just expired.
            var allDrafts = db.Drafts.IgnoreQueryFilters(TenantFilterOnly);
            var unowned = await AllFiles(db)
                .Where(f => f.CaseId == null && (f.DraftId == null || expired.Contains(f.DraftId.Value) || !allDrafts.Any(d => d.Id == f.DraftId)))
                .Select(f => new { f.Id, f.TenantId })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (expired.Count == 0 && unowned.Count == 0)
            {
                break;
            }

            foreach (var file in unowned)
            {
                files.Delete(file.TenantId, file.Id);
            }

            var fileIds = unowned.Select(f => f.Id).ToList();
            var before = drafts + removedFiles;
            removedFiles += await AllFiles(db).Where(f => fileIds.Contains(f.Id) && f.CaseId == null).ExecuteDeleteAsync(cancellationToken);

            // The draft's remaining files (a draft can hold more than one batch) go first; the draft row last.
            if (expired.Count > 0 && !await AllFiles(db).AnyAsync(f => f.DraftId != null && expired.Contains(f.DraftId.Value) && f.CaseId == null, cancellationToken))
            {
                drafts += await db.Drafts.IgnoreQueryFilters(TenantFilterOnly)
                    .Where(d => expired.Contains(d.Id) && d.ExpiresUtc < now)
                    .ExecuteDeleteAsync(cancellationToken);
            }

            if (drafts + removedFiles == before)
            {
                break; // another node took this batch; the next sweep sees what is left
            }
        }

        if (drafts + removedFiles > 0)
        {
            LogSwept(logger, drafts, removedFiles);
        }

        return (drafts, removedFiles);
    }

    private static IQueryable<Domain.StoredFile> AllFiles(CasesDbContext db) =>
        db.Files.IgnoreQueryFilters(TenantFilterOnly);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Drafts} expired drafts and {Files} files no case kept")]
    private static partial void LogSwept(ILogger logger, int drafts, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired drafts failed; trying again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
