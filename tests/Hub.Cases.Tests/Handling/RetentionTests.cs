using System.Net;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

/// <summary>
/// Gallring: Ekonomiskt bistånd keeps personal data five years (1,825 days) after a case is closed. The admin sees the
/// case in the dry run before the day; on the day its personal data and files go, and nothing of the open case does.
/// </summary>
public abstract class RetentionTests(ClockHubFixture fixture) : IAsyncLifetime
{
    private string slug = "";

    public async Task InitializeAsync()
    {
        slug = await fixture.CreateTenantAsync("r", ["ekonomiskt-bistand"]);
        await HandlingSetup.CreateGroupsAsync(fixture, slug);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_closed_case_loses_its_personal_data_and_files_after_the_period_and_an_open_one_keeps_everything()
    {
        using var citizen = fixture.CreateClient();
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var closed = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example");
        var open = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example");
        var (_, receipt) = await citizen.GetStringAsync($"/{slug}/mina-sidor/arenden/{closed}");
        var file = HandlingSetup.FileLink(receipt);

        using (var officer = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer))
        {
            foreach (var (transition, state, text) in new[] { ("start", "received", ""), ("decide", "investigating", "Avslag."), ("close", "decided", "") })
            {
                var (_, page) = await officer.GetStringAsync($"/{slug}/admin/arenden/{closed}");
                using var moved = await officer.PostWithTokenAsync($"/{slug}/admin/arenden/{closed}/transition", HubClient.AntiforgeryToken(page),
                    [F("transition", transition), F("state", state), F("text", text)]);
                Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await officer.GetStringAsync(file)).Status);
        }

        // Ten days before: the dry run names the closed case, with its day, and not the open one.
        fixture.Clock.Advance(TimeSpan.FromDays(1825 - 10));
        using (var admin = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.TenantAdmin))
        {
            var (_, plan) = await admin.GetStringAsync($"/{slug}/admin/arenden/gallring");
            Assert.Contains(closed, plan, StringComparison.Ordinal);
            Assert.DoesNotContain(open, plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Gallra de", plan, StringComparison.Ordinal); // nothing is due yet
        }

        // On the day the timer removes it.
        fixture.Clock.Advance(TimeSpan.FromDays(11));
        using var gustav = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer2);
        var removed = "";
        for (var i = 0; i < 75 && !removed.Contains("Personuppgifterna i ärendet är gallrade", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            removed = (await gustav.GetStringAsync($"/{slug}/admin/arenden/{closed}")).Body;
        }

        Assert.Contains("Personuppgifterna i ärendet är gallrade", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("Sökande Person", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("19850417-2381", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("Avslag.", removed, StringComparison.Ordinal);
        Assert.Contains("Avslutad", removed, StringComparison.Ordinal); // what statistics need stays
        Assert.Equal(HttpStatusCode.NotFound, (await gustav.GetStringAsync(file)).Status);

        var (_, kept) = await gustav.GetStringAsync($"/{slug}/admin/arenden/{open}");
        Assert.Contains("Sökande Person", kept, StringComparison.Ordinal);
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var (_, mine) = await citizen.GetStringAsync($"/{slug}/mina-sidor");
        Assert.Contains(open, mine, StringComparison.Ordinal);
        Assert.DoesNotContain(closed, mine, StringComparison.Ordinal);
    }


}

[Collection(SqliteClockCollection.Name)]
public sealed class SqliteRetentionTests(SqliteClockHubFixture fixture) : RetentionTests(fixture);

[Collection(PostgresClockCollection.Name)]
public sealed class PostgresRetentionTests(PostgresClockHubFixture fixture) : RetentionTests(fixture);
