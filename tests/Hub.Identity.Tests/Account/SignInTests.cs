using System.Net;
using Hub.Testing;

namespace Hub.Identity.Tests.Account;

public abstract class SignInTests(HubFixture fixture) : IAsyncLifetime
{
    private string slug = "";

    public async Task InitializeAsync() => slug = await fixture.CreateTenantAsync("login");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Staff_sign_in_and_reach_the_admin_start_page()
    {
        using var client = fixture.CreateClient();

        using var response = await client.SignInAsync(slug, DemoAccounts.TenantAdmin, DemoAccounts.Password);
        var (status, html) = await client.GetStringAsync($"/{slug}/admin");

        Assert.Equal($"/{slug}/admin", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("/admin/installningar", html, StringComparison.Ordinal);
        Assert.Contains("/admin/anvandare", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_cookie_belongs_to_the_tenant_only()
    {
        using var client = fixture.CreateClient();

        using var response = await client.SignInAsync(slug, DemoAccounts.TenantAdmin, DemoAccounts.Password);

        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Hub.Staff.", StringComparison.Ordinal));
        Assert.StartsWith($".Hub.Staff.{slug}=", setCookie, StringComparison.Ordinal);
        Assert.Contains($"path=/{slug}", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_is_explained_beside_the_field()
    {
        using var client = fixture.CreateClient();

        using var response = await client.SignInAsync(slug, DemoAccounts.TenantAdmin, "fel-lösenord");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Användarnamnet eller lösenordet är fel", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#UserName\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{DemoAccounts.TenantAdmin}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fel-lösenord", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_fields_are_each_explained()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostFormAsync($"/{slug}/konto/logga-in", [new("UserName", ""), new("Password", "")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Fyll i ditt användarnamn", html, StringComparison.Ordinal);
        Assert.Contains("Fyll i ditt lösenord", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var client = fixture.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SignInAsync(slug, DemoAccounts.CaseOfficer, "fel-lösenord-" + i);
        }

        using var right = await client.SignInAsync(slug, DemoAccounts.CaseOfficer, DemoAccounts.Password);
        var html = await right.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Kontot är låst", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_of_one_tenant_cannot_sign_in_on_another()
    {
        var other = await fixture.CreateTenantAsync("elsewhere");
        using var admin = fixture.CreateClient();
        using var signIn = await admin.SignInAsync(slug, DemoAccounts.TenantAdmin, DemoAccounts.Password);
        using var created = await admin.PostFormAsync($"/{slug}/admin/anvandare/ny",
            [new("Input.UserName", "bara.har"), new("Input.DisplayName", "Bara Här"), new("Input.Email", "bara@har.example"),
             new("Input.Roles", "Editor"), new("Input.Password", DemoAccounts.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var client = fixture.CreateClient();

        using var elsewhere = await client.SignInAsync(other, "bara.har", DemoAccounts.Password);
        using var home = await client.SignInAsync(slug, "bara.har", DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_return_address_on_another_tenant_is_not_followed()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostFormAsync($"/{slug}/konto/logga-in?ReturnUrl=%2Fhub%2Fadmin",
            [new("UserName", DemoAccounts.TenantAdmin), new("Password", DemoAccounts.Password), new("ReturnUrl", "/hub/admin")]);

        Assert.Equal($"/{slug}/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Staff_change_their_own_password()
    {
        using var client = fixture.CreateClient();
        using var signIn = await client.SignInAsync(slug, DemoAccounts.Editor, DemoAccounts.Password);

        using var mismatch = await client.PostFormAsync($"/{slug}/konto/losenord",
            [new("CurrentPassword", DemoAccounts.Password), new("NewPassword", "Nytt-losen-2027"), new("ConfirmPassword", "Nytt-losen-2028")]);
        using var wrongCurrent = await client.PostFormAsync($"/{slug}/konto/losenord",
            [new("CurrentPassword", "fel"), new("NewPassword", "Nytt-losen-2027"), new("ConfirmPassword", "Nytt-losen-2027")]);
        using var changed = await client.PostFormAsync($"/{slug}/konto/losenord",
            [new("CurrentPassword", DemoAccounts.Password), new("NewPassword", "Nytt-losen-2027"), new("ConfirmPassword", "Nytt-losen-2027")]);
        var (stillSignedIn, _) = await client.GetStringAsync($"/{slug}/admin");
        using var fresh = fixture.CreateClient();
        using var oldPassword = await fresh.SignInAsync(slug, DemoAccounts.Editor, DemoAccounts.Password);
        using var newPassword = await fresh.SignInAsync(slug, DemoAccounts.Editor, "Nytt-losen-2027");

        Assert.Contains("Lösenorden är inte lika", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Det nuvarande lösenordet är fel", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = fixture.CreateClient();
        using var signIn = await client.SignInAsync(slug, DemoAccounts.TenantAdmin, DemoAccounts.Password);

        using var signOut = await client.PostFormAsync($"/{slug}/admin", [], $"/{slug}/konto/logga-ut");
        using var admin = await client.GetAsync($"/{slug}/admin");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith($"/{slug}/konto/logga-in", admin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignInTests_Sqlite(SqliteHubFixture fixture) : SignInTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SignInTests_Postgres(PostgresHubFixture fixture) : SignInTests(fixture);
