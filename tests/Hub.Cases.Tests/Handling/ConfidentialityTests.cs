using System.Net;
using Hub.Audit.Contracts;
using Hub.Testing;
using Hub.Tenancy.Contracts;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

/// <summary>
/// Ekonomiskt bistånd is a confidential service: a case is seen only by its group and its officer. Another officer of
/// the same municipality tries the list, the search, the address, a crafted post and the attachment.
/// </summary>
public abstract class ConfidentialityTests(HubFixture fixture) : IAsyncLifetime
{
    private string slug = "";

    public async Task InitializeAsync()
    {
        slug = await fixture.CreateTenantAsync("k", ["ekonomiskt-bistand", "specialkost"]);
        await HandlingSetup.CreateGroupsAsync(fixture, slug);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_confidential_case_of_another_group_is_invisible_everywhere_and_every_view_is_audited()
    {
        using var citizen = fixture.CreateClient();
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var homeless = await citizen.SubmitEkonomisktBistandAsync(slug, "no-home", $"anna@{slug}.example"); // → akut
        var rental = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example");    // → ekonomi
        var (_, receipt) = await citizen.GetStringAsync($"/{slug}/mina-sidor/arenden/{homeless}");
        var file = HandlingSetup.FileLink(receipt);
        Assert.NotEmpty(file);

        // Hanna is in "ekonomi" only.
        using var hanna = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer);
        var (_, all) = await hanna.GetStringAsync($"/{slug}/admin/arenden?status=alla");
        Assert.DoesNotContain(homeless, Rows(all), StringComparison.Ordinal);
        Assert.Contains(rental, Rows(all), StringComparison.Ordinal); // confidential too, but her group's
        Assert.DoesNotContain(homeless, Rows((await hanna.GetStringAsync($"/{slug}/admin/arenden?status=alla&q={homeless}")).Body), StringComparison.Ordinal);
        Assert.DoesNotContain(homeless, Rows((await hanna.GetStringAsync($"/{slug}/admin/arenden?status=alla&q=person")).Body), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await hanna.GetStringAsync($"/{slug}/admin/arenden/{homeless}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await hanna.GetStringAsync($"/{slug}/admin/arenden/{homeless}/pdf")).Status);
        var (_, inbox) = await hanna.GetStringAsync($"/{slug}/admin/arenden");
        using (var crafted = await hanna.PostWithTokenAsync($"/{slug}/admin/arenden/{homeless}/transition", HubClient.AntiforgeryToken(inbox),
            [F("transition", "start"), F("state", "received")]))
        {
            Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await hanna.GetStringAsync(file)).Status);

        // Gustav is in "akut": he sees it, opens it and its attachment; each view is in the audit trail.
        using var gustav = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer2);
        var (status, page) = await gustav.GetStringAsync($"/{slug}/admin/arenden/{homeless}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sekretessmarkerat", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await gustav.GetStringAsync(file)).Status);
        using (var pdf = await gustav.GetAsync($"/{slug}/admin/arenden/{homeless}/pdf"))
        {
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        }
        await using (var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug))
        {
            var caseId = scope.ServiceProvider.GetRequiredService<Hub.Cases.Data.CasesDbContext>().Cases.Single(c => c.Number == homeless).Id.ToString();
            var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", caseId);
            Assert.Contains(events, e => e.Action == "case.viewed" && e.Actor == "staff:" + DemoAccounts.CaseOfficer2 && e.Details!.Contains("\"confidential\":true", StringComparison.Ordinal));
            Assert.Contains(events, e => e.Action == "case.file-viewed" && e.Actor == "staff:" + DemoAccounts.CaseOfficer2);
            Assert.DoesNotContain(events, e => e.Actor == "staff:" + DemoAccounts.CaseOfficer);
        }

        // Once Gustav removes the mark, Hanna sees the case too.
        var (_, gustavPage) = await gustav.GetStringAsync($"/{slug}/admin/arenden/{homeless}");
        using (var unmark = await gustav.PostWithTokenAsync($"/{slug}/admin/arenden/{homeless}/confidential", HubClient.AntiforgeryToken(gustavPage), [F("confidential", "false")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, unmark.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await hanna.GetStringAsync($"/{slug}/admin/arenden/{homeless}")).Status);
    }

    [Fact]
    public async Task The_workflows_own_notifications_reach_the_group_and_the_citizen_with_links_not_answers()
    {
        using var citizen = fixture.CreateClient();
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var number = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example"); // → ekonomi

        // Both members of "ekonomi" hear of the new case; the mail links to the officer's page.
        foreach (var member in new[] { DemoAccounts.CaseOfficer, DemoAccounts.CaseOfficer2 })
        {
            var mail = await fixture.Mailbox.WaitForAsync(m => m.Subject == $"Nytt ärende {number}: Ansökan om ekonomiskt bistånd"
                && m.To.Mailboxes.Any(x => x.Address == $"{member}@{slug}.example"), "new-case notification to " + member);
            Assert.Contains($"/{slug}/admin/arenden/{number}", mail.TextBody, StringComparison.Ordinal);
        }

        using var hanna = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer);
        foreach (var (transition, state, text) in new[] { ("start", "received", ""), ("decide", "investigating", "Bifall: 4 200 kr för december.") })
        {
            var (_, page) = await hanna.GetStringAsync($"/{slug}/admin/arenden/{number}");
            using var moved = await hanna.PostWithTokenAsync($"/{slug}/admin/arenden/{number}/transition", HubClient.AntiforgeryToken(page),
                [F("transition", transition), F("state", state), F("text", text)]);
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        // The decision mail is the service's own template, in place of the generic "news" mail; the decision itself stays on Mina sidor.
        var decision = await fixture.Mailbox.WaitForAsync(m => m.Subject == $"Beslut i ditt ärende {number}", "decision notification");
        Assert.Contains("Hej Anna Andersson!", decision.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/{slug}/mina-sidor/arenden/{number}", decision.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("4 200", decision.TextBody, StringComparison.Ordinal);
        Assert.Single(fixture.Mailbox.To($"anna@{slug}.example"), m => m.Subject == $"Nytt i ditt ärende {number}"); // for "start" only
    }

    [Fact]
    public async Task Cases_of_a_service_that_is_not_confidential_are_seen_by_every_officer()
    {
        using var citizen = fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(slug);
        using var hanna = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer);
        var (status, page) = await hanna.GetStringAsync($"/{slug}/admin/arenden/{number}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Inte sekretessmarkerat", page, StringComparison.Ordinal);
    }


    /// <summary>The inbox's table rows (empty when no case is listed): the search box repeats the query, the rows do not.</summary>
    private static string Rows(string html) => html.Contains("<tbody>", StringComparison.Ordinal) ? html.Split("<tbody>")[1].Split("</tbody>")[0] : "";

}

[Collection(SqliteCollection.Name)]
public sealed class SqliteConfidentialityTests(SqliteHubFixture fixture) : ConfidentialityTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresConfidentialityTests(PostgresHubFixture fixture) : ConfidentialityTests(fixture);
