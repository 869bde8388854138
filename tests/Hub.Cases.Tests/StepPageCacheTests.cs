using System.Net;
using System.Text.RegularExpressions;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests;

/// <summary>
/// A step shown again unchanged comes from the step-page cache: the citizen must not be able to tell, except by speed.
/// It shows the latest answers, works with its own token, follows the language, and never reaches another browser.
/// </summary>
public abstract partial class StepPageCacheTests(HubFixture fixture) : IAsyncLifetime
{
    private string slug = "";

    public async Task InitializeAsync() => slug = await fixture.CreateTenantAsync("p", ["synpunkter"]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_step_shown_again_is_the_same_page_and_its_form_still_posts()
    {
        using var client = fixture.CreateClient();
        var step = await client.StartAsync(slug, "synpunkter");
        var (firstStatus, first) = await client.GetStringAsync(step);
        using var againResponse = await client.GetAsync(step);
        var againStatus = againResponse.StatusCode;
        var again = await againResponse.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        // Served from memory (a render streams the page without a length), with the headers a render has.
        Assert.NotNull(againResponse.Content.Headers.ContentLength);
        Assert.True(againResponse.Headers.CacheControl is { NoCache: true, NoStore: true });
        Assert.Equal("DENY", againResponse.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(WithoutToken(first), WithoutToken(again));
        Assert.NotNull(HubClient.AntiforgeryToken(again));

        // The form of the page served again is accepted: its token belongs to this browser.
        using var posted = await client.PostWithTokenAsync(step, HubClient.AntiforgeryToken(again),
            [F("feedback-type", "suggestion"), F("area", "streets-parks"), F("feedback", "Belysning på gångvägen"), F("action", "next")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith("/svar", posted.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_save_the_step_shows_the_new_answers()
    {
        using var client = fixture.CreateClient();
        var step = await client.StartAsync(slug, "synpunkter");
        await client.GetStringAsync(step);
        await client.GetStringAsync(step); // cached now
        using (var saved = await client.StepAsync(step, [F("feedback", "Första versionen")], action: "back"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("Första versionen", WebUtility.HtmlDecode((await client.GetStringAsync(step)).Body), StringComparison.Ordinal);
        using (var changed = await client.StepAsync(step, [F("feedback", "Andra versionen")], action: "back"))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        var html = WebUtility.HtmlDecode((await client.GetStringAsync(step)).Body);
        Assert.Contains("Andra versionen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Första versionen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_browser_never_gets_the_cached_step()
    {
        using var owner = fixture.CreateClient();
        var step = await owner.StartAsync(slug, "synpunkter");
        await owner.StepAsync(step, [F("feedback", "Min hemliga synpunkt")], action: "back");
        await owner.GetStringAsync(step);
        Assert.Contains("Min hemliga synpunkt", WebUtility.HtmlDecode((await owner.GetStringAsync(step)).Body), StringComparison.Ordinal);

        using var stranger = fixture.CreateClient();
        using var response = await stranger.GetAsync(step);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("utkast=saknas", response.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_step_follows_the_chosen_language()
    {
        using var client = fixture.CreateClient();
        var step = await client.StartAsync(slug, "synpunkter");
        await client.GetStringAsync(step);
        var (_, swedish) = await client.GetStringAsync(step);
        Assert.Contains("<html lang=\"sv\"", swedish, StringComparison.Ordinal);

        using (await client.GetAsync($"/{slug}/sprak/en?returnUrl={Uri.EscapeDataString(step)}"))
        {
        }

        var (_, english) = await client.GetStringAsync(step);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        var (_, englishAgain) = await client.GetStringAsync(step);
        Assert.Equal(WithoutToken(english), WithoutToken(englishAgain));
    }

    [Fact]
    public async Task Logging_in_with_e_id_shows_on_a_step_served_before_as_anonymous()
    {
        using var client = fixture.CreateClient();
        var step = await client.StartAsync(slug, "synpunkter");
        await client.GetStringAsync(step);
        Assert.DoesNotContain("Inloggad med e-legitimation", (await client.GetStringAsync(step)).Body, StringComparison.Ordinal);

        await client.LogInAsync(slug, CitizenEId.AnnaAndersson, step);
        var (status, html) = await client.GetStringAsync(step);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Inloggad med e-legitimation som Anna", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    private static string WithoutToken(string html) => TokenValue().Replace(html, "value=\"token\"");

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex TokenValue();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteStepPageCacheTests(SqliteHubFixture fixture) : StepPageCacheTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresStepPageCacheTests(PostgresHubFixture fixture) : StepPageCacheTests(fixture);
