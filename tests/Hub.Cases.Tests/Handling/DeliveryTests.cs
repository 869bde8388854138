using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Hub.Abstractions;
using Hub.Cases.Data;
using Hub.Tenancy.Contracts;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Handling;

/// <summary>
/// Delivery per service (<c>/admin/arenden/leverans</c>): each municipality chooses how a service's cases reach its
/// business system (pulled through the API, pushed whole to one of its webhooks as JSON or XML, or both) and when an
/// undelivered case alerts its handling group.
/// </summary>
public abstract partial class DeliveryTests(ClockHubFixture fixture) : IAsyncLifetime
{
    private const string Page = "admin/arenden/leverans";
    private string slug = "";
    private string other = "";
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        slug = await fixture.CreateTenantAsync("d", ["ekonomiskt-bistand"]);
        other = await fixture.CreateTenantAsync("e", ["ekonomiskt-bistand"]);
        await HandlingSetup.CreateGroupsAsync(fixture, slug);
        receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task A_service_pushed_as_xml_reaches_only_its_webhook_signed_valid_against_its_schema_and_counts_as_delivered()
    {
        using var admin = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.TenantAdmin);
        var secret = await HandlingSetup.CreateWebhookAsync(admin, slug, "Procapita", receiver.Url, "case.stateEntered");
        await HandlingSetup.CreateWebhookAsync(admin, slug, "Statistik", receiver.Url);
        var procapita = await WebhookIdAsync(admin, "Procapita");
        using (var saved = await admin.PostFormAsync($"/{slug}/{Page}?tjanst=ekonomiskt-bistand",
            [F("Pull", "false"), F("Webhook", procapita), F("Format", "Xml"), F("AlertAfterHours", "")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var (_, overview) = await admin.GetStringAsync($"/{slug}/{Page}");
        Assert.Contains("skickas till Procapita som XML", overview, StringComparison.Ordinal);

        using var citizen = fixture.CreateClient();
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var number = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example");

        var push = await receiver.WaitForAsync(p => p.EventType == "case.document" && p.Json.GetProperty("subject").GetString() == number, "the pushed case");
        Assert.True(push.IsSignedWith(secret));
        var data = push.Json.GetProperty("data");
        Assert.Equal("xml", data.GetProperty("format").GetString());
        var xml = XDocument.Parse(data.GetProperty("xml").GetString()!);
        Assert.Contains("Sökande Person", xml.ToString(), StringComparison.Ordinal);
        using var schemaClient = new HttpClient();
        using var schemaReader = XmlReader.Create(new StringReader(await schemaClient.GetStringAsync(data.GetProperty("schema").GetString())),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var schema = XmlSchema.Read(schemaReader, null)!;
        var schemas = new XmlSchemaSet();
        schemas.Add(schema);
        var errors = new List<string>();
        xml.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);

        // Once the webhook took it, the case is delivered (no API client pulls this service); only one post had it.
        using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var delivered = await WaitAsync(async () => (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number)).DeliveryReference);
        Assert.Equal("webhook:Procapita", delivered);
        Assert.Single(receiver.All, p => p.EventType == "case.document");
        using var officer = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer);
        var (_, casePage) = await officer.GetStringAsync($"/{slug}/admin/arenden/{number}");
        Assert.Contains("Levererat till verksamhetssystem", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_pulled_and_pushed_as_json_waits_for_the_pullers_confirmation_and_an_undelivered_case_alerts_its_group()
    {
        using var admin = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.TenantAdmin);
        await HandlingSetup.CreateWebhookAsync(admin, slug, "ByggR-kopia", receiver.Url, "case.stateEntered");
        var webhook = await WebhookIdAsync(admin, "ByggR-kopia");
        using (var saved = await admin.PostFormAsync($"/{slug}/{Page}?tjanst=ekonomiskt-bistand",
            [F("Pull", "true"), F("Pull", "false"), F("Webhook", webhook), F("Format", "Json"), F("AlertAfterHours", "24")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var citizen = fixture.CreateClient();
        await citizen.LogInAsync(slug, CitizenEId.AnnaAndersson);
        var fetched = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example");
        var forgotten = await citizen.SubmitEkonomisktBistandAsync(slug, "rental", $"anna@{slug}.example");
        var push = await receiver.WaitForAsync(p => p.EventType == "case.document" && p.Json.GetProperty("subject").GetString() == forgotten, "the pushed case");
        var document = push.Json.GetProperty("data").GetProperty("case");
        Assert.Equal(forgotten, document.GetProperty("case").GetProperty("number").GetString());
        Assert.Equal("Sökande Person", document.GetProperty("answers").GetProperty("applicant").GetProperty("name").GetString());

        using var api = await ApiAccess.ClientAsync(fixture, admin, slug, "ByggR", ApiScopes.CasesRead, ApiScopes.CasesWrite);
        using (var confirmed = await api.PutAsJsonAsync($"/{slug}/api/v1/cases/{fetched}/delivery", new { reference = "BYGG-1" }))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        // The push of the other case did not count as delivered: the puller confirms, and it has not.
        using var undelivered = await api.GetAsync($"/{slug}/api/v1/cases?delivered=false");
        Assert.Contains(forgotten, await undelivered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fixture.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var alert = await fixture.Mailbox.WaitForAsync(m => m.Subject == $"Ärende {forgotten} har inte levererats till verksamhetssystemet"
            && m.To.Mailboxes.Any(to => to.Address == $"handlaggare2@{slug}.example"), "the alert");
        Assert.Contains("24 timmar", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/{slug}/admin/arenden/{forgotten}", alert.TextBody, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(fixture.Mailbox.All(), m => m.Subject?.Contains(fetched, StringComparison.Ordinal) == true
            && m.To.Mailboxes.Any(to => to.Address.EndsWith($"@{slug}.example", StringComparison.Ordinal)) && m.Subject.Contains("levererats", StringComparison.Ordinal));
        using var officer = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer);
        var (_, casePage) = await officer.GetStringAsync($"/{slug}/admin/arenden/{forgotten}");
        Assert.Contains("Påminnelse: inget verksamhetssystem har tagit emot ärendet", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_settings_are_refused_beside_their_field_and_another_municipalitys_webhook_cannot_be_chosen()
    {
        using var otherAdmin = await HandlingSetup.SignInAsync(fixture, other, DemoAccounts.TenantAdmin);
        await HandlingSetup.CreateWebhookAsync(otherAdmin, other, "Grannens system", receiver.Url);
        var foreign = await WebhookIdAsync(otherAdmin, "Grannens system", other);
        using var admin = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.TenantAdmin);
        var form = $"/{slug}/{Page}?tjanst=ekonomiskt-bistand";

        using var noWay = await admin.PostFormAsync(form, [F("Pull", "false"), F("Webhook", ""), F("Format", "Json"), F("AlertAfterHours", "")]);
        using var foreignHook = await admin.PostFormAsync(form, [F("Pull", "true"), F("Webhook", foreign), F("Format", "Json"), F("AlertAfterHours", "")]);
        using var zeroHours = await admin.PostFormAsync(form, [F("Pull", "true"), F("Webhook", ""), F("Format", "Json"), F("AlertAfterHours", "0")]);
        using var words = await admin.PostFormAsync(form, [F("Pull", "true"), F("Webhook", ""), F("Format", "Json"), F("AlertAfterHours", "ett dygn")]);
        using var unknownService = await admin.GetAsync($"/{slug}/{Page}?tjanst=finns-inte");

        Assert.All(new[] { noWay, foreignHook, zeroHours, words }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Matches("id=\"Pull-error\"[^>]*>.*Välj minst ett sätt", await noWay.Content.ReadAsStringAsync());
        Assert.Matches("id=\"Webhook-error\"[^>]*>.*Välj en av kommunens webhooks", await foreignHook.Content.ReadAsStringAsync());
        Assert.Matches("id=\"AlertAfterHours-error\"[^>]*>.*från 1 till 720", await zeroHours.Content.ReadAsStringAsync());
        Assert.Contains("value=\"ett dygn\"", await words.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownService.StatusCode);
        using var officer = await HandlingSetup.SignInAsync(fixture, slug, DemoAccounts.CaseOfficer);
        using var notAdmin = await officer.GetAsync($"/{slug}/{Page}");
        Assert.NotEqual(HttpStatusCode.OK, notAdmin.StatusCode);
        using var scope = fixture.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(slug);
        Assert.False(await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Deliveries.AnyAsync());
    }

    /// <summary>The id of the tenant's webhook named <paramref name="name"/>, as the delivery form offers it.</summary>
    private async Task<string> WebhookIdAsync(HubClient admin, string name, string? tenant = null)
    {
        var (_, form) = await admin.GetStringAsync($"/{tenant ?? slug}/{Page}?tjanst=ekonomiskt-bistand");
        var match = Regex.Match(form, $"<option value=\"([0-9a-f-]{{36}})\"[^>]*>{Regex.Escape(name)}");
        Assert.True(match.Success, $"{name} is not offered");
        return match.Groups[1].Value;
    }

    private static async Task<T?> WaitAsync<T>(Func<Task<T?>> read)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        return default;
    }
}

[Collection(SqliteClockCollection.Name)]
public sealed class SqliteDeliveryTests(SqliteClockHubFixture fixture) : DeliveryTests(fixture);

[Collection(PostgresClockCollection.Name)]
public sealed class PostgresDeliveryTests(PostgresClockHubFixture fixture) : DeliveryTests(fixture);
