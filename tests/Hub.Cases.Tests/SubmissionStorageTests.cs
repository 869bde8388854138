using Hub.Data;
using Hub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests;

/// <summary>
/// On SQLite a submitted case reaches the database file itself soon after, not only its write-ahead log: the hub
/// checkpoints in the background (requests no longer do), so a copy of the file alone, as a simple backup takes it,
/// holds the case.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class SubmissionStorageTests(SqliteHubFixture fixture) : IAsyncLifetime
{
    private string slug = "";

    public async Task InitializeAsync() => slug = await fixture.CreateTenantAsync("w", ["synpunkter"]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_submitted_case_is_checkpointed_into_the_database_file()
    {
        using var client = fixture.CreateClient();
        var number = CaseNumber(await client.SubmitFeedbackAsync(slug, "Säkerhetskopian"));

        var file = new SqliteConnectionStringBuilder(fixture.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString).DataSource;
        var directory = Directory.CreateTempSubdirectory("hub-checkpoint-");
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            long found;
            do
            {
                await Task.Delay(100);
                var copy = Path.Combine(directory.FullName, $"copy-{Guid.NewGuid():N}.db");
                File.Copy(file, copy); // the file alone, without its -wal
                await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """SELECT count(*) FROM cases_cases WHERE "Number" = @number""";
                command.Parameters.AddWithValue("@number", number);
                found = (long)(await command.ExecuteScalarAsync())!;
            }
            while (found == 0 && DateTime.UtcNow < deadline);

            Assert.Equal(1, found);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
