using Hub.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.Data;

/// <summary>Thrown when a unit of work tries to write a row that belongs to another tenant.</summary>
public sealed class CrossTenantWriteException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CrossTenantWriteException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CrossTenantWriteException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CrossTenantWriteException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>
/// Refuses to save any tenant-owned row whose TenantId is not the current tenant's, and stamps new rows with it.
/// Query filters keep reads in the tenant; this keeps writes there even if an entity was built from crafted input.
/// </summary>
internal sealed class TenantWriteGuard : SaveChangesInterceptor
{
    public static TenantWriteGuard Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbContext? context)
    {
        if (context is not ITenantScopedDbContext scoped)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var current = scoped.CurrentTenantId
                ?? throw new CrossTenantWriteException($"A {entry.Metadata.ClrType.Name} was written outside any tenant.");
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = current;
            }

            var property = entry.Property(nameof(ITenantOwned.TenantId));
            var original = entry.State == EntityState.Added ? current : (Guid)property.OriginalValue!;
            if (entry.Entity.TenantId != current || original != current)
            {
                throw new CrossTenantWriteException(
                    $"A {entry.Metadata.ClrType.Name} of another tenant was written; writes are limited to the current tenant.");
            }
        }
    }
}
