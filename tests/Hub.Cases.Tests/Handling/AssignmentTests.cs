using System.Net;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

/// <summary>An officer gives a case to a colleague: only to a case officer, and a confidential case only within its group.</summary>
public abstract class AssignmentTests(HubFixture fixture) : IAsyncLifetime
{
    private string slug = "";

    public async Task InitializeAsync()
    {
        slug = await fixture.CreateTenantAsync("a", ["ekonomiskt-bistand"]);
        await HandlingSetup.CreateGroupsAsync(fixture, slug);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_case_given_to_a_colleague_is_theirs_and_they_are_told_by_mail()
    {
        using var citizen = fixture.CreateClient();
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var number = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example"); // → ekonomi: both officers
        using var officer = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer);
        var casePath = $"/{slug}/admin/arenden/{number}";

        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(officer, casePath, DemoAccounts.CaseOfficer2)).StatusCode);

        var mail = await fixture.Mailbox.WaitForAsync(m => m.Subject == $"Ärende {number} har tilldelats dig", "the assignment");
        Assert.Equal($"{DemoAccounts.CaseOfficer2}@{slug}.example", mail.To.Mailboxes.Single().Address);
        Assert.Contains($"/{slug}/admin/arenden/{number}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Sökande", mail.TextBody, StringComparison.Ordinal);
        using var colleague = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer2);
        Assert.Contains(number, (await colleague.GetStringAsync($"/{slug}/admin/arenden?tilldelning=mina")).Body, StringComparison.Ordinal);
        var (_, page) = await colleague.GetStringAsync(casePath);
        Assert.Contains("Lämna tillbaka ärendet", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_cannot_be_given_to_someone_who_is_not_an_officer_or_outside_a_confidential_cases_group()
    {
        using var citizen = fixture.CreateClient();
        await citizen.LogInAsync(slug, CitizenEId.KarinLind);
        var open = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"karin@{slug}.example");
        var confidential = await citizen.SubmitEkonomisktBistandAsync(slug, "no-home", $"karin@{slug}.example"); // → akut: the second officer only
        using var officer = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer);
        using var lead = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer2);

        // The admin has no CaseOfficer role; "nobody" does not exist.
        Assert.Equal(HttpStatusCode.Forbidden, (await AssignAsync(officer, $"/{slug}/admin/arenden/{open}", DemoAccounts.TenantAdmin)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AssignAsync(officer, $"/{slug}/admin/arenden/{open}", "nobody")).StatusCode);
        // The confidential case's page offers only the group's member, and a crafted post for an outsider is refused.
        var (_, page) = await lead.GetStringAsync($"/{slug}/admin/arenden/{confidential}");
        Assert.DoesNotContain($"value=\"{DemoAccounts.CaseOfficer}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await AssignAsync(lead, $"/{slug}/admin/arenden/{confidential}", DemoAccounts.CaseOfficer)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetStringAsync($"/{slug}/admin/arenden/{confidential}")).Status);
    }

    private static async Task<HttpResponseMessage> AssignAsync(HubClient client, string casePath, string to)
    {
        var (_, html) = await client.GetStringAsync(casePath);
        return await client.PostWithTokenAsync($"{casePath}/assign", HubClient.AntiforgeryToken(html), [F("to", to)]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAssignmentTests(SqliteHubFixture fixture) : AssignmentTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAssignmentTests(PostgresHubFixture fixture) : AssignmentTests(fixture);
