using Hub.Data;
using Hub.Integrations.Contracts;
using Hub.Integrations.Data;
using Hub.Integrations.Email;
using Hub.Integrations.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Integrations;

/// <summary>Outgoing integrations: e-mail through an outbox (MailKit; SMTP or a pickup directory), and durable timers.</summary>
public static class IntegrationsModule
{
    /// <summary>The module's name (migrations history table, logs).</summary>
    public const string Name = "Integrations";

    /// <summary>Registers the e-mail outbox and its dispatcher; reads <c>Hub:Email</c>, checked at start.</summary>
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
        services.AddOptions<TimerOptions>().Bind(builder.Configuration.GetSection(TimerOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.BatchSize is >= 1 and <= 1000 && o.LeaseDuration > TimeSpan.Zero && o.MaxAttempts >= 1,
                "Hub:Timers: PollInterval and LeaseDuration must be positive, BatchSize 1–1000, MaxAttempts at least 1")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IDurableTimers, DurableTimers>();
        services.AddHostedService<TimerWorker>();
        return builder;
    }
}
