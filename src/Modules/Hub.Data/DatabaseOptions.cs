namespace Hub.Data;

/// <summary>Which database the hub uses; bound from configuration section <c>Hub:Database</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (the embedded default) or <see cref="DatabaseProvider.Postgres"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>ADO.NET connection string; for SQLite defaults to <c>App_Data/hub.db</c> under the content root.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite: how often <see cref="SqliteCheckpointer"/> copies the write-ahead log into the database file (default 200 ms).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}

/// <summary>Database engines the hub supports; both are tested against real servers.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded, single file, WAL mode.</summary>
    Sqlite,

    /// <summary>PostgreSQL, for production and several web nodes.</summary>
    Postgres,
}
