using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Hub.Testing;

/// <summary>An API client as its TenantAdmin saw it once on the admin page.</summary>
public sealed record ApiCredentials(string Slug, string ClientId, string Secret);

/// <summary>
/// Gets API access the way a municipality does: a TenantAdmin adds a client on the admin page (the secret is read from
/// the page, as a person copies it), and the business system asks the tenant's token endpoint for a token.
/// </summary>
public static partial class ApiAccess
{
    /// <summary>Adds a client on <paramref name="slug"/> through <paramref name="admin"/>'s session.</summary>
    public static async Task<ApiCredentials> CreateClientAsync(HubClient admin, string slug, string name, params string[] scopes)
    {
        using var response = await admin.PostFormAsync($"/{slug}/admin/api-klienter/ny",
            [new("Name", name), .. scopes.Select(s => new KeyValuePair<string, string>("Scopes", s))]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Parse(slug, html) ?? throw new InvalidOperationException("No new secret on the page:\n" + html);
    }

    /// <summary>The client id and secret shown on a page after creating or rotating, if any.</summary>
    public static ApiCredentials? Parse(string slug, string html)
    {
        var match = SecretPattern().Match(html);
        return match.Success ? new ApiCredentials(slug, WebUtility.HtmlDecode(match.Groups[1].Value), WebUtility.HtmlDecode(match.Groups[2].Value)) : null;
    }

    /// <summary>The token endpoint's answer to a client credentials request.</summary>
    public static async Task<HttpResponseMessage> RequestTokenAsync(Uri baseAddress, string slug, string clientId, string secret, string? scope = null)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret) };
        if (scope is not null)
        {
            fields.Add(new("scope", scope));
        }

        return await http.PostAsync($"/{slug}/connect/token", new FormUrlEncodedContent(fields));
    }

    /// <summary>An access token for <paramref name="credentials"/> (all its scopes unless <paramref name="scope"/> names some).</summary>
    public static async Task<string> TokenAsync(Uri baseAddress, ApiCredentials credentials, string? scope = null)
    {
        using var response = await RequestTokenAsync(baseAddress, credentials.Slug, credentials.ClientId, credentials.Secret, scope);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>An HTTP client that sends <paramref name="token"/> as a bearer token.</summary>
    public static HttpClient Bearer(Uri baseAddress, string token)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    /// <summary>A client with a token for a new API client of <paramref name="slug"/> holding <paramref name="scopes"/>.</summary>
    public static async Task<HttpClient> ClientAsync(HubFixture fixture, HubClient admin, string slug, string name, params string[] scopes)
    {
        var credentials = await CreateClientAsync(admin, slug, name, scopes);
        return Bearer(fixture.BaseAddress, await TokenAsync(fixture.BaseAddress, credentials));
    }

    /// <summary>The problem document of a response, with its <c>type</c>.</summary>
    public static async Task<(HttpStatusCode Status, string? Type, JsonElement Body)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.TryGetProperty("type", out var type) ? type.GetString() : null, body);
    }

    [GeneratedRegex("<dd><code>([^<]+)</code></dd>\\s*<dt>client_secret</dt>\\s*<dd><code data-secret[^>]*>([^<]+)</code></dd>")]
    private static partial Regex SecretPattern();
}
