using System.Net;
using Hub.Data;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests;

/// <summary>
/// Saving steps and submitting are rate-limited per tenant and client address (limits lowered here); a refused post
/// is 429 with <c>Retry-After</c> and loses nothing already saved: the draft and its answers are still there.
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
            ["Hub:RateLimits:Form:PermitLimit"] = "4",
            ["Hub:RateLimits:Form:Window"] = "00:10:00",
            ["Hub:RateLimits:Submit:PermitLimit"] = "1",
            ["Hub:RateLimits:Submit:Window"] = "00:10:00",
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Steps_and_submits_past_the_limit_are_refused_and_keep_the_saved_answers()
    {
        using var citizen = new HubClient(factory.BaseAddress);
        var (_, first) = await ReviewAsync(citizen, "Första utkastet.");
        var (secondStep, second) = await ReviewAsync(citizen, "Andra utkastet.");

        using var submitted = await citizen.SubmitAsync(first);
        using var refusedSubmit = await citizen.SubmitAsync(second);
        using var refusedStep = await citizen.StepAsync(secondStep, [F("feedback-type", "other"), F("area", "other-area"), F("feedback", "Ändrat")]);
        var (_, review) = await citizen.GetStringAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedSubmit.StatusCode);
        Assert.True(refusedSubmit.Headers.Contains("Retry-After"));
        Assert.Contains("För många försök", await refusedSubmit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedStep.StatusCode);
        Assert.Contains("Andra utkastet.", review, StringComparison.Ordinal);
    }

    /// <summary>Fills in Synpunkter's two steps (two counted posts); returns its first step and its review page.</summary>
    private static async Task<(string Step, string Review)> ReviewAsync(HubClient citizen, string feedback)
    {
        var step = await citizen.StartAsync("tyreso", "synpunkter");
        using var one = await citizen.StepAsync(step, [F("feedback-type", "other"), F("area", "other-area"), F("feedback", feedback)]);
        using var two = await citizen.StepAsync(one.Location(), [F("wants-answer", "no")]);
        Assert.Equal(HttpStatusCode.Redirect, two.StatusCode);
        return (step, two.Location());
    }
}
