using Hub.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Testing;

/// <summary>A hub whose clock a test moves forward, and whose timer worker looks often.</summary>
public abstract class ClockHubFixture(DatabaseProvider provider) : HubFixture(provider)
{
    public ShiftedClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Hub:Timers:PollInterval"] = "00:00:00.200" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }
}

public sealed class SqliteClockHubFixture() : ClockHubFixture(DatabaseProvider.Sqlite);

public sealed class PostgresClockHubFixture() : ClockHubFixture(DatabaseProvider.Postgres);
