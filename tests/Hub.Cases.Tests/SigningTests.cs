using System.Net;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests;

/// <summary>Pupil leave: the submitter signs with e-ID, the second guardian signs later; until then both see it waiting.</summary>
public abstract class SigningTests(HubFixture fixture) : IAsyncLifetime
{
    private string slug = "";

    public async Task InitializeAsync() => slug = await fixture.CreateTenantAsync("s", ["ledighet-elev"]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Both_guardians_sign_and_until_the_second_has_both_see_it_waiting()
    {
        using var anna = fixture.CreateClient();
        await anna.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var review = await FillAsync(anna, CitizenEId.ErikAndersson);

        // "Skriv under och skicka in" goes to the e-ID provider, which shows what is signed.
        var receipt = await SignAsync(anna, review);
        var number = CaseNumber(receipt);
        var (_, receiptHtml) = await anna.GetStringAsync(receipt);
        Assert.Contains("Väntar på underskrift", receiptHtml, StringComparison.Ordinal);

        using var erik = fixture.CreateClient();
        await erik.LogInAsync(slug, CitizenEId.ErikAndersson);
        var (_, erikStart) = await erik.GetStringAsync($"/{slug}/mina-sidor");
        Assert.Contains("Väntar på din underskrift", erikStart, StringComparison.Ordinal);
        Assert.Contains(number, erikStart, StringComparison.Ordinal);
        var (_, annaStart) = await anna.GetStringAsync($"/{slug}/mina-sidor");
        Assert.Contains("Väntar på underskrift", annaStart, StringComparison.Ordinal);

        // Erik sees exactly what he signs, then signs.
        var casePath = $"/{slug}/mina-sidor/arenden/{number}";
        var (_, caseHtml) = await erik.GetStringAsync(casePath);
        Assert.Contains("Elsa Andersson", caseHtml, StringComparison.Ordinal);
        using var challenge = await erik.PostWithTokenAsync(casePath + "/sign", HubClient.AntiforgeryToken(caseHtml), []);
        var chooser = await erik.ReadChooserAsync(challenge);
        Assert.Contains("ledighet", chooser, StringComparison.OrdinalIgnoreCase);
        using var signed = await erik.SubmitChooserAsync(chooser, [F("Input.Person", CitizenEId.ErikAndersson), F("decision", "sign")]);
        var back = await erik.FinishAtCallbackAsync(signed);
        using var recorded = await erik.GetAsync(back);
        Assert.Equal(casePath, recorded.Location());

        var (_, after) = await erik.GetStringAsync(casePath);
        Assert.Contains("Tack! Du har skrivit under.", after, StringComparison.Ordinal);
        var (_, annaAfter) = await anna.GetStringAsync(casePath);
        Assert.DoesNotContain("Väntar på underskrift", annaAfter, StringComparison.Ordinal);
        Assert.Contains("Underskriven av Erik Andersson", annaAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_sees_who_has_not_signed_yet_and_sends_them_a_reminder()
    {
        using var anna = fixture.CreateClient();
        await anna.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var erikEmail = $"erik@{slug}.example";
        var number = CaseNumber(await SignAsync(anna, await FillAsync(anna, CitizenEId.ErikAndersson, erikEmail)));
        await fixture.Mailbox.WaitForAsync(erikEmail);

        using var officer = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SignInAsync(slug, DemoAccounts.CaseOfficer, DemoAccounts.Password)).StatusCode);
        var casePath = $"/{slug}/admin/arenden/{number}";
        var (_, page) = await officer.GetStringAsync(casePath);
        Assert.Contains("Har inte skrivit under ännu", page, StringComparison.Ordinal);
        Assert.Contains("Ärendet väntar på underskrifter", page, StringComparison.Ordinal); // no moves until then
        var signature = System.Text.RegularExpressions.Regex.Match(page, "name=\"signature\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        using var reminded = await officer.PostWithTokenAsync(casePath + "/remind", HubClient.AntiforgeryToken(page), [F("signature", signature)]);
        Assert.True(reminded.StatusCode == HttpStatusCode.Redirect, $"{reminded.StatusCode} '{signature}'");

        await fixture.Mailbox.WaitForAsync(m => m.To.Mailboxes.Any(x => x.Address == erikEmail) && fixture.Mailbox.To(erikEmail).Count >= 2, "the reminder");
        Assert.Contains("Påminnelse om underskrift skickades", (await officer.GetStringAsync(casePath)).Body, StringComparison.Ordinal);

        // A signature of another case, or one already signed, is not something to remind of.
        using var crafted = await officer.PostWithTokenAsync(casePath + "/remind", HubClient.AntiforgeryToken(page), [F("signature", Guid.NewGuid().ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, crafted.StatusCode);
    }

    [Fact]
    public async Task Cancelling_the_signature_submits_nothing_and_someone_else_cannot_sign()
    {
        using var anna = fixture.CreateClient();
        await anna.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var review = await FillAsync(anna, CitizenEId.ErikAndersson);
        var (_, html) = await anna.GetStringAsync(review);
        using var challenge = await anna.PostWithTokenAsync(review, HubClient.AntiforgeryToken(html), []);
        var chooser = await anna.ReadChooserAsync(challenge);
        using var cancelled = await anna.SubmitChooserAsync(chooser, [F("decision", "cancel")]);
        var back = await anna.FinishAtCallbackAsync(cancelled);
        using var result = await anna.GetAsync(back);
        Assert.EndsWith("/granska", result.Location(), StringComparison.Ordinal);
        var (_, again) = await anna.GetStringAsync(result.Location());
        Assert.Contains("Ingenting har skickats in", again, StringComparison.Ordinal);

        var receipt = await SignAsync(anna, review);
        using var karin = fixture.CreateClient();
        await karin.LogInAsync(slug, CitizenEId.KarinLind);
        var casePath = $"/{slug}/mina-sidor/arenden/{CaseNumber(receipt)}";
        Assert.Equal(HttpStatusCode.NotFound, (await karin.GetStringAsync(casePath)).Status);
        var (_, token) = await karin.GetStringAsync($"/{slug}/mina-sidor");
        using var forged = await karin.PostWithTokenAsync(casePath + "/sign", HubClient.AntiforgeryToken(token), []);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    private async Task<string> FillAsync(HubClient client, string secondGuardian, string? secondGuardianEmail = null)
    {
        var step = await client.StartAsync(slug, "ledighet-elev");
        using var child = await client.StepAsync(step, [F("child-name", "Elsa Andersson"), F("child-personnummer", "20150612-1233"), F("school", "kumla-skola"), F("class", "4B")]);
        using var leave = await client.StepAsync(child.Location(), [F("leave-from", "2026-12-14"), F("leave-to", "2026-12-18"), F("school-days", "5"), F("reason", "family-event")]);
        using var guardians = await client.StepAsync(leave.Location(), [F("applicant.name", "Anna Andersson"), F("applicant.email", $"anna@{slug}.example"), F("two-guardians", "yes"), F("guardian-signature.vardnadshavare-2.personnummer", secondGuardian),
            F("guardian-signature.vardnadshavare-2.email", secondGuardianEmail ?? "")]);
        return guardians.Location();
    }

    private static async Task<string> SignAsync(HubClient client, string review, string signer = CitizenEId.AnnaAndersson)
    {
        var (_, html) = await client.GetStringAsync(review);
        using var challenge = await client.PostWithTokenAsync(review, HubClient.AntiforgeryToken(html), []);
        var chooser = await client.ReadChooserAsync(challenge);
        using var signed = await client.SubmitChooserAsync(chooser, [F("Input.Person", signer), F("decision", "sign")]);
        var back = await client.FinishAtCallbackAsync(signed);
        using var submitted = await client.GetAsync(back);
        return submitted.Location();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSigningTests(SqliteHubFixture fixture) : SigningTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSigningTests(PostgresHubFixture fixture) : SigningTests(fixture);
