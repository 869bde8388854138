using Hub.Audit.Contracts;
using Hub.Audit.Data;
using Hub.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hub.Audit;

/// <summary>The audit trail: immutable events of who did what, per tenant.</summary>
public static class AuditModule
{
    /// <summary>The module's name (migrations history table, logs).</summary>
    public const string Name = "Audit";

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddAuditModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHubDbContext<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>(Name);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IAuditTrail, AuditTrail>();
        builder.Services.AddSingleton<AuditReadWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AuditReadWriter>());
        return builder;
    }
}
