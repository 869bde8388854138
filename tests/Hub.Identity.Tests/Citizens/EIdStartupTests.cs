using Hub.Data;
using Hub.Testing;

namespace Hub.Identity.Tests.Citizens;

public sealed class EIdStartupTests
{
    [Fact]
    public async Task The_simulated_e_id_is_refused_in_production()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new HubAppFactory(database, "Production", settings: new Dictionary<string, string> { ["Hub:EId:Provider"] = "Simulated" });

        var exception = Record.Exception(() => factory.BaseAddress);

        Assert.NotNull(exception);
        var messages = string.Join(" | ", Chain(exception));
        Assert.Contains("Hub:EId:Provider is 'Simulated'", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }
}
