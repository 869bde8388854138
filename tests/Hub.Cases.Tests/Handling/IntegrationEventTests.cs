using System.Net;
using System.Text.RegularExpressions;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

/// <summary>
/// A municipality's webhooks over real HTTP: its admin sets one up on <c>/admin/integrationer</c>, the workflow's events
/// reach it signed and without personal data, and nobody else can see or touch it.
/// </summary>
public abstract partial class IntegrationEventTests(HubFixture fixture) : IAsyncLifetime
{
    private const string Page = "admin/integrationer";
    private string slug = "";
    private string other = "";
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        slug = await fixture.CreateTenantAsync("w", ["ekonomiskt-bistand"]);
        other = await fixture.CreateTenantAsync("x", ["specialkost"]);
        await HandlingSetup.CreateGroupsAsync(fixture, slug);
        receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task A_case_submitted_and_moved_reaches_the_webhook_signed_and_without_personal_data()
    {
        using var admin = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.TenantAdmin);
        var secret = await HandlingSetup.CreateWebhookAsync(admin, slug, "Ärendesystemet", receiver.Url);
        Assert.DoesNotContain(secret, (await admin.GetStringAsync($"/{slug}/{Page}")).Body, StringComparison.Ordinal);

        using var citizen = fixture.CreateClient();
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var number = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example");

        var submitted = await receiver.WaitForAsync(p => p.EventType == "case.submitted" && p.Json.GetProperty("subject").GetString() == number, "the new case");
        Assert.True(submitted.IsSignedWith(secret));
        var data = submitted.Json.GetProperty("data");
        Assert.Equal(("ekonomiskt-bistand", "received", "submitted", "ekonomi", "digital", true),
            (data.GetProperty("service").GetString(), data.GetProperty("state").GetString(), data.GetProperty("category").GetString(),
             data.GetProperty("handlingGroup").GetString(), data.GetProperty("channel").GetString(), data.GetProperty("confidential").GetBoolean()));
        Assert.Equal(slug, submitted.Json.GetProperty("tenant").GetString());

        using var officer = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer);
        var casePath = $"/{slug}/admin/arenden/{number}";
        var (_, page) = await officer.GetStringAsync(casePath);
        using (var moved = await officer.PostWithTokenAsync($"{casePath}/transition", HubClient.AntiforgeryToken(page), [F("transition", "start"), F("state", "received")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var entered = await receiver.WaitForAsync(p => p.EventType == "case.stateEntered" && p.Json.GetProperty("subject").GetString() == number, "the move");
        Assert.True(entered.IsSignedWith(secret));
        var moveData = entered.Json.GetProperty("data");
        Assert.Equal(("investigating", "inProgress", "received", "start"),
            (moveData.GetProperty("state").GetString(), moveData.GetProperty("category").GetString(),
             moveData.GetProperty("previousState").GetString(), moveData.GetProperty("transition").GetString()));

        foreach (var post in receiver.All)
        {
            // Neither the applicant's name, personnummer, address nor answers.
            foreach (var personal in new[] { "Anna", "Andersson", "19850417", "850417", "anna@", "Sökande Person" })
            {
                Assert.DoesNotContain(personal, post.Body, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The admin page shows how the deliveries went. The receiver has the post a moment before the hub marks it
        // delivered (it marks on the answer), so the page is read until it says so.
        var listing = "";
        for (var i = 0; i < 50 && !listing.Contains("2 levererade", StringComparison.Ordinal); i++)
        {
            await Task.Delay(i == 0 ? 0 : 100);
            (_, listing) = await admin.GetStringAsync($"/{slug}/{Page}");
        }

        Assert.Contains(number, listing, StringComparison.Ordinal);
        Assert.Contains("2 levererade, 0 väntar, 0 misslyckade", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_named_beside_its_field_and_nothing_is_saved()
    {
        using var admin = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.TenantAdmin);
        using var response = await admin.PostFormAsync($"/{slug}/{Page}",
            [F("Name", ""), F("Address", "javascript:alert(1)")], $"/{slug}/{Page}/create");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"Name-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Skriv en fullständig adress som börjar med https://", html, StringComparison.Ordinal);
        Assert.Contains("Välj minst en händelse", html, StringComparison.Ordinal);
        Assert.Contains("Det finns inga webhooks än.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipality_and_other_roles_cannot_see_or_touch_a_webhook()
    {
        using var admin = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.TenantAdmin);
        await HandlingSetup.CreateWebhookAsync(admin, slug, "Tyresös ärendesystem", receiver.Url);
        var id = WebhookId().Match((await admin.GetStringAsync($"/{slug}/{Page}")).Body).Groups[1].Value;
        Assert.NotEmpty(id);

        using var otherAdmin = await HandlingSetup.SignInAsync(fixture, other, DemoAccounts.TenantAdmin);
        var (status, otherPage) = await otherAdmin.GetStringAsync($"/{other}/{Page}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Tyresös ärendesystem", otherPage, StringComparison.Ordinal);
        foreach (var handler in new[] { "toggle", "ping", "delete", "retry" })
        {
            using var attempt = await otherAdmin.PostWithTokenAsync($"/{other}/{Page}/{handler}", HubClient.AntiforgeryToken(otherPage), [F("id", id), F("active", "false")]);
            Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        }

        foreach (var role in new[] { DemoAccounts.CaseOfficer, DemoAccounts.ServiceOwner, DemoAccounts.Editor })
        {
            using var staff = await HandlingSetup.SignInAsync(fixture, slug, role);
            using var denied = await staff.GetAsync($"/{slug}/{Page}");
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith($"/{slug}/konto/atkomst-nekad", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        // A post without the antiforgery token is refused too.
        using (var forged = await admin.PostWithTokenAsync($"/{slug}/{Page}/delete", null, [F("id", id)]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        var (_, ownPage) = await admin.GetStringAsync($"/{slug}/{Page}");
        Assert.Contains("Tyresös ärendesystem", ownPage, StringComparison.Ordinal);
        Assert.Contains(">På<", ownPage, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex WebhookId();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIntegrationEventTests(SqliteHubFixture fixture) : IntegrationEventTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIntegrationEventTests(PostgresHubFixture fixture) : IntegrationEventTests(fixture);
