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

    [Fact]
    public async Task A_real_brokers_origin_may_receive_form_posts_and_no_other()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new HubAppFactory(database, settings: new Dictionary<string, string>
        {
            ["Hub:EId:Provider"] = "Oidc",
            ["Hub:EId:Authority"] = "https://eid.example.se/oidc/",
            ["Hub:EId:ClientId"] = "hub",
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/tyreso/");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self' https://eid.example.se;", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_broker_forms_post_only_to_the_hub()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new HubAppFactory(database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/tyreso/");

        Assert.Contains("form-action 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }
}
