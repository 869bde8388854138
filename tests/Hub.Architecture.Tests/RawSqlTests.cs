using Mono.Cecil;

namespace Hub.Architecture.Tests;

/// <summary>
/// Tenant data is read and written through EF Core (query filters, TenantWriteGuard) or through Hub.Data's TenantSql,
/// which binds the current tenant itself (docs/decisions.md, 3). No other code of the hub opens a command of its own.
/// </summary>
public sealed class RawSqlTests
{
    /// <summary>Every assembly of the hub but Hub.Data, which owns the connection (and TenantSql).</summary>
    public static TheoryData<string> Assemblies => new()
    {
        "Hub.Web", "Hub.Abstractions", "Hub.Tenancy", "Hub.Identity", "Hub.Forms", "Hub.Packages", "Hub.Search", "Hub.Integrations", "Hub.Catalog", "Hub.Cases", "Hub.Audit", "Hub.Theme.Default",
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_code_outside_Hub_Data_opens_a_raw_command(string assembly) =>
        Assert.Empty(RawSqlCalls(assembly));

    [Fact]
    public void The_check_finds_the_commands_Hub_Data_opens()
    {
        // The connection's own commands are where they belong; the scan must see them, or it proves nothing above.
        Assert.Contains(RawSqlCalls("Hub.Data"), call => call.Contains("HubConnection", StringComparison.Ordinal));
    }

    private static List<string> RawSqlCalls(string assembly) =>
        IlScan.Calls(assembly, IsRawSql)
            .Select(call => $"{call.Type.FullName}.{call.Method.Name} calls {call.Target.DeclaringType.FullName}.{call.Target.Name}").ToList();

    private static bool IsRawSql(MethodReference method) => (method.DeclaringType.FullName, method.Name) switch
    {
        ("System.Data.Common.DbConnection" or "System.Data.IDbConnection" or "Microsoft.Data.Sqlite.SqliteConnection" or "Npgsql.NpgsqlConnection", "CreateCommand") => true,
        ("Microsoft.Data.Sqlite.SqliteCommand" or "Npgsql.NpgsqlCommand" or "Npgsql.NpgsqlBatch", ".ctor") => true,
        ("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", var name) => name.StartsWith("ExecuteSql", StringComparison.Ordinal) || name.StartsWith("SqlQuery", StringComparison.Ordinal),
        ("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions", var name) => name.StartsWith("FromSql", StringComparison.Ordinal),
        _ => false,
    };
}
