using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.Data;

/// <summary>
/// SQLite takes one writer at a time. When two write at once, Microsoft.Data.Sqlite retries the loser after sleeping,
/// which turns a few milliseconds of queueing into hundreds. So the node queues its writes itself, one gate per
/// database: a <see cref="HubConnection"/> transaction holds it from begin to end, and a SaveChanges outside such a
/// transaction holds it for the save. Readers never wait (WAL). PostgreSQL needs none of this.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Which scope's <see cref="HubConnection"/> a connection belongs to.</summary>
    private static readonly ConditionalWeakTable<System.Data.Common.DbConnection, HubConnection> Owners = [];

    public static SaveChangesInterceptor Interceptor { get; } = new GateInterceptor();

    public static SemaphoreSlim For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));

    /// <summary>
    /// Every opened connection commits with <c>synchronous=NORMAL</c>, SQLite's setting for WAL: a committed
    /// transaction survives the process being killed (the WAL is written before commit returns); only a power cut
    /// may lose the last commits. Production deployments that need more run PostgreSQL.
    /// </summary>
    public static SqliteConnection Configure(SqliteConnection connection, HubConnection owner)
    {
        Owners.AddOrUpdate(connection, owner);
        connection.StateChange += (sender, args) =>
        {
            if (args.CurrentState == System.Data.ConnectionState.Open && sender is SqliteConnection opened)
            {
                using var pragma = opened.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous=NORMAL;";
                pragma.ExecuteNonQuery();
            }
        };
        return connection;
    }

    private sealed class GateInterceptor : SaveChangesInterceptor
    {
        private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> held = [];

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            if (GateFor(eventData.Context) is { } gate)
            {
                gate.Wait();
                held.AddOrUpdate(eventData.Context!, gate);
            }

            return result;
        }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (GateFor(eventData.Context) is { } gate)
            {
                await gate.WaitAsync(cancellationToken);
                held.AddOrUpdate(eventData.Context!, gate);
            }

            return result;
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Release(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Release(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Release(eventData.Context);
            return Task.CompletedTask;
        }

        public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

        public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
        {
            Release(eventData.Context);
            return Task.CompletedTask;
        }

        /// <summary>The gate to take for a save, or null when the save runs inside a transaction (which holds it).</summary>
        private static SemaphoreSlim? GateFor(DbContext? context) =>
            context is null || context.Database.CurrentTransaction is not null
                || (Owners.TryGetValue(context.Database.GetDbConnection(), out var owner) && owner.HoldsWriteGate)
                || context.Database.GetConnectionString() is not { } connectionString
                ? null
                : For(connectionString);

        private void Release(DbContext? context)
        {
            if (context is not null && held.TryGetValue(context, out var gate))
            {
                held.Remove(context);
                gate.Release();
            }
        }
    }
}
