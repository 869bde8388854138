using Hub.Testing;

namespace Hub.Integrations.Tests;

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHubFixture>
{
    public const string Name = "Integrations on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHubFixture>
{
    public const string Name = "Integrations on PostgreSQL";
}
