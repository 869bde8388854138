using Hub.Testing;

namespace Hub.Cases.Tests;

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHubFixture>
{
    public const string Name = "Cases on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHubFixture>
{
    public const string Name = "Cases on PostgreSQL";
}
