using System.Data.Common;
using Hub.Abstractions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.Data;

/// <summary>Registers the hub's persistence: provider choice, one connection per scope, module DbContexts, migrations.</summary>
public static class HubDataModule
{
    /// <summary>Per provider and module: the options without a connection, and their provider extension.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DatabaseProvider Provider, string Module), (DbContextOptions Options, RelationalOptionsExtension Relational)> Templates = new();

    /// <summary>Adds the data layer, reading <see cref="DatabaseOptions"/> from <c>Hub:Database</c>.</summary>
    public static IHostApplicationBuilder AddHubData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    var file = Path.Combine(environment.ContentRootPath, "App_Data", "hub.db");
                    options.ConnectionString = $"Data Source={file};Pooling=True;Default Timeout=30";
                }
            })
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString), "Hub:Database:ConnectionString is required for PostgreSQL.")
            .Validate(options => options.CheckpointInterval >= TimeSpan.FromMilliseconds(10) && options.CheckpointInterval <= TimeSpan.FromMinutes(1),
                "Hub:Database:CheckpointInterval must be 00:00:00.010–00:01:00.");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<HubConnection>();
        builder.Services.AddScoped<TenantSql>();
        builder.Services.AddHubDbContext<DataProtectionKeysDbContext, SqliteDataProtectionKeysDbContext, PostgresDataProtectionKeysDbContext>(
            DataProtectionKeysDbContext.Module);
        builder.Services.AddDataProtection()
            .SetApplicationName("Hub")
            .PersistKeysToDbContext<DataProtectionKeysDbContext>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.Services.AddHostedService<SqliteCheckpointer>();
        return builder;
    }

    /// <summary>
    /// Registers a module's DbContext as <typeparamref name="TContext"/>, built as <typeparamref name="TSqlite"/> or
    /// <typeparamref name="TPostgres"/> (each carries its provider's migrations) on the scope's shared connection.
    /// </summary>
    public static IServiceCollection AddHubDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        // Built once: constructor lookup by reflection on every request showed in profiles.
        var createPostgres = ActivatorUtilities.CreateFactory<TPostgres>([typeof(DbContextOptions)]);
        var createSqlite = ActivatorUtilities.CreateFactory<TSqlite>([typeof(DbContextOptions)]);
        services.AddScoped(sp =>
        {
            var provider = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
            var connection = sp.GetRequiredService<HubConnection>().Connection;
            var options = OptionsFor(provider, connection, module);
            return provider == DatabaseProvider.Postgres
                ? createPostgres(sp, [options])
                : (TContext)createSqlite(sp, [options]);
        });
        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(module));
        return services;
    }

    /// <summary>Options for a module context; used at run time and by design-time factories.</summary>
    public static DbContextOptions BuildOptions(DatabaseProvider provider, DbConnection connection, string module)
    {
        var builder = new DbContextOptionsBuilder();
        var history = "__migrations_" + module.ToLowerInvariant();
        if (provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(connection, o => o.MigrationsHistoryTable(history));
        }
        else
        {
            builder.UseSqlite(connection, o => o.MigrationsHistoryTable(history));
        }

        builder.AddInterceptors(TenantWriteGuard.Instance);
        return builder.Options;
    }

    /// <summary>
    /// The options of <see cref="BuildOptions"/> for a scope's connection, from a template built once per provider and
    /// module: only the connection differs between scopes, and building the options anew (provider, warnings,
    /// interceptors) for every context of every request was a measurable share of a request's CPU.
    /// </summary>
    internal static DbContextOptions OptionsFor(DatabaseProvider provider, DbConnection connection, string module)
    {
        var template = Templates.GetOrAdd((provider, module), static key => CreateTemplate(key.Provider, key.Module));
        return template.Options.WithExtension(template.Relational.WithConnection(connection));
    }

    private static (DbContextOptions Options, RelationalOptionsExtension Relational) CreateTemplate(DatabaseProvider provider, string module)
    {
        var builder = new DbContextOptionsBuilder();
        var history = "__migrations_" + module.ToLowerInvariant();
        if (provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(o => o.MigrationsHistoryTable(history));
        }
        else
        {
            builder.UseSqlite(o => o.MigrationsHistoryTable(history));
        }

        builder.AddInterceptors(TenantWriteGuard.Instance);
        return (builder.Options, RelationalOptionsExtension.Extract(builder.Options));
    }

    /// <summary>Creates the database if needed (SQLite: file and WAL) and migrates every module in registration order.</summary>
    public static async Task MigrateHubDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HubDataModule));
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var connection = scope.ServiceProvider.GetRequiredService<HubConnection>().Connection;
            await connection.OpenAsync(cancellationToken);
            await using var wal = connection.CreateCommand();
            // WAL lets readers proceed while one writer commits; the mode is stored in the file, so once is enough.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var module in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            logger.LogInformation("Migrating {Module} on {Provider}", module.Module, options.Provider);
            await module.MigrateAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    private sealed class ModuleDatabase<TContext>(string module) : IModuleDatabase
        where TContext : DbContext
    {
        public string Module => module;

        public Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
            scopedServices.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>
/// The scope's one database connection, shared by every module's DbContext so that a unit of work spanning
/// modules (a recipe) can commit or roll back in a single transaction.
/// </summary>
public sealed class HubConnection : IAsyncDisposable, IDisposable
{
    private readonly Lazy<DbConnection> connection;
    private readonly SemaphoreSlim? writeGate;
    private bool holdsGate;

    /// <summary>Creates the (still closed) connection for the configured provider.</summary>
    public HubConnection(IOptions<DatabaseOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        writeGate = value.Provider == DatabaseProvider.Sqlite ? SqliteWriteGate.For(value.ConnectionString!) : null;
        connection = new Lazy<DbConnection>(() => value.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(value.ConnectionString)
            : SqliteWriteGate.Configure(new SqliteConnection(value.ConnectionString)));
    }

    /// <summary>The connection; EF Core opens and closes it as needed.</summary>
    public DbConnection Connection => connection.Value;

    /// <summary>The transaction begun by <see cref="BeginTransactionAsync"/>, if any.</summary>
    public DbTransaction? Transaction { get; private set; }

    /// <summary>Opens the connection and begins a transaction every context of the scope can enlist in.</summary>
    public async Task<DbTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already running in this scope.");
        }

        if (writeGate is not null)
        {
            // SQLite has one writer at a time; waiting here in order beats its busy-retry sleeps. The wait is as long as
            // SQLite itself would wait for its lock, so a transaction begun inside another fails instead of hanging.
            var timeout = TimeSpan.FromSeconds(Math.Max(1, ((SqliteConnection)Connection).DefaultTimeout));
            if (!await writeGate.WaitAsync(timeout, cancellationToken))
            {
                throw new TimeoutException($"No turn to write to the SQLite database within {timeout.TotalSeconds:0} s.");
            }

            holdsGate = true;
        }

        try
        {
            if (Connection.State != System.Data.ConnectionState.Open)
            {
                await Connection.OpenAsync(cancellationToken);
            }

            Transaction = await Connection.BeginTransactionAsync(cancellationToken);
            return Transaction;
        }
        catch
        {
            ReleaseGate();
            throw;
        }
    }

    /// <summary>
    /// Runs one plain query on the scope's connection, in the running transaction if there is one, and maps its first
    /// row with <paramref name="read"/> (default when there is none). The connection is opened for the query and
    /// closed after when it was closed, as EF Core does. For requests on the hot path where creating and first using
    /// a DbContext costs more than the query itself; the SQL must suit both providers. Modules reach it only through
    /// <see cref="TenantSql"/>, which binds the current tenant itself.
    /// </summary>
    /// <remarks>Parameters are bound as the providers bind them for EF Core (a Guid: uuid on PostgreSQL, upper-case text on SQLite).</remarks>
    internal async Task<TResult?> QuerySingleAsync<TResult>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<DbDataReader, TResult> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return await RunAsync(sql, parameters, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? read(reader) : default;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs one plain command (an insert, update or delete) on the scope's connection, as <see cref="QuerySingleAsync"/>
    /// does, and returns the number of rows it changed. A null value is written as SQL NULL.
    /// </summary>
    internal Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken = default) =>
        RunAsync(sql, parameters, command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    /// <summary>Whether an exception from a command or a save is a unique-index violation (two writers inserting the same key).</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        DbUpdateException update when update.InnerException is { } inner => IsUniqueViolation(inner),
        _ => false,
    };

    private async Task<TResult> RunAsync<TResult>(
        string sql, IEnumerable<(string Name, object? Value)> parameters, Func<DbCommand, Task<TResult>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var database = Connection;
        var opened = database.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await database.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = database.CreateCommand();
#pragma warning disable CA2100 // The SQL is the caller's constant text; values go in as parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Transaction = Transaction;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            return await run(command);
        }
        finally
        {
            if (opened)
            {
                await database.CloseAsync();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one new transaction of the scope with <paramref name="contexts"/> enlisted, and
    /// commits it when the work returns true. When it returns false the transaction is rolled back and the contexts
    /// forget what they were tracking; an exception rolls back too (the transaction ends unsaved). Either way the
    /// transaction is ended and the contexts read on without it.
    /// </summary>
    public async Task<bool> InTransactionAsync(Func<Task<bool>> work, CancellationToken cancellationToken, params DbContext[] contexts)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(contexts);
        await using var transaction = await BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var context in contexts)
            {
                await FollowAsync(context, cancellationToken);
            }

            if (await work())
            {
                await transaction.CommitAsync(cancellationToken);
                return true;
            }

            await transaction.RollbackAsync(cancellationToken);
            foreach (var context in contexts)
            {
                context.ChangeTracker.Clear();
            }

            return false;
        }
        finally
        {
            EndTransaction();
            foreach (var context in contexts)
            {
                await FollowAsync(context, CancellationToken.None);
            }
        }
    }

    /// <summary>Makes a context use the running transaction.</summary>
    public async Task EnlistAsync(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Transaction is not null && context.Database.CurrentTransaction is null)
        {
            await context.Database.UseTransactionAsync(Transaction);
        }
    }

    /// <summary>
    /// Makes a context follow the scope's transaction as it is now, including "none" after a caller committed and ended
    /// an earlier one: for services (outbox, timers, audit) that write with whatever unit of work their caller has.
    /// </summary>
    public async Task FollowAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Database.CurrentTransaction?.GetDbTransaction() != Transaction)
        {
            await context.Database.UseTransactionAsync(Transaction, cancellationToken);
        }
    }

    /// <summary>Forgets the transaction after commit or rollback.</summary>
    public void EndTransaction()
    {
        Transaction?.Dispose();
        Transaction = null;
        ReleaseGate();
    }

    private void ReleaseGate()
    {
        if (holdsGate)
        {
            holdsGate = false;
            writeGate!.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Transaction?.Dispose();
        ReleaseGate();
        if (connection.IsValueCreated)
        {
            connection.Value.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }

        ReleaseGate();
        if (connection.IsValueCreated)
        {
            await connection.Value.DisposeAsync();
        }
    }
}
