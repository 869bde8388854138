using Hub.Abstractions;
using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Domain;
using Hub.Integrations.Email;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Integrations.Tests.Support;

/// <summary>
/// One hub node reduced to what e-mail needs (the data layer and this module), so a test can run two on one database,
/// swap the clock for a <see cref="FakeTimeProvider"/>, or drive the dispatcher by hand.
/// </summary>
internal sealed class EmailNode : IAsyncDisposable
{
    private readonly IHost host;
    private bool started;

    private EmailNode(IHost host, string contentRoot)
    {
        this.host = host;
        ContentRoot = contentRoot;
    }

    public IServiceProvider Services => host.Services;

    public string ContentRoot { get; }

    public Hub.Integrations.Timers.TimerWorker Timers => Services.GetServices<IHostedService>().OfType<Hub.Integrations.Timers.TimerWorker>().Single();

    public CrossTenantEmailDispatcher Dispatcher => Services.GetServices<IHostedService>().OfType<CrossTenantEmailDispatcher>().Single();

    /// <summary>Builds a node on <paramref name="database"/> and migrates it; starts the dispatcher loop unless told not to.</summary>
    public static async Task<EmailNode> CreateAsync(
        TestDatabase database, IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null, bool start = true,
        Action<IServiceCollection>? configure = null)
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "hub-tests", "node-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(contentRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = "Testing",
            ContentRootPath = contentRoot,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Database:Provider"] = database.Provider.ToString(),
            ["Hub:Database:ConnectionString"] = database.ConnectionString,
            ["Hub:Email:From"] = "noreply@hub.test",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHubData();
        builder.AddIntegrationsModule();
        builder.Services.AddScoped<TestTenantContext>();
        builder.Services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TestTenantContext>());
        builder.Services.AddSingleton<TestTenantScopes>();
        builder.Services.AddSingleton<ITenantScopes>(sp => sp.GetRequiredService<TestTenantScopes>());
        configure?.Invoke(builder.Services);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        var node = new EmailNode(builder.Build(), contentRoot);
        await node.Services.MigrateHubDatabaseAsync();
        if (start)
        {
            try
            {
                await node.host.StartAsync();
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }

            node.started = true;
        }

        return node;
    }

    public static TenantSnapshot NewTenant(string displayName = "Tyresö kommun") => new(
        Guid.NewGuid(), "t" + Guid.NewGuid().ToString("N")[..10], TenantState.Running, [], TenantSettings.Default(displayName),
        new HashSet<string>(), 1);

    /// <summary>A scope acting as <paramref name="tenant"/>, or outside any tenant when null.</summary>
    public AsyncServiceScope Scope(TenantSnapshot? tenant)
    {
        if (tenant is not null)
        {
            Services.GetRequiredService<TestTenantScopes>().Known[tenant.Id] = tenant;
        }

        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestTenantContext>().Tenant = tenant;
        return scope;
    }

    /// <summary>Queues one message as <paramref name="tenant"/>, committed at once.</summary>
    public async Task EnqueueAsync(TenantSnapshot tenant, OutgoingEmail message)
    {
        await using var scope = Scope(tenant);
        await scope.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(message);
    }

    /// <summary>Every outbox row of every tenant, as the dispatcher sees them.</summary>
    public async Task<List<OutgoingEmailMessage>> AllRowsAsync()
    {
        await using var scope = Scope(null);
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        return await db.OutgoingEmails.IgnoreQueryFilters().AsNoTracking().ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            await host.StopAsync();
        }

        host.Dispose();
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the OS's temp cleaning.
        }
    }

    /// <summary>The tenants this node has acted as: background workers find them by id.</summary>
    private sealed class TestTenantScopes(IServiceProvider services) : ITenantScopes
    {
        public System.Collections.Concurrent.ConcurrentDictionary<Guid, TenantSnapshot> Known { get; } = new();

        public TenantSnapshot? Find(Guid tenantId) => Known.GetValueOrDefault(tenantId);

        public AsyncServiceScope? CreateScope(Guid tenantId)
        {
            if (!Known.TryGetValue(tenantId, out var tenant))
            {
                return null;
            }

            var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TestTenantContext>().Tenant = tenant;
            return scope;
        }
    }

    private sealed class TestTenantContext : ITenantContext
    {
        public TenantSnapshot? Tenant { get; set; }

        public TenantSnapshot? Site => Tenant;
    }
}
