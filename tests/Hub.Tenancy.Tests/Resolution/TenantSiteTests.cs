using System.Net;
using Hub.Abstractions;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tenancy.Tests.Resolution;

public abstract class TenantSiteTests(HubFixture fixture)
{
    [Theory]
    [InlineData("/", "Anslutna kommuner")]
    [InlineData("/tyreso/", "Tyresö kommun")]
    [InlineData("/mjolby/", "Mjölby kommun")]
    [InlineData("/sundsvall/", "Sundsvalls kommun")]
    public async Task Each_public_page_names_its_site_in_Swedish(string path, string name)
    {
        using var client = fixture.CreateClient();

        var (status, html) = await client.GetStringAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"sv\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains(name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hub_page_lists_every_running_member()
    {
        using var client = fixture.CreateClient();

        var (_, html) = await client.GetStringAsync("/");

        foreach (var member in new[] { "tyreso", "mjolby", "sundsvall" })
        {
            Assert.Contains($"href=\"/{member}/\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Switching_to_English_sets_the_page_language_and_returns_to_the_page()
    {
        using var client = fixture.CreateClient();

        var (_, swedish) = await client.GetStringAsync("/tyreso/");
        Assert.Contains("href=\"/tyreso/sprak/en?returnUrl=%2Ftyreso%2F\"", swedish, StringComparison.Ordinal);
        using var switched = await client.GetAsync("/tyreso/sprak/en?returnUrl=%2Ftyreso%2F");
        var (_, html) = await client.GetStringAsync("/tyreso/");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/tyreso/", switched.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("Welcome to Tyresö kommun", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_refuses_to_redirect_off_the_site()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/tyreso/sprak/en?returnUrl=//evil.example/");

        Assert.Equal("/tyreso/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Public_pages_set_no_cookies_so_they_can_be_cached()
    {
        using var client = fixture.CreateClient();

        using var home = await client.GetAsync("/tyreso/");
        using var contact = await client.GetAsync("/tyreso/kontakt");

        Assert.False(home.Headers.Contains("Set-Cookie"));
        Assert.False(contact.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_cached_public_page_shows_a_settings_change_at_once()
    {
        var slug = await fixture.CreateTenantAsync();
        using var visitor = fixture.CreateClient();
        var (_, before) = await visitor.GetStringAsync($"/{slug}/");
        var (_, beforeAgain) = await visitor.GetStringAsync($"/{slug}/");
        using var admin = fixture.CreateClient();
        using var signIn = await admin.SignInAsync(slug, DemoAccounts.TenantAdmin, DemoAccounts.Password);

        using var saved = await admin.PostFormAsync($"/{slug}/admin/installningar",
            [new("Input.DisplayName", "Omdöpt kommun"), new("Input.PrimaryColor", "#1f3a5f"), new("Input.PrimaryTextColor", "#ffffff"),
             new("Input.AccentColor", "#1a5496"), new("Input.OfferEnglish", "true")]);
        var (_, after) = await visitor.GetStringAsync($"/{slug}/");

        Assert.Equal(before, beforeAgain);
        Assert.Contains($"Testkommun {slug}", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Välkommen till Omdöpt kommun", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cached_pages_keep_languages_apart()
    {
        using var swedish = fixture.CreateClient();
        using var english = fixture.CreateClient();
        using var switched = await english.GetAsync("/mjolby/sprak/en?returnUrl=%2Fmjolby%2F");

        var (_, sv1) = await swedish.GetStringAsync("/mjolby/kontakt");
        var (_, en1) = await english.GetStringAsync("/mjolby/kontakt");
        var (_, sv2) = await swedish.GetStringAsync("/mjolby/kontakt");

        Assert.Contains("Kontakta Mjölby kommun", sv1, StringComparison.Ordinal);
        Assert.Contains("Contact Mjölby kommun", en1, StringComparison.Ordinal);
        Assert.Contains("Kontakta Mjölby kommun", sv2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_language_cookie_or_return_address_is_no_server_error()
    {
        using var client = fixture.CreateClient();
        client.Cookies.Add(client.BaseAddress, new System.Net.Cookie(".Hub.Culture", "c=x|uic=x", "/"));

        var (home, html) = await client.GetStringAsync("/tyreso/");
        using var odd = await client.GetAsync("/tyreso/sprak/en?returnUrl=/%09/x");

        Assert.Equal(HttpStatusCode.OK, home);
        Assert.Contains("<html lang=\"sv\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, odd.StatusCode);
        Assert.Equal("/tyreso/", odd.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_expired_form_explains_itself_instead_of_blaming_the_server()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostWithTokenAsync("/tyreso/konto/logga-in", "utgången", [new("UserName", "admin"), new("Password", "x")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Det gick inte att skicka", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tekniskt fel", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_language_falls_back_to_Swedish()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/tyreso/sprak/xx?returnUrl=%2Ftyreso%2F");
        var (_, html) = await client.GetStringAsync("/tyreso/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("<html lang=\"sv\" dir=\"ltr\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-municipality/")]
    [InlineData("/tyreso/no-such-page")]
    [InlineData("/admin")]
    public async Task Unknown_addresses_get_a_friendly_404_page(string path)
    {
        using var client = fixture.CreateClient();

        var (status, html) = await client.GetStringAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1>Sidan finns inte</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_address_without_trailing_slash_redirects_to_the_home_page()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/tyreso");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tyreso/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_tenant_is_found_by_its_own_host_name()
    {
        var slug = await fixture.CreateTenantAsync();
        await SetHostAsync(slug, $"{slug}.example.se");
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = $"{slug}.example.se";

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Testkommun {slug}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_tenant_answers_a_friendly_503_page_on_every_address()
    {
        var slug = await fixture.CreateTenantAsync();
        await DisableAsync(slug);
        using var client = fixture.CreateClient();

        foreach (var path in new[] { $"/{slug}/", $"/{slug}/kontakt", $"/{slug}/admin", $"/{slug}/konto/logga-in" })
        {
            var (status, html) = await client.GetStringAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("Webbplatsen är tillfälligt stängd", html, StringComparison.Ordinal);
        }

        var (_, hub) = await client.GetStringAsync("/");
        Assert.DoesNotContain($"/{slug}/", hub, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var client = fixture.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetStringAsync("/healthz")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetStringAsync("/readyz")).Status);
    }

    [Fact]
    public async Task Metrics_are_scraped_from_loopback_and_refused_to_a_visitor_through_the_proxy()
    {
        using var client = fixture.CreateClient();
        await client.GetAsync("/tyreso/");

        using var scrape = await client.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        // Loopback is a trusted proxy: the visitor's address it forwards is the one checked.
        viaProxy.Headers.Add("X-Forwarded-For", "203.0.113.5");
        using var refused = await client.SendAsync(viaProxy);

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/tyreso/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private async Task SetHostAsync(string slug, string host)
    {
        using var client = fixture.CreateClient();
        await SignInHubAdminAsync(client);
        using var response = await client.PostFormAsync($"/hub/admin/kommuner/{slug}",
            [new("Input.DisplayName", $"Testkommun {slug}"), new("Input.HostNames", host), new("Input.State", "Running"),
             new("Input.Features", TenancyModule.ContactPageFeature)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task DisableAsync(string slug)
    {
        using var client = fixture.CreateClient();
        await SignInHubAdminAsync(client);
        using var response = await client.PostFormAsync($"/hub/admin/kommuner/{slug}",
            [new("Input.DisplayName", $"Testkommun {slug}"), new("Input.State", "Disabled")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TenantState.Disabled, fixture.Services.GetRequiredService<ITenantDirectory>().FindBySlug(slug)!.State);
    }

    internal static async Task SignInHubAdminAsync(HubClient client)
    {
        using var response = await client.SignInAsync("hub", DemoAccounts.TenantAdmin, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TenantSiteTests_Sqlite(SqliteHubFixture fixture) : TenantSiteTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class TenantSiteTests_Postgres(PostgresHubFixture fixture) : TenantSiteTests(fixture);
