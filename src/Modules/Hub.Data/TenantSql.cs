using System.Data.Common;
using Hub.Abstractions;

namespace Hub.Data;

/// <summary>
/// The one way for a module to run SQL of its own on tenant data, for the few hot-path statements where EF Core's
/// pipeline costs more than the statement (docs/decisions.md, 3). The current tenant's id is bound as
/// <see cref="TenantParameter"/> here, never by the caller: every statement must name it (as its tenant condition, or as
/// the tenant id of the row it inserts), a caller's own <c>@tenant</c> is refused, and nothing runs outside a tenant.
/// Statements run on the scope's connection, in its running transaction if there is one.
/// </summary>
public sealed class TenantSql(HubConnection connection, ITenantContext tenantContext)
{
    /// <summary>The parameter the current tenant's id is bound to.</summary>
    public const string TenantParameter = "@tenant";

    /// <summary>The first row of a query mapped by <paramref name="read"/>, or default when there is none.</summary>
    /// <remarks>Parameters are bound as the providers bind them for EF Core (a Guid: uuid on PostgreSQL, upper-case text on SQLite).</remarks>
    public Task<TResult?> QuerySingleAsync<TResult>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<DbDataReader, TResult> read, CancellationToken cancellationToken = default) =>
        connection.QuerySingleAsync(sql, Bind(sql, parameters), read, cancellationToken);

    /// <summary>Runs an insert, update or delete and returns the number of rows it changed. A null value is written as SQL NULL.</summary>
    public Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken = default) =>
        connection.ExecuteAsync(sql, Bind(sql, parameters), cancellationToken);

    /// <summary>The current tenant's id, as the statements bind it.</summary>
    public Guid TenantId => tenantContext.Tenant?.Id ?? throw new CrossTenantWriteException("SQL on tenant data needs a current tenant.");

    private List<(string Name, object? Value)> Bind(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        var tenant = TenantId;
        if (!sql.Contains(TenantParameter, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A statement on tenant data must name {TenantParameter}.", nameof(sql));
        }

        if (parameters.Any(p => string.Equals(p.Name, TenantParameter, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"{TenantParameter} is bound by {nameof(TenantSql)}, not by its caller.", nameof(parameters));
        }

        return [.. parameters, (TenantParameter, tenant)];
    }
}
