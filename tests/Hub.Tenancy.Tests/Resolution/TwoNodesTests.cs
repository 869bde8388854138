using System.Net;
using Hub.Data;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tenancy.Tests.Resolution;

/// <summary>Two web nodes on one PostgreSQL database behave as one site.</summary>
public sealed class TwoNodesTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private HubAppFactory first = null!;
    private HubAppFactory second = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        first = new HubAppFactory(database);
        _ = first.BaseAddress;
        second = new HubAppFactory(database);
        _ = second.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_tenant_created_on_one_node_is_served_by_the_other()
    {
        var slug = "n" + Guid.NewGuid().ToString("N")[..10];
        var created = await first.Services.GetRequiredService<ITenantProvisioner>().ApplyAsync(TestRecipes.Municipality(slug, "Nodkommun"));
        Assert.True(created.Succeeded);
        using var client = new HubClient(second.BaseAddress);

        // The other node notices within its refresh interval (one second in tests).
        var status = HttpStatusCode.NotFound;
        for (var attempt = 0; attempt < 50 && status != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(200);
            status = (await client.GetStringAsync($"/{slug}/")).Status;
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_sign_in_on_one_node_is_accepted_by_the_other()
    {
        using var client = new HubClient(first.BaseAddress);
        using var signIn = await client.SignInAsync("tyreso", DemoAccounts.TenantAdmin, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = client.Cookies.GetCookies(new Uri(first.BaseAddress, "/tyreso/"));
        using var other = new HubClient(second.BaseAddress);
        foreach (Cookie cookie in cookies)
        {
            other.Cookies.Add(new Uri(second.BaseAddress, "/tyreso/"), new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        var (status, html) = await other.GetStringAsync("/tyreso/admin/installningar");
        using var saved = await other.PostFormAsync("/tyreso/admin/installningar",
            [new("Input.DisplayName", "Tyresö kommun"), new("Input.PrimaryColor", "#005a8c"), new("Input.PrimaryTextColor", "#ffffff"),
             new("Input.AccentColor", "#005a8c"), new("Input.OfferEnglish", "true")]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tyresö kommun", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}
