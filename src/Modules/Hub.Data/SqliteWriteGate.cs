using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Hub.Data;

/// <summary>
/// SQLite takes one writer at a time. When two write at once, Microsoft.Data.Sqlite retries the loser after sleeping
/// 150 ms, which turns a few milliseconds of queueing into hundreds. So a <see cref="HubConnection"/> transaction (a
/// submission, a recipe) waits for its turn in a per-database gate from begin to end, and every connection sets
/// SQLite's own busy timeout, whose short, growing waits serve the single-statement saves outside such a transaction.
/// Readers never wait (WAL). PostgreSQL needs none of this.
/// </summary>
/// <remarks>
/// The gate is deliberately not taken around plain SaveChanges calls: EF Core does not report every way a save can
/// end to interceptors (a concurrency conflict, an interceptor that refuses the save), and a gate that is not given
/// back stops every later write on the node.
/// </remarks>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>SQLite handles already set up; an entry goes when the pool closes its handle and it is collected.</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    private static readonly object Done = new();

    /// <summary>
    /// SQLite's own checkpoint, left as a safety net for when <see cref="SqliteCheckpointer"/> falls behind: at 10,000
    /// pages (about 40 MB of log) instead of SQLite's 1,000.
    /// </summary>
    public const int AutoCheckpointPages = 10_000;

    public static SemaphoreSlim For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));

    /// <summary>
    /// Every opened connection commits with <c>synchronous=NORMAL</c>, SQLite's setting for WAL: a committed
    /// transaction survives the process being killed (the WAL is written before commit returns); only a power cut
    /// may lose the last commits. Production deployments that need more run PostgreSQL. The busy timeout follows
    /// the connection string's <c>Default Timeout</c>. Temporary tables and statement journals stay in memory (as
    /// files they were created and deleted on every multi-row write), and checkpoints are left to
    /// <see cref="SqliteCheckpointer"/>.
    /// </summary>
    /// <remarks>
    /// These settings belong to SQLite's connection handle, which the pool keeps open and hands out again, so they are
    /// set once per handle, not on every open (EF Core opens and closes the connection around each query).
    /// </remarks>
    public static SqliteConnection Configure(SqliteConnection connection)
    {
        var busyMilliseconds = Math.Max(1, connection.DefaultTimeout) * 1000L;
        connection.StateChange += (sender, args) =>
        {
            if (args.CurrentState == System.Data.ConnectionState.Open && sender is SqliteConnection opened
                && opened.Handle is { } handle && !Configured.TryGetValue(handle, out _))
            {
                using var pragma = opened.CreateCommand();
                pragma.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint={AutoCheckpointPages}; PRAGMA busy_timeout={busyMilliseconds};";
                pragma.ExecuteNonQuery();
                Configured.AddOrUpdate(handle, Done);
            }
        };
        return connection;
    }
}
