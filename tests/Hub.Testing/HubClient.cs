using System.Net;
using System.Text.RegularExpressions;

namespace Hub.Testing;

/// <summary>A browser-like HTTP client: keeps cookies, does not follow redirects, reads antiforgery tokens from forms.</summary>
public sealed partial class HubClient : IDisposable
{
    private readonly HttpClient http;

    public HubClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => http.BaseAddress!;

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    public async Task<(HttpStatusCode Status, string Body)> GetStringAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields to <paramref name="postPath"/> (default: the same page).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPath, IEnumerable<KeyValuePair<string, string>> fields, string? postPath = null)
    {
        var (_, html) = await GetStringAsync(formPath);
        var token = AntiforgeryToken(html) ?? throw new InvalidOperationException($"No antiforgery token on {formPath}.");
        return await PostWithTokenAsync(postPath ?? formPath, token, fields);
    }

    public Task<HttpResponseMessage> PostWithTokenAsync(string path, string? token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        return http.PostAsync(path, new FormUrlEncodedContent(all));
    }

    /// <summary>Signs in on a tenant's staff sign-in page; returns the response (302 on success).</summary>
    public Task<HttpResponseMessage> SignInAsync(string tenantSlug, string userName, string password) =>
        PostFormAsync($"/{tenantSlug}/konto/logga-in", [new("UserName", userName), new("Password", password)]);

    public static string? AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>Demo accounts provisioned by the demo recipes (Development only).</summary>
public static class DemoAccounts
{
    public const string Password = "Hub-demo-2026";

    public const string TenantAdmin = "admin";
    public const string ServiceOwner = "agare";
    public const string Editor = "redaktor";
    public const string CaseOfficer = "handlaggare";

    /// <summary>A second case officer: in the demo, the lead of both handling groups.</summary>
    public const string CaseOfficer2 = "handlaggare2";
}
