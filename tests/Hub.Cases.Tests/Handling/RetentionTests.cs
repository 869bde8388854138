using System.Net;
using Hub.Abstractions;
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

            // The closed case goes to the e-archive before it is culled.
            var (_, closedPage) = await officer.GetStringAsync($"/{slug}/admin/arenden/{closed}");
            using var package = await officer.PostWithTokenAsync($"/{slug}/admin/arenden/{closed}/archive", HubClient.AntiforgeryToken(closedPage), []);
            Assert.Equal(HttpStatusCode.OK, package.StatusCode);
            Assert.Equal("application/zip", package.Content.Headers.ContentType?.MediaType);
        }

        // Ten days before: the dry run names the closed case, with its day, and not the open one.
        fixture.Clock.Advance(TimeSpan.FromDays(1825 - 10));
        using (var admin = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.TenantAdmin))
        {
            var (_, plan) = await admin.GetStringAsync($"/{slug}/admin/arenden/gallring");
            Assert.Contains(closed, plan, StringComparison.Ordinal);
            Assert.DoesNotContain(open, plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Gallra de", plan, StringComparison.Ordinal); // nothing is due yet
            Assert.Matches(@"Paket 1, \d{4}-\d{2}-\d{2}\s*<code>[0-9a-f]{12}</code>", plan); // its package left: it can be culled
            Assert.DoesNotContain("Inte arkiverat", plan, StringComparison.Ordinal);
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
        // Nothing is left to archive: no button, and a crafted post is refused.
        Assert.DoesNotContain("Ta ett arkivpaket", removed, StringComparison.Ordinal);
        using (var late = await gustav.PostWithTokenAsync($"/{slug}/admin/arenden/{closed}/archive", HubClient.AntiforgeryToken(removed), []))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        }

        using (var admin = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.TenantAdmin))
        using (var api = await ApiAccess.ClientAsync(fixture, admin, slug, "E-arkivet", [ApiScopes.CasesRead]))
        using (var viaApi = await api.GetAsync($"/{slug}/api/v1/cases/{closed}/archive"))
        {
            var (status, type, _) = await ApiAccess.ProblemAsync(viaApi);
            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.Equal(ApiProblems.TypePrefix + "personal-data-removed", type);
        }

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
