using System.Net;
using System.Text.RegularExpressions;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

/// <summary>
/// Case handling over real HTTP: the officer's inbox and case page, the workflow's moves, a completion asked of the
/// citizen and answered on Mina sidor, decision, close; and every way in for someone who should not get in.
/// </summary>
public abstract partial class CaseHandlingTests(HubFixture fixture) : IAsyncLifetime
{
    private string slug = "";
    private string other = "";

    public async Task InitializeAsync()
    {
        slug = await fixture.CreateTenantAsync("h", ["specialkost", "synpunkter"]);
        other = await fixture.CreateTenantAsync("o", ["specialkost"]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_officer_takes_a_case_asks_for_a_completion_the_citizen_answers_and_the_officer_decides_and_closes()
    {
        using var citizen = fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(slug);
        using var officer = await OfficerAsync(slug);

        // The inbox lists it among new, unassigned cases; a search by name finds it, another name does not.
        var (_, inbox) = await officer.GetStringAsync($"/{slug}/admin/arenden?status=nya&tilldelning=ofordelade");
        Assert.Contains(number, inbox, StringComparison.Ordinal);
        Assert.Contains(number, (await officer.GetStringAsync($"/{slug}/admin/arenden?q=anna")).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(number, (await officer.GetStringAsync($"/{slug}/admin/arenden?q=karin")).Body, StringComparison.Ordinal);

        var casePath = $"/{slug}/admin/arenden/{number}";
        var (status, page) = await officer.GetStringAsync(casePath);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Mottagen", page, StringComparison.Ordinal);
        Assert.Contains("Elsa Andersson", page, StringComparison.Ordinal); // the answers as submitted

        Assert.Equal(HttpStatusCode.Redirect, (await Post(officer, casePath, "assign", [F("to", "me")])).StatusCode);
        Assert.Contains(number, (await officer.GetStringAsync($"/{slug}/admin/arenden?tilldelning=mina")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Move(officer, casePath, "start", "received")).StatusCode);
        Assert.Contains("Under handläggning", (await officer.GetStringAsync(casePath)).Body, StringComparison.Ordinal);

        // A request for completion needs a text: without one the page says so beside the field.
        using (var empty = await Move(officer, casePath, "request-completion", "in-progress", "  "))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Skriv en text", FieldErrors(await empty.Content.ReadAsStringAsync()).Single(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Move(officer, casePath, "request-completion", "in-progress", "Skicka läkarintyget om glutenallergin.")).StatusCode);
        var mail = await fixture.Mailbox.WaitForAsync(m => m.Subject?.Contains("Nytt i ditt ärende " + number, StringComparison.Ordinal) == true, "news mail");
        Assert.Contains($"/{slug}/mina-sidor/arenden/{number}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("läkarintyget", mail.TextBody, StringComparison.Ordinal);

        // The citizen sees the unread request on Mina sidor, and the case waiting for them.
        var (_, mine) = await citizen.GetStringAsync($"/{slug}/mina-sidor");
        Assert.Contains("1 olästa meddelanden", mine, StringComparison.Ordinal);
        var (_, citizenCase) = await citizen.GetStringAsync($"/{slug}/mina-sidor/arenden/{number}");
        Assert.Contains("Skicka läkarintyget om glutenallergin.", citizenCase, StringComparison.Ordinal);
        Assert.Contains("Skicka kompletteringen", citizenCase, StringComparison.Ordinal);
        Assert.DoesNotContain("olästa", (await citizen.GetStringAsync($"/{slug}/mina-sidor")).Body, StringComparison.Ordinal);

        var citizenPath = $"/{slug}/mina-sidor/arenden/{number}";
        using (var answer = await Post(citizen, citizenPath, "message", [F("text", "Intyget kommer med posten i morgon.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        (_, page) = await officer.GetStringAsync(casePath);
        Assert.Contains("Komplettering från den sökande", page, StringComparison.Ordinal);
        Assert.Contains("Intyget kommer med posten i morgon.", page, StringComparison.Ordinal);
        Assert.Contains("Under handläggning", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Move(officer, casePath, "decide", "in-progress", "Elsa får glutenfri kost från 17 augusti.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Move(officer, casePath, "close", "decided")).StatusCode);
        (_, page) = await officer.GetStringAsync(casePath);
        Assert.Contains("Det finns inget mer att göra i ärendet.", page, StringComparison.Ordinal);

        (_, citizenCase) = await citizen.GetStringAsync(citizenPath);
        Assert.Contains("Elsa får glutenfri kost från 17 augusti.", citizenCase, StringComparison.Ordinal);
        Assert.Contains("Avslutad", citizenCase, StringComparison.Ordinal);
        Assert.Contains("Ny status: Beslut fattat", citizenCase, StringComparison.Ordinal);
        Assert.DoesNotContain("Skicka meddelandet", citizenCase, StringComparison.Ordinal); // closed: no more messages
        // Internal notes never reach the citizen.
        Assert.DoesNotContain("Interna anteckningar", citizenCase, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_stay_with_officers_and_moves_the_workflow_does_not_allow_are_refused()
    {
        using var citizen = fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(slug);
        using var officer = await OfficerAsync(slug);
        var casePath = $"/{slug}/admin/arenden/{number}";

        Assert.Equal(HttpStatusCode.Redirect, (await Post(officer, casePath, "note", [F("text", "Ring skolköket före beslut.")])).StatusCode);
        Assert.Contains("Ring skolköket före beslut.", (await officer.GetStringAsync(casePath)).Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Ring skolköket", (await citizen.GetStringAsync($"/{slug}/mina-sidor/arenden/{number}")).Body, StringComparison.Ordinal);

        // "withdraw" is the citizen's; "decide" is not possible from "received"; an unknown key is nothing.
        foreach (var (transition, state) in new[] { ("withdraw", "received"), ("decide", "received"), ("no-such-move", "received") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Move(officer, casePath, transition, state, "x")).StatusCode);
        }

        // An address that is no action is not found (not an error page).
        Assert.Equal(HttpStatusCode.NotFound, (await Post(officer, casePath, "bogus", [F("text", "x")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetStringAsync($"/{slug}/mina-sidor/arenden/{number}/bogus")).Status);

        // Two officers pressing "start" at the same moment: the case moves once.
        var (_, before) = await officer.GetStringAsync(casePath);
        using var colleague = await OfficerAsync(slug);
        var (_, colleaguePage) = await colleague.GetStringAsync(casePath);
        var presses = await Task.WhenAll(
            officer.PostWithTokenAsync(casePath + "/transition", HubClient.AntiforgeryToken(before), [F("transition", "start"), F("state", "received")]),
            colleague.PostWithTokenAsync(casePath + "/transition", HubClient.AntiforgeryToken(colleaguePage), [F("transition", "start"), F("state", "received")]));
        Assert.All(presses, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));
        var (_, afterBoth) = await officer.GetStringAsync(casePath);
        Assert.Single(StartedEvents().Matches(afterBoth));

        // A page that was out of date (the case moved on meanwhile) changes nothing and says so.
        using var stale = await Move(officer, casePath, "request-completion", "received", "Gammal sida");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        var (_, page) = await officer.GetStringAsync(casePath);
        Assert.Contains("Någon annan hade just ändrat ärendet", page, StringComparison.Ordinal);
        Assert.Contains("Under handläggning", page, StringComparison.Ordinal);

        // A citizen cannot write on a case that is not theirs, nor use the officers' pages.
        using var stranger = fixture.CreateClient();
        await stranger.LogInAsync(slug, CitizenEId.KarinLind);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(stranger, $"/{slug}/mina-sidor/arenden/{number}", "message", [F("text", "Hej")], tokenFrom: $"/{slug}/mina-sidor")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetStringAsync(casePath)).Status);
    }

    [Fact]
    public async Task Another_tenants_officer_and_staff_without_the_officer_role_get_nothing()
    {
        using var citizen = fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(slug);
        var file = await FirstFileLinkAsync(citizen, slug, number);

        // Another municipality's officer: not in the inbox, not by address, not by a crafted post, not the file.
        using var foreign = await OfficerAsync(other);
        Assert.DoesNotContain(number, (await foreign.GetStringAsync($"/{other}/admin/arenden?status=alla")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetStringAsync($"/{other}/admin/arenden/{number}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Move(foreign, $"/{other}/admin/arenden/{number}", "start", "received", tokenFrom: $"/{other}/admin/arenden")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetStringAsync(file.Replace($"/{slug}/", $"/{other}/", StringComparison.Ordinal))).Status);
        // Its session is not valid on the first tenant's site at all.
        Assert.NotEqual(HttpStatusCode.OK, (await foreign.GetStringAsync($"/{slug}/admin/arenden/{number}")).Status);

        // An editor of the same municipality is staff, but no officer.
        using var editor = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SignInAsync(slug, DemoAccounts.Editor, DemoAccounts.Password)).StatusCode);
        using var denied = await editor.GetAsync($"/{slug}/admin/arenden/{number}");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("atkomst-nekad", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The officer of the case's own municipality may open the citizen's attachment.
        using var officer = await OfficerAsync(slug);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetStringAsync(file)).Status);
        var (state, page) = await officer.GetStringAsync($"/{slug}/admin/arenden/{number}");
        Assert.Equal(HttpStatusCode.OK, state);
        Assert.Contains("Mottagen", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_that_came_on_paper_is_registered_handled_like_the_others_and_counted_in_the_digital_share()
    {
        using var citizen = fixture.CreateClient();
        await citizen.SubmitSpecialkostAsync(slug);
        using var officer = await OfficerAsync(slug);
        var form = $"/{slug}/admin/arenden/registrera";

        // Nothing filled in: every problem beside its field, nothing registered.
        using (var empty = await officer.PostFormAsync(form, []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Equal(4, FieldErrors(await empty.Content.ReadAsStringAsync()).Count);
        }

        using (var wrong = await officer.PostFormAsync(form, [F("Service", "specialkost"), F("Channel", "paper"), F("Name", "Anna Andersson"),
            F("PersonalIdentityNumber", "19850417-2382"), F("Summary", "Blankett om specialkost")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Personnumret stämmer inte", FieldErrors(await wrong.Content.ReadAsStringAsync()).Single(), StringComparison.Ordinal);
        }

        using var registered = await officer.PostFormAsync(form, [F("Service", "specialkost"), F("Channel", "paper"), F("Name", "Anna Andersson"),
            F("PersonalIdentityNumber", "198504172381"), F("Summary", "Blankett om laktosfri kost för Elsa, inkom med post.")]);
        var casePath = registered.Location();
        Assert.Matches($"^/{slug}/admin/arenden/[A-Z]+-\\d{{4}}-\\d{{6}}$", casePath);
        var (_, page) = await officer.GetStringAsync(casePath);
        Assert.Contains("Papper (brev eller blankett)", page, StringComparison.Ordinal);
        Assert.Contains("Blankett om laktosfri kost för Elsa, inkom med post.", page, StringComparison.Ordinal);
        Assert.Contains("Ärendet registrerades av handläggare", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Move(officer, casePath, "start", "received")).StatusCode);

        // One of two cases came digitally; the applicant follows the paper case on Mina sidor too.
        Assert.Contains("Digitalt inkomna de senaste 365 dagarna: 50 % (1 av 2 ärenden).", (await officer.GetStringAsync($"/{slug}/admin/arenden")).Body, StringComparison.Ordinal);
        var number = casePath[(casePath.LastIndexOf('/') + 1)..];
        Assert.Contains(number, (await citizen.GetStringAsync($"/{slug}/mina-sidor")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_changes_nothing()
    {
        using var citizen = fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(slug);
        using var officer = await OfficerAsync(slug);
        var casePath = $"/{slug}/admin/arenden/{number}";
        using var forged = await officer.PostWithTokenAsync(casePath + "/transition", null, [F("transition", "start"), F("state", "received")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Mottagen", (await officer.GetStringAsync(casePath)).Body, StringComparison.Ordinal);
    }

    private Task<HubClient> OfficerAsync(string tenant) => HandlingSetup.SignInAsync(fixture, tenant, DemoAccounts.CaseOfficer);

    private static async Task<string> FirstFileLinkAsync(HubClient client, string tenant, string number)
    {
        var (_, html) = await client.GetStringAsync($"/{tenant}/mina-sidor/arenden/{number}");
        return HandlingSetup.FileLink(html);
    }

    private static Task<HttpResponseMessage> Move(HubClient client, string casePath, string transition, string state, string? text = null, string? tokenFrom = null) =>
        Post(client, casePath, "transition", text is null ? [F("transition", transition), F("state", state)] : [F("transition", transition), F("state", state), F("text", text)], tokenFrom);

    /// <summary>Posts to a handler of a case page with the token of <paramref name="tokenFrom"/> (default: the case page).</summary>
    private static async Task<HttpResponseMessage> Post(HubClient client, string casePath, string handler, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        var (_, html) = await client.GetStringAsync(tokenFrom ?? casePath);
        return await client.PostWithTokenAsync($"{casePath}/{handler}", HubClient.AntiforgeryToken(html), fields);
    }


    [GeneratedRegex("Ny status: Under handläggning")]
    private static partial Regex StartedEvents();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCaseHandlingTests(SqliteHubFixture fixture) : CaseHandlingTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseHandlingTests(PostgresHubFixture fixture) : CaseHandlingTests(fixture);
