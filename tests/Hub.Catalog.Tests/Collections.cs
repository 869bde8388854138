using Hub.Testing;

namespace Hub.Catalog.Tests;

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHubFixture>
{
    public const string Name = "Catalog on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHubFixture>
{
    public const string Name = "Catalog on PostgreSQL";
}
