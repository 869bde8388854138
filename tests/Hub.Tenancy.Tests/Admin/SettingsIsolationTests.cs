using System.Net;
using Hub.Abstractions;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tenancy.Tests.Admin;

/// <summary>A TenantAdmin of one municipality tries to read and change another's settings by editing URLs, ids, cookies and form fields.</summary>
public abstract class SettingsIsolationTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    private TenantSnapshot Tenant(string slug) => Fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug)!;

    private static List<KeyValuePair<string, string>> Settings(string name, string primary = "#1f3a5f") =>
    [
        new("Input.DisplayName", name), new("Input.PrimaryColor", primary), new("Input.PrimaryTextColor", "#ffffff"),
        new("Input.AccentColor", "#1a5496"), new("Input.ContactEmail", "ny@kommun.example"), new("Input.OfferEnglish", "true"),
    ];

    [Fact]
    public async Task Admin_changes_own_settings_and_the_site_shows_them()
    {
        using var client = await SignedInAsync(Own);

        using var response = await client.PostFormAsync($"/{Own}/admin/installningar", Settings("Nytt namn", "#004d40"));
        var (_, home) = await client.GetStringAsync($"/{Own}/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Nytt namn", Tenant(Own).Settings.DisplayName);
        Assert.Contains("Välkommen till Nytt namn", home, StringComparison.Ordinal);
        Assert.Contains("--hub-primary:#004d40", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tyresos_admin_cannot_read_or_change_Mjolbys_settings_or_users()
    {
        using var client = await SignedInAsync("tyreso");
        var mjolby = Tenant("mjolby");
        var cookie = client.Cookies.GetCookies(new Uri(client.BaseAddress, "/tyreso/")).Single(c => c.Name == ".Hub.Staff.tyreso");
        var (_, form) = await client.GetStringAsync("/tyreso/admin/installningar");
        var token = HubClient.AntiforgeryToken(form);

        var (settingsStatus, _) = await client.GetStringAsync("/mjolby/admin/installningar");
        var (usersStatus, _) = await client.GetStringAsync("/mjolby/admin/anvandare");
        using var post = await client.PostWithTokenAsync("/mjolby/admin/installningar", token, Settings("Kapad"));
        var tyreso = Tenant("tyreso").Settings;
        using var crafted = await client.PostWithTokenAsync("/tyreso/admin/installningar", token,
        [
            new("Input.DisplayName", tyreso.DisplayName), new("Input.LogoUrl", tyreso.LogoUrl ?? ""), new("Input.PrimaryColor", tyreso.PrimaryColor),
            new("Input.PrimaryTextColor", tyreso.PrimaryTextColor), new("Input.AccentColor", tyreso.AccentColor),
            new("Input.ContactEmail", tyreso.Contact.Email ?? ""), new("Input.ContactPhone", tyreso.Contact.Phone ?? ""),
            new("Input.ContactAddress", tyreso.Contact.Address ?? ""), new("Input.Website", tyreso.Contact.Website ?? ""),
            new("Input.OfferEnglish", "true"), new("TenantId", mjolby.Id.ToString()), new("Input.TenantId", mjolby.Id.ToString()),
        ]);
        client.Cookies.Add(client.BaseAddress, new Cookie(".Hub.Staff.mjolby", cookie.Value, "/"));
        var (renamedStatus, renamedHtml) = await client.GetStringAsync("/mjolby/admin/anvandare");

        Assert.Equal(HttpStatusCode.Redirect, settingsStatus);
        Assert.Equal(HttpStatusCode.Redirect, usersStatus);
        Assert.DoesNotContain("saved", post.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, crafted.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, renamedStatus);
        Assert.DoesNotContain("admin@mjolby.example", renamedHtml, StringComparison.Ordinal);
        Assert.Equal(mjolby.Settings, Tenant("mjolby").Settings with { Languages = mjolby.Settings.Languages });
        Assert.Equal("Tyresö kommun", Tenant("tyreso").Settings.DisplayName);
    }

    [Fact]
    public async Task Low_contrast_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        using var client = await SignedInAsync(Own);
        var before = Tenant(Own).Settings;

        using var response = await client.PostFormAsync($"/{Own}/admin/installningar",
            [.. Settings("Blekt namn", "#dddddd")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_PrimaryTextColor\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_PrimaryTextColor-error\"", html, StringComparison.Ordinal);
        Assert.Contains("4,5:1", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Blekt namn\"", html, StringComparison.Ordinal);
        Assert.Equal(before.DisplayName, Tenant(Own).Settings.DisplayName);
    }

    [Fact]
    public async Task A_site_without_English_stays_Swedish_for_a_visitor_who_chose_English()
    {
        using var client = await SignedInAsync(Own);
        using var saved = await client.PostFormAsync($"/{Own}/admin/installningar",
            [.. Settings("Bara svenska").Where(f => f.Key != "Input.OfferEnglish")]);
        using var switched = await client.GetAsync($"/{Other}/sprak/en?returnUrl=/{Other}/");

        var (_, ownHome) = await client.GetStringAsync($"/{Own}/");
        var (_, otherHome) = await client.GetStringAsync($"/{Other}/");

        Assert.Equal(["sv"], Tenant(Own).Settings.Languages);
        Assert.Contains("<html lang=\"sv\" dir=\"ltr\">", ownHome, StringComparison.Ordinal);
        Assert.DoesNotContain("Change language to English", ownHome, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", otherHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_settings_page_asks_for_that_tenants_sign_in()
    {
        using var client = await SignedInAsync(Own);

        using var response = await client.GetAsync($"/{Other}/admin/installningar");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/{Other}/konto/logga-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_to_another_tenants_settings_changes_nothing()
    {
        using var client = await SignedInAsync(Own);
        var (_, form) = await client.GetStringAsync($"/{Own}/admin/installningar");

        using var response = await client.PostWithTokenAsync($"/{Other}/admin/installningar", HubClient.AntiforgeryToken(form), Settings("Kapad"));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("Kapad", Tenant(Other).Settings.DisplayName);
    }

    [Fact]
    public async Task A_sign_in_cookie_renamed_for_another_tenant_is_refused()
    {
        using var client = await SignedInAsync(Own);
        var cookie = client.Cookies.GetCookies(new Uri(client.BaseAddress, $"/{Own}/")).Single(c => c.Name == $".Hub.Staff.{Own}");
        client.Cookies.Add(client.BaseAddress, new Cookie($".Hub.Staff.{Other}", cookie.Value, "/"));

        var (status, html) = await client.GetStringAsync($"/{Other}/admin/installningar");
        using var post = await client.PostWithTokenAsync($"/{Other}/admin/installningar", null, Settings("Kapad"));

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.DoesNotContain($"kontakt@{Other}.example", html, StringComparison.Ordinal);
        Assert.NotEqual("Kapad", Tenant(Other).Settings.DisplayName);
    }

    [Fact]
    public async Task Form_fields_naming_another_tenant_are_ignored()
    {
        using var client = await SignedInAsync(Own);
        var otherTenant = Tenant(Other);

        using var response = await client.PostFormAsync($"/{Own}/admin/installningar",
            [.. Settings("Eget namn"), new("TenantId", otherTenant.Id.ToString()), new("Input.TenantId", otherTenant.Id.ToString()),
             new("Input.Slug", Other), new("slug", Other)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Eget namn", Tenant(Own).Settings.DisplayName);
        Assert.Equal(otherTenant.Settings.DisplayName, Tenant(Other).Settings.DisplayName);
    }

    [Fact]
    public async Task An_editor_cannot_change_the_settings()
    {
        using var client = await SignedInAsync(Own, DemoAccounts.Editor);

        using var get = await client.GetAsync($"/{Own}/admin/installningar");

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith($"/{Own}/konto/atkomst-nekad", get.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_admin_cannot_reach_the_hub_admin_pages()
    {
        using var client = await SignedInAsync(Own);
        var cookie = client.Cookies.GetCookies(new Uri(client.BaseAddress, $"/{Own}/")).Single(c => c.Name == $".Hub.Staff.{Own}");

        using var plain = await client.GetAsync($"/hub/admin/kommuner/{Other}");
        client.Cookies.Add(client.BaseAddress, new Cookie(".Hub.Staff.hub", cookie.Value, "/"));
        using var renamed = await client.GetAsync($"/hub/admin/kommuner/{Other}");
        using var disable = await client.PostWithTokenAsync($"/hub/admin/kommuner/{Other}", null,
            [new("Input.DisplayName", "Kapad"), new("Input.State", "Disabled")]);

        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.StartsWith("/hub/konto/logga-in", plain.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        // Refused either way: the ticket's account does not exist in the hub (sign in) or its tenant claim is wrong (denied).
        Assert.StartsWith("/hub/konto/", renamed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(TenantState.Running, Tenant(Other).State);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SettingsIsolationTests_Sqlite(SqliteHubFixture fixture) : SettingsIsolationTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SettingsIsolationTests_Postgres(PostgresHubFixture fixture) : SettingsIsolationTests(fixture);
