using Hub.Testing;

namespace Hub.Tenancy.Tests;

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteHubFixture>
{
    public const string Name = "Tenancy on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresHubFixture>
{
    public const string Name = "Tenancy on PostgreSQL";
}
