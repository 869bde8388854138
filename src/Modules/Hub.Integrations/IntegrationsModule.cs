using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Email;
using Hub.Integrations.Telemetry;
using Hub.Integrations.Timers;
using Hub.Integrations.Webhooks;
using Hub.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Integrations;

/// <summary>Outgoing integrations: e-mail through an outbox (MailKit; SMTP or a pickup directory), durable timers, and webhooks for integration events.</summary>
public static class IntegrationsModule
{
    /// <summary>The module's name (migrations history table, logs).</summary>
    public const string Name = "Integrations";

    /// <summary>Registers the e-mail outbox, the timers and the webhooks with their workers; reads <c>Hub:Email</c>, <c>Hub:Timers</c> and <c>Hub:Webhooks</c>, checked at start.</summary>
    public static IHostApplicationBuilder AddIntegrationsModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHubDbContext<IntegrationsDbContext, SqliteIntegrationsDbContext, PostgresIntegrationsDbContext>(Name);
        services.AddOptions<EmailOptions>()
            .Bind(builder.Configuration.GetSection(EmailOptions.Section))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (options.UsesPickupDirectory)
                {
                    options.PickupDirectory = Path.GetFullPath(options.PickupDirectory!, environment.ContentRootPath);
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<EmailDispatchSignal>();
        services.AddSingleton<IEmailTransport, EmailTransport>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddHostedService<CrossTenantEmailDispatcher>();
        services.AddSingleton<IntegrationsMetrics>();
        services.AddHostedService<QueueDepthSampler>();
        services.AddOptions<TimerOptions>().Bind(builder.Configuration.GetSection(TimerOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.BatchSize is >= 1 and <= 1000 && o.LeaseDuration > TimeSpan.Zero && o.MaxAttempts >= 1,
                "Hub:Timers: PollInterval and LeaseDuration must be positive, BatchSize 1–1000, MaxAttempts at least 1")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IDurableTimers, DurableTimers>();
        services.AddHostedService<TimerWorker>();
        AddWebhooks(builder);
        return builder;
    }

    private static void AddWebhooks(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.BatchSize is >= 1 and <= 1000 && o.Timeout > TimeSpan.Zero
                    && o.LeaseDuration > o.Timeout * o.BatchSize && o.MaxAttempts >= 1 && o.RetryBaseDelay > TimeSpan.Zero,
                "Hub:Webhooks: PollInterval, Timeout and RetryBaseDelay must be positive, BatchSize 1–1000, MaxAttempts at least 1, and LeaseDuration longer than BatchSize × Timeout")
            .ValidateOnStart();
        services.AddSingleton<WebhookDispatchSignal>();
        services.AddScoped<IntegrationEvents>();
        services.AddScoped<IIntegrationEvents>(sp => sp.GetRequiredService<IntegrationEvents>());
        services.AddScoped<WebhookAdmin>();
        services.AddScoped<IWebhookDirectory, WebhookDirectory>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Hub-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks;
                // No redirects (a redirect could lead past the address check) and no cookies between tenants.
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectCallback = (context, token) => WebhookDispatcher.ConnectAsync(context, allowPrivate, token),
                };
            });
        services.AddHostedService<WebhookDispatcher>();
        services.AddModulePages(typeof(IntegrationsModule).Assembly);
        services.AddAdminMenuItem(new AdminMenuItem("/admin/integrationer", "Integrationer", "Integrations",
            "Webhooks som får kommunens ärendehändelser.", "Webhooks that receive the municipality's case events.", HubPolicies.TenantAdmin));
    }
}
