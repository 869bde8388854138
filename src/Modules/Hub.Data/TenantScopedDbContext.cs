using System.Linq.Expressions;
using Hub.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Hub.Data;

/// <summary>A module DbContext whose tenant-owned rows are filtered to, and written only for, the current tenant.</summary>
public interface ITenantScopedDbContext
{
    /// <summary>The current tenant's id, or null (then no tenant-owned row is visible or writable).</summary>
    Guid? CurrentTenantId { get; }
}

/// <summary>Model-building helpers shared by every module's DbContext.</summary>
public static class TenantModelBuilderExtensions
{
    /// <summary>The name of the query filter that scopes rows to the current tenant.</summary>
    public const string TenantFilter = "Tenant";

    /// <summary>
    /// Adds a query filter <c>e.TenantId == context.CurrentTenantId</c> to every <see cref="ITenantOwned"/> entity.
    /// The filter reads the property of the context instance running the query, so one cached model serves all tenants.
    /// </summary>
    public static ModelBuilder ApplyTenantQueryFilters<TContext>(this ModelBuilder modelBuilder, TContext context)
        where TContext : DbContext, ITenantScopedDbContext
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) || entityType.BaseType is not null)
            {
                continue;
            }

            var row = Expression.Parameter(entityType.ClrType, "row");
            var rowTenant = Expression.Convert(Expression.Property(row, nameof(ITenantOwned.TenantId)), typeof(Guid?));
            var currentTenant = Expression.Property(Expression.Constant(context, typeof(TContext)), nameof(ITenantScopedDbContext.CurrentTenantId));
            var filter = Expression.Lambda(Expression.Equal(rowTenant, currentTenant), row);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, filter);
            modelBuilder.Entity(entityType.ClrType).HasIndex(nameof(ITenantOwned.TenantId));
        }

        return modelBuilder;
    }
}
