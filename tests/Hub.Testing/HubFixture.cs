using Hub.Data;
using Hub.Tenancy.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Hub.Testing;

/// <summary>One running hub per provider, shared by the test classes of a collection; each class makes its own tenants.</summary>
public abstract class HubFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? database;
    private HubAppFactory? factory;

    public DatabaseProvider Provider => provider;

    public HubAppFactory Factory => factory ?? throw new InvalidOperationException("The fixture has not started.");

    public Uri BaseAddress { get; private set; } = null!;

    public HubClient CreateClient() => new(BaseAddress);

    public IServiceProvider Services => Factory.Services;

    /// <summary>The e-mail the hub has sent (its pickup directory).</summary>
    public TestMailbox Mailbox => Factory.Mailbox;

    /// <summary>
    /// Provisions a new tenant with a unique slug from a recipe that has one staff account per role
    /// (user names as in <see cref="DemoAccounts"/>) and returns the slug.
    /// </summary>
    public async Task<string> CreateTenantAsync(string prefix = "t", IReadOnlyList<string>? services = null)
    {
        var slug = $"{prefix}{Guid.NewGuid().ToString("N")[..10]}";
        var json = TestRecipes.Municipality(slug, $"Testkommun {slug}", services: services);
        var result = await Services.GetRequiredService<ITenantProvisioner>().ApplyAsync(json);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return slug;
    }

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        factory = new HubAppFactory(database, settings: Settings, configureServices: ConfigureServices);
        BaseAddress = factory.BaseAddress;
    }

    /// <summary>Configuration a derived fixture gives its hub (say, a shorter poll interval).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>Test-only services (say, a probe endpoint) a derived fixture adds to its hub.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

public sealed class SqliteHubFixture() : HubFixture(DatabaseProvider.Sqlite);

public sealed class PostgresHubFixture() : HubFixture(DatabaseProvider.Postgres);

/// <summary>Recipes the tests write; valid unless a test changes them on purpose.</summary>
public static class TestRecipes
{
    public static string Municipality(
        string slug, string name, string primaryColor = "#1f3a5f", string primaryTextColor = "#ffffff", IReadOnlyList<string>? services = null) => $$"""
        {
          "name": "{{name}}",
          "steps": [
            { "step": "tenant", "slug": "{{slug}}", "settings": {
                "displayName": "{{name}}", "primaryColor": "{{primaryColor}}", "primaryTextColor": "{{primaryTextColor}}",
                "accentColor": "#1a5496", "contact": { "email": "kontakt@{{slug}}.example" }, "languages": ["sv", "en"] } },
            { "step": "features", "enable": ["Hub.Tenancy.ContactPage"] },
            { "step": "users", "users": [
              { "userName": "admin", "email": "admin@{{slug}}.example", "displayName": "Admin {{slug}}", "roles": ["TenantAdmin"], "password": "{{DemoAccounts.Password}}" },
              { "userName": "agare", "email": "agare@{{slug}}.example", "roles": ["ServiceOwner"], "password": "{{DemoAccounts.Password}}" },
              { "userName": "redaktor", "email": "redaktor@{{slug}}.example", "roles": ["Editor"], "password": "{{DemoAccounts.Password}}" },
              { "userName": "handlaggare", "email": "handlaggare@{{slug}}.example", "displayName": "Hanna Handläggare", "roles": ["CaseOfficer"], "password": "{{DemoAccounts.Password}}" },
              { "userName": "handlaggare2", "email": "handlaggare2@{{slug}}.example", "displayName": "Gustav Gruppledare", "roles": ["CaseOfficer"], "password": "{{DemoAccounts.Password}}" }
            ] }{{ServicesStep(services)}}
          ]
        }
        """;

    /// <summary>A <c>services</c> step publishing the named files of <c>recipes/services</c>, or nothing.</summary>
    private static string ServicesStep(IReadOnlyList<string>? services) =>
        services is { Count: > 0 }
            ? ", { \"step\": \"services\", \"services\": [" + string.Join(", ", services.Select(s => $"\"{s}\"")) + "] }"
            : "";
}
