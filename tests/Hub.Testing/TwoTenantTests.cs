using System.Net;
using Hub.Tenancy.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Hub.Testing;

/// <summary>
/// A test class that works in a fresh tenant of its own and tries to reach a second, fresh tenant: the shape of every
/// tenant-isolation test. Each test gets two new tenants (one staff account per role, see <see cref="DemoAccounts"/>).
/// </summary>
public abstract class TwoTenantTests(HubFixture fixture) : IAsyncLifetime
{
    protected HubFixture Fixture => fixture;

    /// <summary>The tenant the signed-in staff belong to.</summary>
    protected string Own { get; private set; } = "";

    /// <summary>The tenant they must not reach.</summary>
    protected string Other { get; private set; } = "";

    /// <summary>The e-services (files of <c>recipes/services</c>) both tenants publish; none unless a test class names some.</summary>
    protected virtual IReadOnlyList<string>? Services => null;

    public async Task InitializeAsync()
    {
        Own = await fixture.CreateTenantAsync("own", Services);
        Other = await fixture.CreateTenantAsync("other", Services);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A client signed in on <paramref name="slug"/> as <paramref name="user"/>.</summary>
    protected async Task<HubClient> SignedInAsync(string slug, string user = DemoAccounts.TenantAdmin)
    {
        var client = fixture.CreateClient();
        using var response = await client.SignInAsync(slug, user, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A DI scope acting as the tenant <paramref name="slug"/>.</summary>
    protected AsyncServiceScope TenantScope(string slug) => fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);
}
