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
