using Hub.Testing;

namespace Hub.Identity.Tests;

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHubFixture>
{
    public const string Name = "Identity on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHubFixture>
{
    public const string Name = "Identity on PostgreSQL";
}
