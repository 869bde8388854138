using System.Net;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Identity.Tests.ApiClients;

/// <summary>
/// A TenantAdmin adds, rotates and revokes API clients; a business system gets tokens at its tenant's token endpoint;
/// a token works only in the tenant that issued it, only with its scopes, and only until its secret is rotated.
/// </summary>
public abstract class ApiClientTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    private const string CasesPath = "api/v1/cases";

    [Fact]
    public async Task A_new_client_gets_a_token_that_reads_its_own_tenants_cases()
    {
        using var admin = await SignedInAsync(Own);
        var credentials = await ApiAccess.CreateClientAsync(admin, Own, "ByggR", ApiScopes.CasesRead);

        using var response = await ApiAccess.RequestTokenAsync(Fixture.BaseAddress, Own, credentials.ClientId, credentials.Secret);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        using var api = ApiAccess.Bearer(Fixture.BaseAddress, body.GetProperty("access_token").GetString()!);
        using var cases = await api.GetAsync($"/{Own}/{CasesPath}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString(), ignoreCase: true);
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 1700, 1800);
        Assert.StartsWith(Own + "-", credentials.ClientId, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
    }

    [Fact]
    public async Task A_wrong_secret_an_unknown_client_and_another_tenants_client_get_401_invalid_client()
    {
        using var admin = await SignedInAsync(Own);
        using var otherAdmin = await SignedInAsync(Other);
        var own = await ApiAccess.CreateClientAsync(admin, Own, "Public 360", ApiScopes.CasesRead);
        var foreign = await ApiAccess.CreateClientAsync(otherAdmin, Other, "Procapita", ApiScopes.CasesRead);

        foreach (var (clientId, secret) in new[] { (own.ClientId, own.Secret + "x"), ("nobody", own.Secret), (foreign.ClientId, foreign.Secret) })
        {
            using var response = await ApiAccess.RequestTokenAsync(Fixture.BaseAddress, Own, clientId, secret);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task A_token_of_one_tenant_is_refused_by_another_tenants_api()
    {
        using var admin = await SignedInAsync(Own);
        using var api = await ApiAccess.ClientAsync(Fixture, admin, Own, "ByggR", ApiScopes.CasesRead);

        using var own = await api.GetAsync($"/{Own}/{CasesPath}");
        using var other = await api.GetAsync($"/{Other}/{CasesPath}");
        var (_, type, _) = await ApiAccess.ProblemAsync(other);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(other.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, other.StatusCode.ToString());
        Assert.StartsWith(ApiProblems.TypePrefix, type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_as_a_problem()
    {
        using var http = new HttpClient { BaseAddress = Fixture.BaseAddress };

        using var response = await http.GetAsync($"/{Own}/{CasesPath}");
        var (status, type, _) = await ApiAccess.ProblemAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(ApiProblems.TypePrefix + "unauthenticated", type);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scope_the_client_lacks_is_refused_at_the_token_endpoint_and_at_the_api()
    {
        using var admin = await SignedInAsync(Own);
        var credentials = await ApiAccess.CreateClientAsync(admin, Own, "Statistik", ApiScopes.StatisticsRead);

        using var asked = await ApiAccess.RequestTokenAsync(Fixture.BaseAddress, Own, credentials.ClientId, credentials.Secret, ApiScopes.CasesRead);
        using var api = ApiAccess.Bearer(Fixture.BaseAddress, await ApiAccess.TokenAsync(Fixture.BaseAddress, credentials));
        using var cases = await api.GetAsync($"/{Own}/{CasesPath}");
        var (status, type, _) = await ApiAccess.ProblemAsync(cases);

        Assert.Equal("invalid_scope", JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(ApiProblems.TypePrefix + "forbidden", type);
    }

    [Fact]
    public async Task Rotating_ends_the_old_secret_and_its_tokens_and_revoking_ends_the_client()
    {
        using var admin = await SignedInAsync(Own);
        var first = await ApiAccess.CreateClientAsync(admin, Own, "ByggR", ApiScopes.CasesRead);
        using var oldApi = ApiAccess.Bearer(Fixture.BaseAddress, await ApiAccess.TokenAsync(Fixture.BaseAddress, first));
        var id = ClientRowId(await admin.GetStringAsync($"/{Own}/admin/api-klienter"), first.ClientId);

        using var rotated = await admin.PostFormAsync($"/{Own}/admin/api-klienter", [new("id", id)], $"/{Own}/admin/api-klienter?handler=Rotate");
        var second = ApiAccess.Parse(Own, await rotated.Content.ReadAsStringAsync())!;
        using var oldToken = await oldApi.GetAsync($"/{Own}/{CasesPath}");
        using var oldSecret = await ApiAccess.RequestTokenAsync(Fixture.BaseAddress, Own, first.ClientId, first.Secret);
        using var newApi = ApiAccess.Bearer(Fixture.BaseAddress, await ApiAccess.TokenAsync(Fixture.BaseAddress, second));
        using var newToken = await newApi.GetAsync($"/{Own}/{CasesPath}");

        using var revoked = await admin.PostFormAsync($"/{Own}/admin/api-klienter", [new("id", id)], $"/{Own}/admin/api-klienter?handler=Revoke");
        using var afterRevoke = await newApi.GetAsync($"/{Own}/{CasesPath}");
        using var tokenAfterRevoke = await ApiAccess.RequestTokenAsync(Fixture.BaseAddress, Own, second.ClientId, second.Secret);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.True(rotated.Headers.CacheControl?.NoStore, "A page with a secret must not be cached.");
        Assert.Equal(first.ClientId, second.ClientId);
        Assert.NotEqual(first.Secret, second.Secret);
        Assert.Equal(HttpStatusCode.Forbidden, oldToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAfterRevoke.StatusCode);
        await using var scope = TenantScope(Own);
        var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("api-client", first.ClientId);
        Assert.Equal(["api-client.created", "api-client.rotated", "api-client.revoked"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("staff:" + DemoAccounts.TenantAdmin, e.Actor));
    }

    [Fact]
    public async Task Another_tenants_client_cannot_be_rotated_or_revoked_and_is_not_listed()
    {
        using var admin = await SignedInAsync(Own);
        using var otherAdmin = await SignedInAsync(Other);
        var foreign = await ApiAccess.CreateClientAsync(otherAdmin, Other, "Procapita", ApiScopes.CasesRead);
        var id = ClientRowId(await otherAdmin.GetStringAsync($"/{Other}/admin/api-klienter"), foreign.ClientId);

        var (_, list) = await admin.GetStringAsync($"/{Own}/admin/api-klienter");
        using var rotate = await admin.PostFormAsync($"/{Own}/admin/api-klienter", [new("id", id)], $"/{Own}/admin/api-klienter?handler=Rotate");
        using var revoke = await admin.PostFormAsync($"/{Own}/admin/api-klienter", [new("id", id)], $"/{Own}/admin/api-klienter?handler=Revoke");

        Assert.DoesNotContain(foreign.ClientId, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, rotate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        using var still = await ApiAccess.RequestTokenAsync(Fixture.BaseAddress, Other, foreign.ClientId, foreign.Secret);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task The_admin_pages_refuse_posts_without_antiforgery_and_people_without_the_admin_role()
    {
        using var admin = await SignedInAsync(Own);
        using var editor = await SignedInAsync(Own, DemoAccounts.Editor);

        using var forged = await admin.PostWithTokenAsync($"/{Own}/admin/api-klienter/ny", null, [new("Name", "X"), new("Scopes", ApiScopes.CasesRead)]);
        using var notAdmin = await editor.GetAsync($"/{Own}/admin/api-klienter");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, notAdmin.StatusCode);
        Assert.Contains("atkomst-nekad", notAdmin.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_without_a_name_or_scopes_is_refused_next_to_the_fields()
    {
        using var admin = await SignedInAsync(Own);

        using var response = await admin.PostFormAsync($"/{Own}/admin/api-klienter/ny", [new("Name", "  "), new("Scopes", "everything")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Skriv klientens namn", html, StringComparison.Ordinal);
        Assert.Contains("Välj minst en behörighet", html, StringComparison.Ordinal);
        Assert.Null(ApiAccess.Parse(Own, html));
    }

    private static string ClientRowId((HttpStatusCode Status, string Body) page, string clientId)
    {
        var html = page.Body;
        var row = html.IndexOf(clientId, StringComparison.Ordinal);
        Assert.True(row >= 0, "The client is not on the list.");
        var marker = "name=\"id\" value=\"";
        var start = html.IndexOf(marker, row, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteApiClientTests(SqliteHubFixture fixture) : ApiClientTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresApiClientTests(PostgresHubFixture fixture) : ApiClientTests(fixture);
