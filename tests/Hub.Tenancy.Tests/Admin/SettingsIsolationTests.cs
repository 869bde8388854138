using System.Net;
using Hub.Abstractions;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tenancy.Tests.Admin;

/// <summary>A TenantAdmin of one municipality tries to read and change another's settings by editing URLs, ids, cookies and form fields.</summary>
public abstract class SettingsIsolationTests(HubFixture fixture) : IAsyncLifetime
{
    private string own = "";
    private string other = "";

    public async Task InitializeAsync()
    {
        own = await fixture.CreateTenantAsync("own");
        other = await fixture.CreateTenantAsync("other");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private TenantSnapshot Tenant(string slug) => fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug)!;

    private async Task<HubClient> SignedInAsync(string slug, string user = DemoAccounts.TenantAdmin)
    {
        var client = fixture.CreateClient();
        using var response = await client.SignInAsync(slug, user, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static List<KeyValuePair<string, string>> Settings(string name, string primary = "#1f3a5f") =>
    [
        new("Input.DisplayName", name), new("Input.PrimaryColor", primary), new("Input.PrimaryTextColor", "#ffffff"),
        new("Input.AccentColor", "#1a5496"), new("Input.ContactEmail", "ny@kommun.example"), new("Input.OfferEnglish", "true"),
    ];

    [Fact]
    public async Task Admin_changes_own_settings_and_the_site_shows_them()
    {
        using var client = await SignedInAsync(own);

        using var response = await client.PostFormAsync($"/{own}/admin/installningar", Settings("Nytt namn", "#004d40"));
        var (_, home) = await client.GetStringAsync($"/{own}/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Nytt namn", Tenant(own).Settings.DisplayName);
        Assert.Contains("Välkommen till Nytt namn", home, StringComparison.Ordinal);
        Assert.Contains("--hub-primary:#004d40", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Low_contrast_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        using var client = await SignedInAsync(own);
        var before = Tenant(own).Settings;

        using var response = await client.PostFormAsync($"/{own}/admin/installningar",
            [.. Settings("Blekt namn", "#dddddd")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_PrimaryTextColor\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_PrimaryTextColor-error\"", html, StringComparison.Ordinal);
        Assert.Contains("4,5:1", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Blekt namn\"", html, StringComparison.Ordinal);
        Assert.Equal(before.DisplayName, Tenant(own).Settings.DisplayName);
    }

    [Fact]
    public async Task A_site_without_English_stays_Swedish_for_a_visitor_who_chose_English()
    {
        using var client = await SignedInAsync(own);
        using var saved = await client.PostFormAsync($"/{own}/admin/installningar",
            [.. Settings("Bara svenska").Where(f => f.Key != "Input.OfferEnglish")]);
        using var switched = await client.PostFormAsync($"/{other}/", [new("culture", "en"), new("returnUrl", $"/{other}/")], $"/{other}/sprak");

        var (_, ownHome) = await client.GetStringAsync($"/{own}/");
        var (_, otherHome) = await client.GetStringAsync($"/{other}/");

        Assert.Equal(["sv"], Tenant(own).Settings.Languages);
        Assert.Contains("<html lang=\"sv\" dir=\"ltr\">", ownHome, StringComparison.Ordinal);
        Assert.DoesNotContain("Change language to English", ownHome, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", otherHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_settings_page_asks_for_that_tenants_sign_in()
    {
        using var client = await SignedInAsync(own);

        using var response = await client.GetAsync($"/{other}/admin/installningar");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/{other}/konto/logga-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_to_another_tenants_settings_changes_nothing()
    {
        using var client = await SignedInAsync(own);
        var (_, form) = await client.GetStringAsync($"/{own}/admin/installningar");

        using var response = await client.PostWithTokenAsync($"/{other}/admin/installningar", HubClient.AntiforgeryToken(form), Settings("Kapad"));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("Kapad", Tenant(other).Settings.DisplayName);
    }

    [Fact]
    public async Task A_sign_in_cookie_renamed_for_another_tenant_is_refused()
    {
        using var client = await SignedInAsync(own);
        var cookie = client.Cookies.GetCookies(new Uri(client.BaseAddress, $"/{own}/")).Single(c => c.Name == $".Hub.Staff.{own}");
        client.Cookies.Add(client.BaseAddress, new Cookie($".Hub.Staff.{other}", cookie.Value, "/"));

        var (status, html) = await client.GetStringAsync($"/{other}/admin/installningar");
        using var post = await client.PostWithTokenAsync($"/{other}/admin/installningar", null, Settings("Kapad"));

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.DoesNotContain($"kontakt@{other}.example", html, StringComparison.Ordinal);
        Assert.NotEqual("Kapad", Tenant(other).Settings.DisplayName);
    }

    [Fact]
    public async Task Form_fields_naming_another_tenant_are_ignored()
    {
        using var client = await SignedInAsync(own);
        var otherTenant = Tenant(other);

        using var response = await client.PostFormAsync($"/{own}/admin/installningar",
            [.. Settings("Eget namn"), new("TenantId", otherTenant.Id.ToString()), new("Input.TenantId", otherTenant.Id.ToString()),
             new("Input.Slug", other), new("slug", other)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Eget namn", Tenant(own).Settings.DisplayName);
        Assert.Equal(otherTenant.Settings.DisplayName, Tenant(other).Settings.DisplayName);
    }

    [Fact]
    public async Task An_editor_cannot_change_the_settings()
    {
        using var client = await SignedInAsync(own, DemoAccounts.Editor);

        using var get = await client.GetAsync($"/{own}/admin/installningar");

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith($"/{own}/konto/atkomst-nekad", get.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_admin_cannot_reach_the_hub_admin_pages()
    {
        using var client = await SignedInAsync(own);
        var cookie = client.Cookies.GetCookies(new Uri(client.BaseAddress, $"/{own}/")).Single(c => c.Name == $".Hub.Staff.{own}");

        using var plain = await client.GetAsync($"/hub/admin/kommuner/{other}");
        client.Cookies.Add(client.BaseAddress, new Cookie(".Hub.Staff.hub", cookie.Value, "/"));
        using var renamed = await client.GetAsync($"/hub/admin/kommuner/{other}");
        using var disable = await client.PostWithTokenAsync($"/hub/admin/kommuner/{other}", null,
            [new("Input.DisplayName", "Kapad"), new("Input.State", "Disabled")]);

        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.StartsWith("/hub/konto/logga-in", plain.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.StartsWith("/hub/konto/atkomst-nekad", renamed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(TenantState.Running, Tenant(other).State);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SettingsIsolationTests_Sqlite(SqliteHubFixture fixture) : SettingsIsolationTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SettingsIsolationTests_Postgres(PostgresHubFixture fixture) : SettingsIsolationTests(fixture);
