using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Abstractions;

/// <summary>How a module contributes features, admin links and Razor pages to the host.</summary>
public static class ModuleRegistration
{
    /// <summary>Offers a feature tenants can switch on.</summary>
    public static IServiceCollection AddHubFeature(this IServiceCollection services, HubFeature feature) =>
        services.AddSingleton(feature);

    /// <summary>Adds a link to the admin start page.</summary>
    public static IServiceCollection AddAdminMenuItem(this IServiceCollection services, AdminMenuItem item) =>
        services.AddSingleton(item);

    /// <summary>
    /// Lets requests under <paramref name="pathPrefix"/> (e.g. <c>/test-eid</c>) through without a tenant: endpoints of
    /// the hub as a whole rather than of one municipality's site. A tenant slug can never equal such a prefix.
    /// </summary>
    public static IServiceCollection AddTenantlessPath(this IServiceCollection services, string pathPrefix) =>
        services.AddSingleton(new TenantlessPath(pathPrefix));

    /// <summary>
    /// Lets forms post to, or be redirected after posting to, another origin (e.g. <c>https://eid.example.se</c>, an
    /// e-ID broker): the host adds it to its Content-Security-Policy's <c>form-action</c>, which is otherwise <c>'self'</c>.
    /// </summary>
    public static IServiceCollection AddFormActionSource(this IServiceCollection services, string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.GetLeftPart(UriPartial.Authority) != origin.TrimEnd('/'))
        {
            throw new ArgumentException($"'{origin}' is not an origin such as https://eid.example.se.", nameof(origin));
        }

        return services.AddSingleton(new FormActionSource(uri.GetLeftPart(UriPartial.Authority)));
    }

    /// <summary>Maps a module's minimal-API endpoints when the host builds its routes (after the pages).</summary>
    public static IServiceCollection AddModuleEndpoints(this IServiceCollection services, Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder> map) =>
        services.AddSingleton(new ModuleEndpoints(map));

    /// <summary>Adds the assembly's pages and views once, whatever the host discovered on its own.</summary>
    public static IServiceCollection AddModulePages(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        services.AddMvcCore().AddRazorPages().ConfigureApplicationPartManager(manager =>
        {
            if (manager.ApplicationParts.Any(p => p.Name == assembly.GetName().Name))
            {
                return;
            }

            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            {
                manager.ApplicationParts.Add(part);
            }
        });
        return services;
    }
}

/// <summary>A path prefix served outside any tenant; see <see cref="ModuleRegistration.AddTenantlessPath"/>.</summary>
/// <param name="Prefix">The prefix, starting with <c>/</c>.</param>
public sealed record TenantlessPath(string Prefix);

/// <summary>An origin forms may post to; see <see cref="ModuleRegistration.AddFormActionSource"/>.</summary>
/// <param name="Origin">Scheme, host and port, e.g. <c>https://eid.example.se</c>.</param>
public sealed record FormActionSource(string Origin);

/// <summary>Endpoints a module maps; see <see cref="ModuleRegistration.AddModuleEndpoints"/>.</summary>
/// <param name="Map">Maps the endpoints.</param>
public sealed record ModuleEndpoints(Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder> Map);
