using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Data;
using Hub.Integrations.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Catalog.Adoption;

/// <summary>Settings of adoption (<c>Hub:Catalog:Adoption</c>).</summary>
internal sealed class AdoptionOptions
{
    /// <summary>How often a node looks for following adoptions with a newer upstream version (a publish on this node wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Applies conflict-free updates to adoptions that follow their package: after a version is published on this node, and
/// every <see cref="AdoptionOptions.PollInterval"/> for other nodes' publishing and anything missed (a restart). Each
/// adoption is updated in its adopter's tenant scope by <see cref="Adoptions.FollowAsync"/>; the adoption's revision
/// makes two nodes' attempts at the same update one update.
/// </summary>
internal sealed partial class AdoptionFollower(
    IServiceScopeFactory scopes, ITenantScopes tenantScopes, IOptions<AdoptionOptions> options, TimeProvider clock, ILogger<AdoptionFollower> logger)
    : BackgroundService
{
    private readonly WakeSignal signal = new();

    /// <summary>Asks for a pass now (a version was published).</summary>
    public void Wake() => signal.Notify();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkerLoop.RunAsync(async token => { await RunOnceAsync(token); return options.Value.PollInterval; },
            (wait, token) => signal.SleepAsync(wait, clock, token), options.Value.PollInterval, exception => LogPassFailed(logger, exception), stoppingToken);

    /// <summary>One pass: tries every following adoption whose package has a version it has not tried; returns how many were updated.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<(Guid Id, Guid TenantId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            due = [.. (await (from adoption in db.Adoptions.AsNoTracking()
                              join package in db.CataloguePackages.AsNoTracking() on adoption.PackageId equals package.Id
                              where adoption.Following && package.Status == CatalogueStatus.Published && package.PublishedVersionId != null
                                    && package.PublishedVersionId != adoption.BaseVersionId
                                    && (adoption.AutoTriedVersionId == null || adoption.AutoTriedVersionId != package.PublishedVersionId)
                              select new { adoption.Id, adoption.AdopterTenantId }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.AdopterTenantId))];
        }

        var updated = 0;
        foreach (var (id, tenantId) in due)
        {
            if (tenantScopes.CreateScope(tenantId) is not { } tenantScope)
            {
                continue;
            }

            await using (tenantScope)
            {
                if (await tenantScope.ServiceProvider.GetRequiredService<Adoptions>().FollowAsync(id, cancellationToken))
                {
                    updated++;
                    LogUpdated(logger, id);
                }
            }
        }

        return updated;
    }

    public override void Dispose()
    {
        signal.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An adoption follower pass failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adoption {AdoptionId} took its package's new version automatically")]
    private static partial void LogUpdated(ILogger logger, Guid adoptionId);
}
