using Hub.Tenancy.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Tenancy.Resolution;

/// <summary>Keeps every node's snapshot current: a change made on another node shows here within one poll interval.</summary>
internal sealed class TenantRegistryRefresher(
    TenantRegistry registry,
    IServiceScopeFactory scopes,
    IOptions<TenancyOptions> options,
    TimeProvider clock,
    ILogger<TenantRegistryRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var stamp = await TenantRegistry.StampAsync(scope.ServiceProvider.GetRequiredService<TenancyDbContext>(), stoppingToken);
                if (stamp != registry.Current.Stamp)
                {
                    await registry.RefreshAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed poll (database restarting) must not stop later polls; it is logged.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogWarning(exception, "Could not check the tenant registry for changes");
            }
        }
    }
}

/// <summary>Options of the tenancy module, section <c>Hub:Tenancy</c>.</summary>
internal sealed class TenancyOptions
{
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Folder of recipe files; defaults to <c>recipes/</c> beside the app.</summary>
    public string? RecipesPath { get; set; }

    /// <summary>
    /// Recipes applied at start-up when their tenant does not exist yet (appsettings.json names the hub's; Development
    /// the demo's four). No default here: the configuration binder appends to a list, it does not replace it.
    /// </summary>
    public List<string> ProvisionOnStart { get; set; } = [];
}
