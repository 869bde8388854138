using System.Net;
using Hub.Testing;

namespace Hub.Identity.Tests.Citizens;

public abstract class CitizenLoginTests(HubFixture fixture) : IAsyncLifetime
{
    private string slug = "";
    private string other = "";

    public async Task InitializeAsync()
    {
        slug = await fixture.CreateTenantAsync("eid");
        other = await fixture.CreateTenantAsync("eidother");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_citizen_logs_in_with_e_id_and_lands_on_the_page_they_asked_for()
    {
        using var client = fixture.CreateClient();

        var landed = await client.LogInAsync(slug, CitizenEId.Tolvan, $"/{slug}/e-legitimation");
        var (status, html) = await client.GetStringAsync(landed);

        Assert.Equal($"/{slug}/e-legitimation", landed);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tolvan Tolvansson", html, StringComparison.Ordinal);
        Assert.Contains("19121212-1212", html, StringComparison.Ordinal);
        var cookie = client.Cookies.GetCookies(new Uri(client.BaseAddress, $"/{slug}/")).Single(c => c.Name.StartsWith(".Hub.Citizen", StringComparison.Ordinal));
        Assert.Equal($".Hub.Citizen.{slug}", cookie.Name);
        Assert.Equal($"/{slug}", cookie.Path);
        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public async Task A_citizen_page_sends_a_visitor_to_the_tenants_e_id_login_not_the_staff_login()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync($"/{slug}/e-legitimation");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{slug}/e-legitimation/logga-in?returnUrl=%2F{slug}%2Fe-legitimation", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_session_on_one_municipality_is_worthless_on_another()
    {
        using var client = fixture.CreateClient();
        await client.LogInAsync(slug);

        using var own = await client.GetAsync($"/{slug}/e-legitimation");
        using var elsewhere = await client.GetAsync($"/{other}/e-legitimation");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.StartsWith($"/{other}/e-legitimation/logga-in", elsewhere.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("/hub/admin")]
    public async Task A_return_address_outside_the_tenant_is_not_followed(string returnUrl)
    {
        using var client = fixture.CreateClient();

        var landed = await client.LogInAsync(slug, CitizenEId.AnnaAndersson, returnUrl);

        Assert.Equal($"/{slug}/", landed);
    }

    [Fact]
    public async Task The_chooser_explains_an_invalid_personnummer_beside_the_field()
    {
        using var client = fixture.CreateClient();
        var chooser = await client.OpenChooserAsync(slug);

        using var response = await client.SubmitChooserAsync(chooser,
            [new("Input.Person", "other"), new("Input.PersonalIdentityNumber", "19121212-1213"), new("Input.GivenName", "Fel"),
             new("Input.FamilyName", "Siffra"), new("decision", "login")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_PersonalIdentityNumber-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Personnumret är inte giltigt", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_PersonalIdentityNumber\"", html, StringComparison.Ordinal);
        Assert.Contains("Test-e-legitimation – inte en riktig inloggning", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_not_in_the_list_can_be_typed_in()
    {
        using var client = fixture.CreateClient();
        var chooser = await client.OpenChooserAsync(slug, $"/{slug}/e-legitimation");

        using var chosen = await client.SubmitChooserAsync(chooser,
            [new("Input.Person", "other"), new("Input.PersonalIdentityNumber", "198504172381"), new("Input.GivenName", "Anna"),
             new("Input.FamilyName", "Testsson"), new("decision", "login")]);
        var landed = await client.FinishAtCallbackAsync(chosen);
        var (_, html) = await client.GetStringAsync(landed);

        Assert.Contains("Anna Testsson", html, StringComparison.Ordinal);
        Assert.Contains("19850417-2381", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_at_the_provider_comes_back_to_a_friendly_page()
    {
        using var client = fixture.CreateClient();
        var chooser = await client.OpenChooserAsync(slug);

        using var cancelled = await client.SubmitChooserAsync(chooser, [new("decision", "cancel")]);
        Assert.Contains("error=access_denied", CitizenEId.Location(client, cancelled).Query, StringComparison.Ordinal);
        var landed = await client.FinishAtCallbackAsync(cancelled);
        var (status, html) = await client.GetStringAsync(landed);
        using var page = await client.GetAsync($"/{slug}/e-legitimation");

        Assert.Equal($"/{slug}/e-legitimation/misslyckades?avbrutet=true", landed);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Du avbröt inloggningen", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task A_callback_with_a_forged_state_is_refused_kindly()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync($"/{slug}/signin-eid?code=abc&state=forged");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{slug}/e-legitimation/misslyckades", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_provider_refuses_a_redirect_uri_on_another_origin()
    {
        using var client = fixture.CreateClient();
        using var challenge = await client.GetAsync($"/{slug}/e-legitimation/logga-in");
        var authorize = CitizenEId.Location(client, challenge).AbsoluteUri;
        var own = Uri.EscapeDataString(new Uri(client.BaseAddress, $"/{slug}/signin-eid").AbsoluteUri);

        using var foreign = await client.GetAsync(authorize.Replace(own, Uri.EscapeDataString($"https://evil.example/{slug}/signin-eid"), StringComparison.Ordinal));
        using var otherPath = await client.GetAsync(authorize.Replace(own, Uri.EscapeDataString(new Uri(client.BaseAddress, $"/{slug}/somewhere").AbsoluteUri), StringComparison.Ordinal));

        Assert.Contains(own, authorize, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Null(foreign.Headers.Location);
        Assert.Equal(HttpStatusCode.BadRequest, otherPath.StatusCode);
    }

    [Fact]
    public async Task Staff_and_citizen_sessions_live_side_by_side()
    {
        using var client = fixture.CreateClient();
        using var staff = await client.SignInAsync(slug, DemoAccounts.TenantAdmin, DemoAccounts.Password);
        await client.LogInAsync(slug);

        using var admin = await client.GetAsync($"/{slug}/admin");
        using var citizen = await client.GetAsync($"/{slug}/e-legitimation");
        using var logout = await client.PostFormAsync($"/{slug}/e-legitimation", [], $"/{slug}/e-legitimation/logga-ut");
        using var adminAfter = await client.GetAsync($"/{slug}/admin");
        using var citizenAfter = await client.GetAsync($"/{slug}/e-legitimation");

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, citizen.StatusCode);
        Assert.Equal($"/{slug}/", logout.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, adminAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, citizenAfter.StatusCode);
    }

    [Fact]
    public async Task A_citizen_session_opens_no_staff_page()
    {
        using var client = fixture.CreateClient();
        await client.LogInAsync(slug);

        using var admin = await client.GetAsync($"/{slug}/admin");

        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith($"/{slug}/konto/logga-in", admin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

[Collection(SqliteCitizenCollection.Name)]
public sealed class CitizenLoginTests_Sqlite(SqliteCitizenHubFixture fixture) : CitizenLoginTests(fixture);

[Collection(PostgresCitizenCollection.Name)]
public sealed class CitizenLoginTests_Postgres(PostgresCitizenHubFixture fixture) : CitizenLoginTests(fixture);
