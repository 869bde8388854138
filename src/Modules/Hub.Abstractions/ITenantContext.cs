using Microsoft.Extensions.DependencyInjection;

namespace Hub.Abstractions;

/// <summary>The tenant the current request or unit of work acts for.</summary>
/// <remarks>Scoped. Null outside any tenant (the hub's root page, health checks); data access then sees no tenant-owned rows.</remarks>
public interface ITenantContext
{
    /// <summary>The current tenant, or null.</summary>
    TenantSnapshot? Tenant { get; }

    /// <summary>Whose look the page has: the current tenant, or the hub's at the root (<c>/</c>).</summary>
    TenantSnapshot? Site { get; }
}

/// <summary>Scopes acting as a tenant known by id: for background work that reads rows of every tenant.</summary>
public interface ITenantScopes
{
    /// <summary>A new DI scope whose <see cref="ITenantContext"/> is the tenant with this id, or null if there is none.</summary>
    AsyncServiceScope? CreateScope(Guid tenantId);

    /// <summary>The tenant with this id as the registry has it now, or null (for names in logs and metrics).</summary>
    TenantSnapshot? Find(Guid tenantId);
}
