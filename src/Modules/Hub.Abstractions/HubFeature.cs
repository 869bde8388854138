namespace Hub.Abstractions;

/// <summary>A capability a module offers and a tenant switches on or off.</summary>
/// <param name="Id">Stable id, e.g. <c>Hub.Tenancy.ContactPage</c>.</param>
/// <param name="NameSv">Name shown to admins in Swedish.</param>
/// <param name="NameEn">Name shown to admins in English.</param>
/// <param name="EnabledByDefault">Whether a new tenant without a features step gets it.</param>
public sealed record HubFeature(string Id, string NameSv, string NameEn, bool EnabledByDefault);

/// <summary>Every feature the composed modules offer (registered by each module at start-up).</summary>
public interface IFeatureCatalog
{
    /// <summary>All features, in registration order.</summary>
    IReadOnlyList<HubFeature> All { get; }
}

/// <summary>Registration helpers for module contributions.</summary>
public static class HubModuleServiceCollectionExtensions
{
    /// <summary>Offers a feature tenants can switch on.</summary>
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddHubFeature(
        this Microsoft.Extensions.DependencyInjection.IServiceCollection services, HubFeature feature) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, feature);

    /// <summary>Adds a link to the admin start page.</summary>
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddAdminMenuItem(
        this Microsoft.Extensions.DependencyInjection.IServiceCollection services, AdminMenuItem item) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, item);
}

/// <summary>Lets a module contribute its Razor pages without relying on build-time discovery.</summary>
public static class HubModuleRazorExtensions
{
    /// <summary>Adds the assembly's pages and views once, whatever the host discovered on its own.</summary>
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddModulePages(
        this Microsoft.Extensions.DependencyInjection.IServiceCollection services, System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var mvc = Microsoft.Extensions.DependencyInjection.MvcRazorPagesMvcCoreBuilderExtensions.AddRazorPages(
            Microsoft.Extensions.DependencyInjection.MvcCoreServiceCollectionExtensions.AddMvcCore(services));
        Microsoft.Extensions.DependencyInjection.MvcCoreMvcCoreBuilderExtensions.ConfigureApplicationPartManager(mvc, manager =>
            {
                if (manager.ApplicationParts.Any(p => p.Name == assembly.GetName().Name))
                {
                    return;
                }

                foreach (var part in Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartFactory
                    .GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    manager.ApplicationParts.Add(part);
                }
            });
        return services;
    }
}
