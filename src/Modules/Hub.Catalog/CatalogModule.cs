using Hub.Abstractions;
using Hub.Catalog.Catalogue;
using Hub.Catalog.Contracts;
using Hub.Catalog.Data;
using Hub.Catalog.Packages;
using Hub.Catalog.Quality;
using Hub.Catalog.Recipes;
using Hub.Catalog.Studio;
using Hub.Data;
using Hub.Search.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hub.Catalog;

/// <summary>A tenant's e-services: versions, the listing and search at <c>/e-tjanster</c>, the <c>services</c> recipe step.</summary>
public static class CatalogModule
{
    /// <summary>The module's name (migrations history table, logs).</summary>
    public const string Name = "Catalog";

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddCatalogModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHubDbContext<CatalogDbContext, SqliteCatalogDbContext, PostgresCatalogDbContext>(Name);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.TryAddSingleton<ServiceSearchIndexes>();
        services.AddSingleton(sp => new ServiceCache(
            new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions { SizeLimit = 5_000 }),
            sp.GetRequiredService<ServiceSearchIndexes>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IServiceDirectory, ServiceDirectory>();
        services.AddScoped<IServicePackages, ServicePackages>();
        services.AddSingleton<INotificationRenderer, NotificationRenderer>();
        services.AddScoped<Adoption.AdoptionGuard>();
        services.AddScoped<Adoption.Adoptions>();
        services.AddSingleton<Adoption.AdoptionFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<Adoption.AdoptionFollower>());
        services.AddOptions<Adoption.AdoptionOptions>().BindConfiguration("Hub:Catalog:Adoption");
        services.AddScoped<StudioDrafts>();
        services.AddScoped<Pages.Studio.StudioPageServices>();
        services.AddScoped<Pages.Catalogue.CataloguePageServices>();
        services.AddScoped<IServiceDrafts>(sp => sp.GetRequiredService<StudioDrafts>());
        services.AddOptions<QualityGateOptions>().BindConfiguration("Hub:Catalog:QualityGate");
        services.TryAddSingleton<IServiceQualityGate, ServiceQualityGate>();
        services.AddSingleton<IRecipeStepHandler, ServicesRecipeStep>();
        services.AddSingleton<CatalogueSearch>();
        services.AddScoped<ICrossTenantCatalogue, CrossTenantCatalogue>();
        services.AddSingleton<IRecipeStepHandler, CatalogueRecipeStep>();
        services.AddModulePages(typeof(CatalogModule).Assembly);
        services.AddAdminMenuItem(new AdminMenuItem("/admin/e-tjanster", "E-tjänster", "E-services",
            "Bygg, förhandsgranska och publicera kommunens e-tjänster.", "Build, preview and publish the municipality's e-services.", HubPolicies.ServiceEditor));
        services.AddAdminMenuItem(new AdminMenuItem("/admin/katalog", "Delade e-tjänster", "Shared e-services",
            "Dela kommunens e-tjänster i hubbens katalog och följ granskningen.", "Share the municipality's e-services in the hub's catalogue and follow their review.",
            HubPolicies.ServiceOwner));
        services.AddAdminMenuItem(new AdminMenuItem("/admin/katalog/granskning", "Granska katalogen", "Review the catalogue",
            "Godkänn eller begär ändringar i e-tjänster som kommuner delar.", "Approve or ask for changes to e-services municipalities share.",
            HubPolicies.CatalogueReviewer));
        return builder;
    }
}
