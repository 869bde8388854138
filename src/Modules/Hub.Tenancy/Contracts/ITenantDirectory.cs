using Hub.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tenancy.Contracts;

/// <summary>Read access to every tenant, from the in-memory snapshot (no database round trip).</summary>
public interface ITenantDirectory
{
    /// <summary>All tenants, the hub first, then by display name.</summary>
    IReadOnlyList<TenantSnapshot> All { get; }

    /// <summary>The coordinating unit's tenant, once provisioned.</summary>
    TenantSnapshot? Hub { get; }

    /// <summary>A tenant by slug, or null.</summary>
    TenantSnapshot? FindBySlug(string slug);

    /// <summary>Reloads the snapshot from the database (called after every change; other nodes poll).</summary>
    Task RefreshAsync(CancellationToken cancellationToken = default);
}

/// <summary>Runs work as one tenant outside a request (provisioning, background jobs, tests).</summary>
public interface ITenantScopeFactory
{
    /// <summary>A new DI scope whose <see cref="ITenantContext"/> is the tenant with this slug.</summary>
    /// <exception cref="InvalidOperationException">No tenant has this slug.</exception>
    AsyncServiceScope CreateScope(string slug);
}
