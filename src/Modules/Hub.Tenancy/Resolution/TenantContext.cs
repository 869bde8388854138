using Hub.Abstractions;
using Hub.Tenancy.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tenancy.Resolution;

/// <summary>The scope's tenant; set once by resolution (a request) or by <see cref="ITenantScopeFactory"/>.</summary>
internal sealed class TenantContext(TenantRegistry registry) : ITenantContext
{
    public TenantSnapshot? Tenant { get; set; }

    public TenantSnapshot? Site => Tenant ?? registry.Hub;
}

internal sealed class TenantScopeFactory(IServiceScopeFactory scopes, TenantRegistry registry) : ITenantScopeFactory, ITenantScopes
{
    public AsyncServiceScope? CreateScope(Guid tenantId) =>
        registry.FindById(tenantId) is { } tenant ? CreateScope(scopes, tenant) : null;

    public TenantSnapshot? Find(Guid tenantId) => registry.FindById(tenantId);

    public AsyncServiceScope CreateScope(string slug)
    {
        var tenant = registry.FindBySlug(slug) ?? throw new InvalidOperationException($"No tenant '{slug}'.");
        return CreateScope(scopes, tenant);
    }

    public static AsyncServiceScope CreateScope(IServiceScopeFactory scopes, TenantSnapshot tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = tenant;
        return scope;
    }
}
