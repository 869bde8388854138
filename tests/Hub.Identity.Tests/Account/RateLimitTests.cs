using System.Net;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Data;
using Hub.Testing;

namespace Hub.Identity.Tests.Account;

/// <summary>
/// Abuse is slowed (ASP.NET Core's rate limiter, limits lowered here): staff sign-in posts, the token endpoint and
/// e-ID logins answer 429 with <c>Retry-After</c> once a client address has used its window, per tenant, in the
/// tenant's look for people and as a problem document for machines; reading a page is not counted.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private HubAppFactory factory = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        factory = new HubAppFactory(database, settings: new Dictionary<string, string>
        {
            ["Hub:RateLimits:Login:PermitLimit"] = "3",
            ["Hub:RateLimits:Login:Window"] = "00:10:00",
            ["Hub:RateLimits:Token:PermitLimit"] = "2",
            ["Hub:RateLimits:Token:Window"] = "00:10:00",
            ["Hub:RateLimits:EId:PermitLimit"] = "2",
            ["Hub:RateLimits:EId:Window"] = "00:10:00",
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Staff_sign_in_posts_past_the_limit_get_429_with_retry_after_in_the_tenants_look_and_another_tenant_is_not_affected()
    {
        using var client = new HubClient(factory.BaseAddress);
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.SignInAsync("tyreso", DemoAccounts.CaseOfficer, "fel-lösenord-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // The page itself may still be read (PostFormAsync reads it for its token, uncounted).
        using var limited = await client.SignInAsync("tyreso", DemoAccounts.TenantAdmin, DemoAccounts.Password);
        var html = await limited.Content.ReadAsStringAsync();
        using var elsewhere = await client.SignInAsync("mjolby", DemoAccounts.TenantAdmin, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 600);
        Assert.Contains("<html lang=\"sv\"", html, StringComparison.Ordinal);
        Assert.Contains("För många försök", html, StringComparison.Ordinal);
        Assert.Contains("Tyresö", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_past_its_limit_answers_a_problem_document_with_retry_after()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await ApiAccess.RequestTokenAsync(factory.BaseAddress, "tyreso", "tyreso-demo", "fel-hemlighet");
            statuses.Add(last.StatusCode);
        }

        using (last)
        {
            Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses.Select(s => s == HttpStatusCode.Unauthorized ? HttpStatusCode.BadRequest : s));
            Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(ApiProblems.TypePrefix + "too-many-requests", problem.GetProperty("type").GetString());
            Assert.True(last.Headers.Contains("Retry-After"));
        }
    }

    [Fact]
    public async Task Starting_e_id_logins_past_the_limit_gets_429_in_english_for_an_english_reader()
    {
        using var client = new HubClient(factory.BaseAddress);
        using (var english = await client.GetAsync("/sprak/en?returnUrl=/tyreso/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        }

        using var first = await client.GetAsync("/tyreso/e-legitimation/logga-in?returnUrl=/tyreso/mina-sidor");
        using var second = await client.GetAsync("/tyreso/e-legitimation/logga-in?returnUrl=/tyreso/mina-sidor");
        using var third = await client.GetAsync("/tyreso/e-legitimation/logga-in?returnUrl=/tyreso/mina-sidor");
        var html = await third.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Too many attempts", html, StringComparison.Ordinal);
    }
}
