using System.Net;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

[CollectionDefinition(Name)]
public sealed class SqliteClockCollection : ICollectionFixture<SqliteClockHubFixture>
{
    public const string Name = "Cases with a moving clock on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresClockCollection : ICollectionFixture<PostgresClockHubFixture>
{
    public const string Name = "Cases with a moving clock on PostgreSQL";
}

/// <summary>
/// Ekonomiskt bistånd's workflow: routing to the right handling group, and the SLA marks (reminder at 10 days to the
/// officer, escalation at 14 to the group's lead) with the clock paused while the case waits for the citizen.
/// </summary>
public abstract class SlaTests(ClockHubFixture fixture) : IAsyncLifetime
{
    private string slug = "";

    public async Task InitializeAsync()
    {
        slug = await fixture.CreateTenantAsync("s", ["ekonomiskt-bistand"]);
        await HandlingSetup.CreateGroupsAsync(fixture, slug);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Case numbers restart in every tenant and the mailbox is shared by the tests: only this tenant's mail.</summary>
    private bool Ours(MimeKit.MimeMessage message) =>
        message.To.Mailboxes.Any(to => to.Address.EndsWith($"@{slug}.example", StringComparison.Ordinal));

    [Fact]
    public async Task Cases_are_routed_by_the_rule_reminded_at_the_mark_and_escalated_to_the_group_lead_with_waiting_time_not_counted()
    {
        using var citizen = fixture.CreateClient();
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var rental = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example");
        var homeless = await citizen.SubmitEkonomisktBistandAsync(slug, "no-home", $"anna@{slug}.example");

        using (var officer = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer))
        {
            // The rule sends the case without a home to "akut"; the other goes to the default group "ekonomi", Hanna's.
            var (_, inbox) = await officer.GetStringAsync($"/{slug}/admin/arenden?tilldelning=min-grupp");
            Assert.Contains(rental, inbox, StringComparison.Ordinal);
            Assert.DoesNotContain(homeless, inbox, StringComparison.Ordinal);
            await PostAsync(officer, $"/{slug}/admin/arenden/{rental}", "assign", [F("to", "me")]);
        }

        using (var akut = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer2))
        {
            Assert.Contains("Akut bistånd", (await akut.GetStringAsync($"/{slug}/admin/arenden/{homeless}")).Body, StringComparison.Ordinal);
            // The homeless case waits for the applicant for ten days: those days do not count.
            await PostAsync(akut, $"/{slug}/admin/arenden/{homeless}", "transition", [F("transition", "start"), F("state", "received")]);
            await PostAsync(akut, $"/{slug}/admin/arenden/{homeless}", "transition", [F("transition", "request-completion"), F("state", "investigating"), F("text", "Var bor du just nu?")]);
        }

        // Day 10: the reminder for the rental case goes to its officer, and only that one.
        fixture.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        var reminder = await fixture.Mailbox.WaitForAsync(m => Ours(m) && m.Subject?.Contains(rental, StringComparison.Ordinal) == true && m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal), "reminder");
        Assert.Equal($"handlaggare@{slug}.example", reminder.To.Mailboxes.Single().Address);
        Assert.Contains($"/{slug}/admin/arenden/{rental}", reminder.TextBody, StringComparison.Ordinal);

        // The applicant answers on day 10 (a new e-ID login: ten days outlive any session); the homeless case's clock
        // runs again from here.
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        await PostAsync(citizen, $"/{slug}/mina-sidor/arenden/{homeless}", "message", [F("text", "Hos en vän i Tyresö.")]);

        // Day 14: the escalation for the rental case goes to the group's lead.
        fixture.Clock.Advance(TimeSpan.FromDays(4));
        var escalation = await fixture.Mailbox.WaitForAsync(m => Ours(m) && m.Subject?.Contains(rental, StringComparison.Ordinal) == true && m.Subject.StartsWith("Försenat", StringComparison.Ordinal), "escalation");
        Assert.Equal($"handlaggare2@{slug}.example", escalation.To.Mailboxes.Single().Address);

        // The homeless case has counted only 4 days so far: no reminder for it yet.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(fixture.Mailbox.All(), m => m.Subject?.Contains(homeless, StringComparison.Ordinal) == true && Ours(m) && !m.Subject.StartsWith("Nytt", StringComparison.Ordinal) && !m.Subject.Contains("mottagit", StringComparison.Ordinal) && m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal));

        // Day 20 = 10 counted days: its reminder goes to the "akut" group's member (nobody took the case).
        fixture.Clock.Advance(TimeSpan.FromDays(6));
        var late = await fixture.Mailbox.WaitForAsync(m => Ours(m) && m.Subject?.Contains(homeless, StringComparison.Ordinal) == true && m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal), "reminder after the pause");
        Assert.Equal($"handlaggare2@{slug}.example", late.To.Mailboxes.Single().Address);

        using var lead = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer2);
        var (_, history) = await lead.GetStringAsync($"/{slug}/admin/arenden/{rental}");
        Assert.Contains("Påminnelse: ärendet har nått sin påminnelsegräns", history, StringComparison.Ordinal);
        Assert.Contains("Eskalerat", history, StringComparison.Ordinal);
        // One reminder and one escalation, not one per poll.
        Assert.Single(fixture.Mailbox.All(), m => Ours(m) && m.Subject?.StartsWith("Påminnelse: ärende " + rental, StringComparison.Ordinal) == true);
        Assert.Single(fixture.Mailbox.All(), m => Ours(m) && m.Subject?.StartsWith("Försenat ärende " + rental, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_decided_case_gets_no_reminder()
    {
        using var citizen = fixture.CreateClient();
        await citizen.LogInAsync(slug, CitizenEId.KarinLind);
        var number = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"karin@{slug}.example");
        using (var officer = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer))
        {
            await PostAsync(officer, $"/{slug}/admin/arenden/{number}", "transition", [F("transition", "start"), F("state", "received")]);
            await PostAsync(officer, $"/{slug}/admin/arenden/{number}", "transition", [F("transition", "decide"), F("state", "investigating"), F("text", "Bifall.")]);
        }

        fixture.Clock.Advance(TimeSpan.FromDays(15));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(fixture.Mailbox.All(), m => m.Subject?.Contains(number, StringComparison.Ordinal) == true
            && Ours(m)
            && (m.Subject.StartsWith("Påminnelse", StringComparison.Ordinal) || m.Subject.StartsWith("Försenat", StringComparison.Ordinal)));
    }


    private static async Task PostAsync(HubClient client, string casePath, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, html) = await client.GetStringAsync(casePath);
        using var response = await client.PostWithTokenAsync($"{casePath}/{handler}", HubClient.AntiforgeryToken(html), fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith(casePath, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

[Collection(SqliteClockCollection.Name)]
public sealed class SqliteSlaTests(SqliteClockHubFixture fixture) : SlaTests(fixture);

[Collection(PostgresClockCollection.Name)]
public sealed class PostgresSlaTests(PostgresClockHubFixture fixture) : SlaTests(fixture);
