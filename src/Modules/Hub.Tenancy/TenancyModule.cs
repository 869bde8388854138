using Hub.Abstractions;
using Hub.Data;
using Hub.Tenancy.Contracts;
using Hub.Tenancy.Data;
using Hub.Tenancy.Recipes;
using Hub.Tenancy.Resolution;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.Tenancy;

/// <summary>Tenants: registry, resolution, settings, features, recipes and the hub admin's tenant pages.</summary>
public static class TenancyModule
{
    /// <summary>The module's name (migrations history table, logs).</summary>
    public const string Name = "Tenancy";

    /// <summary>Feature: the public contact page <c>/{tenant}/kontakt</c>.</summary>
    public const string ContactPageFeature = "Hub.Tenancy.ContactPage";

    /// <summary>Registers the module's services, features and admin links.</summary>
    public static IHostApplicationBuilder AddTenancyModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TenancyOptions>().Bind(builder.Configuration.GetSection("Hub:Tenancy"));
        services.AddHubDbContext<TenancyDbContext, SqliteTenancyDbContext, PostgresTenancyDbContext>(Name);
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<ITenantDirectory>(sp => sp.GetRequiredService<TenantRegistry>());
        services.AddHostedService<TenantRegistryRefresher>();
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddSingleton<TenantScopeFactory>();
        services.AddSingleton<ITenantScopeFactory>(sp => sp.GetRequiredService<TenantScopeFactory>());
        services.AddSingleton<ITenantScopes>(sp => sp.GetRequiredService<TenantScopeFactory>());
        services.AddSingleton<IFeatureCatalog, FeatureCatalog>();
        services.AddScoped<Settings.TenantAdministration>();
        services.AddSingleton<TenantProvisioner>();
        services.AddSingleton<ITenantProvisioner>(sp => sp.GetRequiredService<TenantProvisioner>());
        services.AddModulePages(typeof(TenancyModule).Assembly);
        services.AddSingleton<PublicPageCachePolicy>();
        services.AddOutputCache(options => options.AddPolicy(PublicPageCachePolicy.Name,
            policy => policy.AddPolicy<PublicPageCachePolicy>()));
        services.AddSingleton<IRecipeStepHandler, FeaturesRecipeStep>();
        services.AddHubFeature(new HubFeature(ContactPageFeature, "Kontaktsida", "Contact page", EnabledByDefault: true));
        services.AddAdminMenuItem(new AdminMenuItem("/admin/installningar", "Inställningar", "Settings",
            "Namn, logotyp, färger, kontaktuppgifter och språk.", "Name, logo, colours, contact details and languages.",
            HubPolicies.TenantAdmin));
        services.AddAdminMenuItem(new AdminMenuItem("/admin/kommuner", "Kommuner", "Municipalities",
            "Skapa, ändra och stäng av kommuners webbplatser.", "Create, edit and disable municipalities' sites.",
            HubPolicies.HubAdmin));
        return builder;
    }

    /// <summary>Resolves the tenant of each request; call before the error pages so they render in the tenant's look.</summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();

    /// <summary>Refuses requests a disabled tenant or the bare root may not serve; call after the error pages.</summary>
    public static IApplicationBuilder UseTenantGate(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantGateMiddleware>();

    /// <summary>Loads the tenant snapshot and applies the start-up recipes whose tenant is missing.</summary>
    public static async Task StartTenancyAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var registry = services.GetRequiredService<TenantRegistry>();
        await registry.RefreshAsync(cancellationToken);
        await services.GetRequiredService<TenantProvisioner>().ProvisionOnStartAsync(cancellationToken);
    }

    private sealed class FeatureCatalog(IEnumerable<HubFeature> features) : IFeatureCatalog
    {
        public IReadOnlyList<HubFeature> All { get; } = [.. features.DistinctBy(f => f.Id)];
    }
}
