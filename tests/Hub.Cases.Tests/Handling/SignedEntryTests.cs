using System.Net;
using System.Text.Json.Nodes;
using Hub.Catalog.Contracts;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

/// <summary>
/// A case that waits for the second guardian enters its workflow when the signing ends, exactly as a case without
/// signatures does on submission: its first state (here not the default one), its handling group, the group's
/// notification, the integration event and the submitter's e-mail. A decline ends the signing too, and both sides see it.
/// </summary>
public abstract partial class IntegrationEventTests
{
    [Fact]
    public async Task After_the_second_signature_the_case_is_in_its_first_state_routed_announced_and_confirmed()
    {
        var school = await CreateSchoolAsync();
        using var admin = await HandlingSetup.SignInAsync(fixture, school, DemoAccounts.TenantAdmin);
        var secret = await HandlingSetup.CreateWebhookAsync(admin, school, "Skolans system", receiver.Url);

        using var anna = fixture.CreateClient();
        await anna.LogInAsync(school, CitizenEId.AnnaAndersson);
        var number = CaseNumber(await SubmitLeaveAsync(anna, school));
        var casePath = $"/{school}/mina-sidor/arenden/{number}";
        Assert.Contains("Väntar på underskrift", (await anna.GetStringAsync(casePath)).Body, StringComparison.Ordinal);

        using var erik = fixture.CreateClient();
        await erik.LogInAsync(school, CitizenEId.ErikAndersson);
        var (_, caseHtml) = await erik.GetStringAsync(casePath);
        using var challenge = await erik.PostWithTokenAsync(casePath + "/sign", HubClient.AntiforgeryToken(caseHtml), []);
        using var signed = await erik.SubmitChooserAsync(await erik.ReadChooserAsync(challenge), [F("Input.Person", CitizenEId.ErikAndersson), F("decision", "sign")]);
        using (var recorded = await erik.GetAsync(await erik.FinishAtCallbackAsync(signed)))
        {
            Assert.Equal(casePath, recorded.Location());
        }

        // Only now, and once, does the receiving system hear of the case: in the first state, routed to its group.
        var submitted = await receiver.WaitForAsync(p => p.EventType == "case.submitted" && p.Json.GetProperty("subject").GetString() == number, "the signed case");
        Assert.True(submitted.IsSignedWith(secret));
        var data = submitted.Json.GetProperty("data");
        Assert.Equal(("hos-rektor", "inProgress", "inProgress", "akut"),
            (data.GetProperty("state").GetString(), data.GetProperty("category").GetString(), data.GetProperty("status").GetString(), data.GetProperty("handlingGroup").GetString()));
        await fixture.Mailbox.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == $"handlaggare2@{school}.example") && (m.Subject ?? "").Contains(number, StringComparison.Ordinal), "the group's notification");
        await fixture.Mailbox.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == $"anna@{school}.example") && m.Subject == $"Alla har skrivit under ditt ärende {number}", "the submitter's confirmation");
        Assert.Single(receiver.All, p => p.EventType == "case.submitted" && p.Json.GetProperty("subject").GetString() == number);

        // The officer can handle it at once from that state.
        using var officer = await HandlingSetup.SignInAsync(fixture, school, DemoAccounts.CaseOfficer2);
        var (_, officerPage) = await officer.GetStringAsync($"/{school}/admin/arenden/{number}");
        Assert.Contains("Hos rektor", officerPage, StringComparison.Ordinal);
        Assert.Contains("Fatta beslut", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Ärendet väntar på underskrifter", officerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_signature_sends_the_case_on_and_both_sides_see_who_declined()
    {
        var school = await CreateSchoolAsync();
        using var anna = fixture.CreateClient();
        await anna.LogInAsync(school, CitizenEId.AnnaAndersson);
        var number = CaseNumber(await SubmitLeaveAsync(anna, school));
        var casePath = $"/{school}/mina-sidor/arenden/{number}";

        using var erik = fixture.CreateClient();
        await erik.LogInAsync(school, CitizenEId.ErikAndersson);
        var (_, caseHtml) = await erik.GetStringAsync(casePath);
        using (var declined = await erik.PostWithTokenAsync(casePath + "/decline", HubClient.AntiforgeryToken(caseHtml), []))
        {
            Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        }

        Assert.Contains("Erik Andersson avböjde att skriva under", (await anna.GetStringAsync(casePath)).Body, StringComparison.Ordinal);
        await fixture.Mailbox.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == $"anna@{school}.example") && m.Subject == $"En underskrift avböjdes i ditt ärende {number}", "the submitter's news");

        using var officer = await HandlingSetup.SignInAsync(fixture, school, DemoAccounts.CaseOfficer2);
        var (_, officerPage) = await officer.GetStringAsync($"/{school}/admin/arenden/{number}");
        Assert.Contains("Erik Andersson avböjde att skriva under", officerPage, StringComparison.Ordinal);
        Assert.Contains("Fatta beslut", officerPage, StringComparison.Ordinal);

        using var english = fixture.CreateClient();
        await english.LogInAsync(school, CitizenEId.AnnaAndersson);
        using (await english.GetAsync($"/{school}/sprak/en")) { }
        Assert.Contains("Erik Andersson declined to sign", (await english.GetStringAsync(casePath)).Body, StringComparison.Ordinal);
    }

    /// <summary>A municipality whose pupil-leave service goes straight to the head teacher's group (state <c>hos-rektor</c>, in progress).</summary>
    private async Task<string> CreateSchoolAsync()
    {
        var school = await fixture.CreateTenantAsync("g", ["ledighet-elev"]);
        await HandlingSetup.CreateGroupsAsync(fixture, school);
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(HubAppFactory.RecipesPath, "services", "ledighet-elev.service.json")))!;
        package["version"] = "1.1.0";
        package["workflow"] = JsonNode.Parse("""
            {
              "states": [
                { "key": "hos-rektor", "category": "inProgress", "label": { "sv": "Hos rektor", "en": "With the head teacher" }, "initial": true },
                { "key": "beslutad", "category": "decided", "label": { "sv": "Beslutad", "en": "Decided" } },
                { "key": "avslutad", "category": "closed", "label": { "sv": "Avslutad", "en": "Closed" } }
              ],
              "transitions": [
                { "key": "besluta", "from": ["hos-rektor"], "to": "beslutad", "label": { "sv": "Fatta beslut", "en": "Decide" }, "roles": ["caseOfficer"] },
                { "key": "avsluta", "from": ["beslutad"], "to": "avslutad", "label": { "sv": "Avsluta", "en": "Close" }, "roles": ["caseOfficer"] }
              ],
              "defaultGroup": "akut",
              "sla": { "reminderDays": 5, "escalationDays": 10 },
              "notifications": [
                { "key": "ny", "state": "hos-rektor", "recipient": "handlingGroup",
                  "subject": { "sv": "Ny ansökan {{ case.number }}", "en": "New application {{ case.number }}" },
                  "body": { "sv": "Öppna ärendet: {{ case.link }}", "en": "Open the case: {{ case.link }}" } }
              ]
            }
            """);
        await using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(school);
        var packages = scope.ServiceProvider.GetRequiredService<IServicePackages>();
        var imported = await packages.ImportAsync(package.ToJsonString());
        Assert.True(imported.Succeeded, string.Join("; ", imported.Problems.Select(p => $"{p.Path}: {p.Message}")));
        var published = await packages.PublishAsync(imported.VersionId!.Value);
        Assert.True(published.Published, string.Join("; ", published.Findings.Select(f => f.ToString())));
        return school;
    }

    private static async Task<string> SubmitLeaveAsync(HubClient client, string school)
    {
        var step = await client.StartAsync(school, "ledighet-elev");
        using var child = await client.StepAsync(step, [F("child-name", "Elsa Andersson"), F("child-personnummer", "20150612-1233"), F("school", "kumla-skola"), F("class", "4B")]);
        using var leave = await client.StepAsync(child.Location(), [F("leave-from", "2026-12-14"), F("leave-to", "2026-12-18"), F("school-days", "5"), F("reason", "family-event")]);
        using var guardians = await client.StepAsync(leave.Location(), [F("applicant.name", "Anna Andersson"), F("applicant.email", $"anna@{school}.example"), F("two-guardians", "yes"),
            F("guardian-signature.vardnadshavare-2.personnummer", CitizenEId.ErikAndersson), F("guardian-signature.vardnadshavare-2.email", "")]);
        var review = guardians.Location();
        var (_, html) = await client.GetStringAsync(review);
        using var challenge = await client.PostWithTokenAsync(review, HubClient.AntiforgeryToken(html), []);
        using var signed = await client.SubmitChooserAsync(await client.ReadChooserAsync(challenge), [F("Input.Person", CitizenEId.AnnaAndersson), F("decision", "sign")]);
        using var submitted = await client.GetAsync(await client.FinishAtCallbackAsync(signed));
        return submitted.Location();
    }
}
