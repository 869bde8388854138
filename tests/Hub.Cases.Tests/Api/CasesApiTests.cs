using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Api;

/// <summary>
/// A business system reads and moves a municipality's cases through the API with its own token: pages in the order
/// cases changed, filters, one case in full, workflow moves, delivery confirmation; every bad request answered with a
/// problem document naming the field, and nothing of another tenant reachable.
/// </summary>
public abstract class CasesApiTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    private static readonly string[] AllCaseScopes = [ApiScopes.CasesRead, ApiScopes.CasesWrite];

    protected override IReadOnlyList<string>? Services => ["synpunkter", "specialkost"];

    private string Api => $"/{Own}/api/v1/cases";

    private async Task<HttpClient> SystemAsync(string slug, params string[] scopes)
    {
        using var admin = await SignedInAsync(slug);
        return await ApiAccess.ClientAsync(Fixture, admin, slug, "ByggR", scopes.Length == 0 ? AllCaseScopes : scopes);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task The_list_pages_through_the_tenants_cases_in_the_order_they_changed_and_never_shows_another_tenants()
    {
        using var citizen = Fixture.CreateClient();
        var first = CaseNumber(await citizen.SubmitFeedbackAsync(Own, "Första synpunkten."));
        var second = CaseNumber(await citizen.SubmitFeedbackAsync(Own, "Andra synpunkten."));
        var third = CaseNumber(await citizen.SubmitFeedbackAsync(Own, "Tredje synpunkten."));
        var foreign = CaseNumber(await citizen.SubmitFeedbackAsync(Other, "Grannens synpunkt."));
        using var api = await SystemAsync(Own);

        var numbers = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var response = await api.GetAsync($"{Api}?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            var page = await JsonAsync(response);
            numbers.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal([first, second, third], numbers);
        Assert.Equal(2, pages);
        Assert.DoesNotContain(foreign, numbers);
        using var byService = await api.GetAsync($"{Api}?service=specialkost");
        Assert.Empty((await JsonAsync(byService)).GetProperty("items").EnumerateArray());
        using var byState = await api.GetAsync($"{Api}?state=received&service=synpunkter&updatedSince=2000-01-01T00:00:00Z");
        Assert.Equal(3, (await JsonAsync(byState)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task One_case_reads_in_full_and_the_read_is_audited_with_the_clients_name()
    {
        using var citizen = Fixture.CreateClient();
        var number = CaseNumber(await citizen.SubmitFeedbackAsync(Own, "Gungan i parken är trasig."));
        var foreign = CaseNumber(await citizen.SubmitFeedbackAsync(Other, "Grannens synpunkt."));
        using var api = await SystemAsync(Own);

        using var response = await api.GetAsync($"{Api}/{number}");
        var document = await JsonAsync(response);
        using var other = await api.GetAsync($"{Api}/{foreign}");
        var (status, type, _) = await ApiAccess.ProblemAsync(other);

        Assert.Equal(number, document.GetProperty("case").GetProperty("number").GetString());
        Assert.Equal("synpunkter", document.GetProperty("case").GetProperty("service").GetString());
        Assert.Contains("Gungan i parken är trasig.", document.GetProperty("answers").GetRawText(), StringComparison.Ordinal);
        Assert.Contains(document.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Submitted");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(ApiProblems.TypePrefix + "not-found", type);
        var id = document.GetProperty("case").GetProperty("id").GetString()!;
        await using var scope = TenantScope(Own);
        var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", id);
        Assert.Contains(events, e => e.Action == "case.viewed" && e.Actor.StartsWith("api:" + Own + "-", StringComparison.Ordinal) && e.Actor.EndsWith("(ByggR)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_system_moves_a_case_by_its_workflow_and_is_told_when_its_view_was_out_of_date()
    {
        using var citizen = Fixture.CreateClient();
        var number = CaseNumber(await citizen.SubmitFeedbackAsync(Own));
        using var api = await SystemAsync(Own);
        var path = $"{Api}/{number}/transitions";

        using var moved = await api.PostAsJsonAsync(path, new { transition = "start", expectedState = "received" });
        var summary = await JsonAsync(moved);
        using var stale = await api.PostAsJsonAsync(path, new { transition = "start", expectedState = "received" });
        var (staleStatus, staleType, staleBody) = await ApiAccess.ProblemAsync(stale);
        using var unknown = await api.PostAsJsonAsync(path, new { transition = "fly-away", expectedState = "in-progress" });
        var (unknownStatus, unknownType, unknownBody) = await ApiAccess.ProblemAsync(unknown);

        Assert.Equal("in-progress", summary.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, staleStatus);
        Assert.Equal(ApiProblems.TypePrefix + "stale-state", staleType);
        Assert.Equal("in-progress", staleBody.GetProperty("currentState").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownStatus);
        Assert.Equal(ApiProblems.TypePrefix + "transition-not-allowed", unknownType);
        Assert.NotEmpty(unknownBody.GetProperty("allowed").EnumerateArray());
        using var read = await api.GetAsync($"{Api}/{number}");
        var history = (await JsonAsync(read)).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, e => e.GetProperty("kind").GetString() == "StateChanged" && e.GetProperty("actor").GetString() == "ByggR");
        await using var scope = TenantScope(Own);
        var id = summary.GetProperty("id").GetString()!;
        var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", id);
        Assert.Contains(events, e => e.Action == "case.transition" && e.Actor.EndsWith("(ByggR)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delivery_is_confirmed_once_repeated_calls_are_harmless_and_another_reference_conflicts()
    {
        using var citizen = Fixture.CreateClient();
        var number = CaseNumber(await citizen.SubmitFeedbackAsync(Own));
        var waiting = CaseNumber(await citizen.SubmitFeedbackAsync(Own, "Ännu inte hämtad."));
        using var api = await SystemAsync(Own);
        var path = $"{Api}/{number}/delivery";

        using var first = await api.PutAsJsonAsync(path, new { reference = "BYGG-2026-0042" });
        var confirmed = await JsonAsync(first);
        using var again = await api.PutAsJsonAsync(path, new { reference = "BYGG-2026-0042" });
        var repeated = await JsonAsync(again);
        using var otherReference = await api.PutAsJsonAsync(path, new { reference = "BYGG-2026-0099" });
        var (status, type, _) = await ApiAccess.ProblemAsync(otherReference);
        using var undelivered = await api.GetAsync($"{Api}?delivered=false");
        using var delivered = await api.GetAsync($"{Api}?delivered=true");

        Assert.Equal("BYGG-2026-0042", confirmed.GetProperty("reference").GetString());
        Assert.Equal("ByggR", confirmed.GetProperty("by").GetString());
        Assert.Equal(confirmed.GetProperty("atUtc").GetString(), repeated.GetProperty("atUtc").GetString());
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(ApiProblems.TypePrefix + "already-delivered", type);
        Assert.Equal([waiting], (await JsonAsync(undelivered)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
        Assert.Equal([number], (await JsonAsync(delivered)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
        await using var scope = TenantScope(Own);
        var id = confirmed.GetProperty("reference").ValueKind == JsonValueKind.String
            ? (await JsonAsync(await api.GetAsync($"{Api}/{number}"))).GetProperty("case").GetProperty("id").GetString()! : "";
        var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", id);
        Assert.Single(events, e => e.Action == "case.delivered");
    }

    [Fact]
    public async Task Writes_need_the_write_scope_and_another_tenants_case_cannot_be_read_moved_written_on_assigned_or_delivered()
    {
        using var citizen = Fixture.CreateClient();
        var foreign = CaseNumber(await citizen.SubmitFeedbackAsync(Other));
        var own = CaseNumber(await citizen.SubmitFeedbackAsync(Own));
        using var reader = await SystemAsync(Own, ApiScopes.CasesRead);
        using var writer = await SystemAsync(Own);

        using var readOnlyMove = await reader.PostAsJsonAsync($"{Api}/{own}/transitions", new { transition = "start", expectedState = "received" });
        using var foreignMove = await writer.PostAsJsonAsync($"{Api}/{foreign}/transitions", new { transition = "start", expectedState = "received" });
        using var foreignDelivery = await writer.PutAsJsonAsync($"{Api}/{foreign}/delivery", new { reference = "X-1" });
        using var foreignPath = await writer.GetAsync($"/{Other}/api/v1/cases/{foreign}");
        using var foreignMessage = await writer.PostAsJsonAsync($"{Api}/{foreign}/messages", new { text = "Kapad" });
        using var foreignNote = await writer.PostAsJsonAsync($"{Api}/{foreign}/notes", new { text = "Kapad" });
        using var foreignAssign = await writer.PutAsJsonAsync($"{Api}/{foreign}/assignment", new { officer = DemoAccounts.CaseOfficer });
        using var foreignRead = await writer.GetAsync($"{Api}/{foreign}");
        using var foreignXml = await writer.GetAsync($"{Api}/{foreign}/xml");
        using var foreignAttribute = await writer.PutAsJsonAsync($"{Api}/{foreign}/attributes/diary-number", new { value = "Kapad" });
        using var foreignRemoval = await writer.DeleteAsync($"{Api}/{foreign}/attributes/diary-number");
        using var foreignGroup = await writer.PutAsJsonAsync($"{Api}/{foreign}/handling-group", new { group = "ekonomi" });

        Assert.Equal(HttpStatusCode.Forbidden, readOnlyMove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignMove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignDelivery.StatusCode);
        Assert.True(foreignPath.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, foreignPath.StatusCode.ToString());
        Assert.All(new[] { foreignMessage, foreignNote, foreignAssign, foreignRead, foreignXml, foreignAttribute, foreignRemoval, foreignGroup },
            r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        await using var scope = TenantScope(Other);
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var untouched = await db.Cases.AsNoTracking().SingleAsync(c => c.Number == foreign);
        Assert.Equal("received", untouched.StateKey);
        Assert.Null(untouched.DeliveredUtc);
        Assert.Null(untouched.AssignedTo);
        Assert.False(await db.Messages.AnyAsync(m => m.CaseId == untouched.Id));
        Assert.False(await db.Notes.AnyAsync(n => n.CaseId == untouched.Id));
        Assert.False(await db.Attributes.AnyAsync(a => a.CaseId == untouched.Id));
    }

    [Fact]
    public async Task A_case_as_xml_is_valid_against_its_versions_schema_by_xmllint_and_another_tenants_is_not_found()
    {
        using var citizen = Fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(Own);
        var foreign = await citizen.SubmitSpecialkostAsync(Other);
        using var api = await SystemAsync(Own);

        using var response = await api.GetAsync($"{Api}/{number}/xml");
        var xml = await response.Content.ReadAsStringAsync();
        var document = System.Xml.Linq.XDocument.Parse(xml);
        var location = document.Root!.Attribute(System.Xml.Linq.XName.Get("schemaLocation", "http://www.w3.org/2001/XMLSchema-instance"))!.Value.Split(' ');
        using var anonymous = new HttpClient();
        using var schemaResponse = await anonymous.GetAsync(location[1]);
        var schema = await schemaResponse.Content.ReadAsStringAsync();
        using var other = await api.GetAsync($"{Api}/{foreign}/xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, schemaResponse.StatusCode);
        Assert.Equal(number, document.Root.Attribute("number")!.Value);
        Assert.StartsWith("urn:hub:case:specialkost:", location[0], StringComparison.Ordinal);
        Assert.Contains("Elsa Andersson", xml, StringComparison.Ordinal);
        Assert.Contains("intyg.pdf", xml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var directory = Directory.CreateTempSubdirectory("hub-api-xml-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "case.xsd"), schema);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "case.xml"), xml);
            var (exit, output) = await RunAsync("xmllint", "--noout", "--schema", Path.Combine(directory.FullName, "case.xsd"), Path.Combine(directory.FullName, "case.xml"));
            Assert.True(exit == 0, "xmllint: " + output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_schema_of_another_tenants_service_version_is_not_found()
    {
        using var citizen = Fixture.CreateClient();
        var foreign = await citizen.SubmitSpecialkostAsync(Other);
        using var otherApi = await SystemAsync(Other);
        using var read = await otherApi.GetAsync($"/{Other}/api/v1/cases/{foreign}");
        var versionId = (await JsonAsync(read)).GetProperty("case").GetProperty("serviceVersionId").GetString();
        using var http = new HttpClient { BaseAddress = Fixture.BaseAddress };

        using var own = await http.GetAsync($"/{Other}/api/v1/schemas/{versionId}");
        using var cross = await http.GetAsync($"/{Own}/api/v1/schemas/{versionId}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cross.StatusCode);
    }

    [Fact]
    public async Task A_system_downloads_an_attachment_of_its_own_tenants_case_only()
    {
        using var citizen = Fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(Own);
        var foreign = await citizen.SubmitSpecialkostAsync(Other);
        using var api = await SystemAsync(Own);
        using var otherApi = await SystemAsync(Other);
        var fileId = (await JsonAsync(await api.GetAsync($"{Api}/{number}"))).GetProperty("answers").GetProperty("certificate").GetProperty("files")[0].GetProperty("id").GetString();
        var foreignFileId = (await JsonAsync(await otherApi.GetAsync($"/{Other}/api/v1/cases/{foreign}"))).GetProperty("answers").GetProperty("certificate").GetProperty("files")[0].GetProperty("id").GetString();

        using var file = await api.GetAsync($"{Api}/{number}/attachments/{fileId}");
        var bytes = await file.Content.ReadAsByteArrayAsync();
        using var crossed = await api.GetAsync($"{Api}/{number}/attachments/{foreignFileId}");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
    }

    [Fact]
    public async Task A_system_writes_to_the_citizen_adds_a_note_and_assigns_an_officer_as_an_officer_would()
    {
        using var citizen = Fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(Own);
        var anonymous = CaseNumber(await Fixture.CreateClient().SubmitFeedbackAsync(Own));
        using var api = await SystemAsync(Own);

        using var message = await api.PostAsJsonAsync($"{Api}/{number}/messages", new { text = "Vi har registrerat ärendet som BYGG-7." });
        using var note = await api.PostAsJsonAsync($"{Api}/{number}/notes", new { text = "Importerat till verksamhetssystemet." });
        using var emptyNote = await api.PostAsJsonAsync($"{Api}/{number}/notes", new { text = "  " });
        using var noChannel = await api.PostAsJsonAsync($"{Api}/{anonymous}/messages", new { text = "Hej" });
        using var assigned = await api.PutAsJsonAsync($"{Api}/{number}/assignment", new { officer = DemoAccounts.CaseOfficer });
        using var notOfficer = await api.PutAsJsonAsync($"{Api}/{number}/assignment", new { officer = DemoAccounts.Editor });

        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Equal("text", (await ApiAccess.ProblemAsync(emptyNote)).Body.GetProperty("field").GetString());
        Assert.Equal(ApiProblems.TypePrefix + "no-citizen-channel", (await ApiAccess.ProblemAsync(noChannel)).Type);
        Assert.Equal(DemoAccounts.CaseOfficer, (await JsonAsync(assigned)).GetProperty("assignedTo").GetString());
        Assert.Equal(ApiProblems.TypePrefix + "not-a-case-officer", (await ApiAccess.ProblemAsync(notOfficer)).Type);
        var (_, mine) = await citizen.GetStringAsync($"/{Own}/mina-sidor/arenden/{number}");
        Assert.Contains("Vi har registrerat ärendet som BYGG-7.", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Importerat till verksamhetssystemet.", mine, StringComparison.Ordinal);
        using var officer = await SignedInAsync(Own, DemoAccounts.CaseOfficer);
        var (_, page) = await officer.GetStringAsync($"/{Own}/admin/arenden/{number}");
        Assert.Contains("Importerat till verksamhetssystemet.", page, StringComparison.Ordinal);
        using var released = await api.PutAsJsonAsync($"{Api}/{number}/assignment", new { officer = (string?)null });
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(released)).GetProperty("assignedTo").ValueKind);
    }

    [Fact]
    public async Task An_attribute_shows_to_the_officer_and_when_public_to_the_citizen_and_a_bad_one_is_refused()
    {
        using var citizen = Fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(Own);
        using var api = await SystemAsync(Own);
        var path = $"{Api}/{number}/attributes";

        using var diary = await api.PutAsJsonAsync($"{path}/diary-number", new { value = "BUN 2026/123", @public = true });
        var set = await JsonAsync(diary);
        using var again = await api.PutAsJsonAsync($"{path}/diary-number", new { value = "BUN 2026/123", @public = true });
        var repeated = await JsonAsync(again);
        using var internalRef = await api.PutAsJsonAsync($"{path}/procapita-id", new { value = "PC-991", label = "Procapita-id" });
        using var badKey = await api.PutAsJsonAsync($"{path}/Diary_Number", new { value = "X" });
        using var noValue = await api.PutAsJsonAsync($"{path}/diary-number", new { value = " " });
        using var twoLines = await api.PutAsJsonAsync($"{path}/diary-number", new { value = "BUN\n2026" });
        using var unknownMember = await api.PutAsJsonAsync($"{path}/diary-number", new { value = "X", colour = "red" });

        Assert.Equal("diary-number", set.GetProperty("key").GetString());
        Assert.Equal("ByggR", set.GetProperty("setBy").GetString());
        Assert.Equal(set.GetProperty("setUtc").GetString(), repeated.GetProperty("setUtc").GetString());
        Assert.Equal(HttpStatusCode.OK, internalRef.StatusCode);
        Assert.Equal("key", (await ApiAccess.ProblemAsync(badKey)).Body.GetProperty("field").GetString());
        Assert.Equal("value", (await ApiAccess.ProblemAsync(noValue)).Body.GetProperty("field").GetString());
        Assert.Equal("value", (await ApiAccess.ProblemAsync(twoLines)).Body.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownMember.StatusCode);
        var document = await JsonAsync(await api.GetAsync($"{Api}/{number}"));
        var attributes = document.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["diary-number", "procapita-id"], attributes.Select(a => a.GetProperty("key").GetString()));
        Assert.Equal("BUN 2026/123", attributes[0].GetProperty("value").GetString());

        // The citizen sees the public diary number, not the internal id; the officer sees both, the internal one marked.
        var (_, mine) = await citizen.GetStringAsync($"/{Own}/mina-sidor/arenden/{number}");
        Assert.Contains("<dt>Diarienummer</dt>", mine, StringComparison.Ordinal);
        Assert.Contains("BUN 2026/123", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("PC-991", mine, StringComparison.Ordinal);
        using var officer = await SignedInAsync(Own, DemoAccounts.CaseOfficer);
        var (_, page) = await officer.GetStringAsync($"/{Own}/admin/arenden/{number}");
        Assert.Contains("BUN 2026/123", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Procapita-id</dt>", page, StringComparison.Ordinal);
        Assert.Matches("PC-991\\s*<span class=\"facts__note\">\\(visas inte för den sökande\\)</span>", page);

        // Removing, and the limit per case.
        using var removed = await api.DeleteAsync($"{path}/procapita-id");
        using var removedAgain = await api.DeleteAsync($"{path}/procapita-id");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        for (var i = 1; i < 20; i++)
        {
            using var more = await api.PutAsJsonAsync($"{path}/ref-{i}", new { value = $"R{i}" });
            Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        }

        using var tooMany = await api.PutAsJsonAsync($"{path}/ref-20", new { value = "R20" });
        Assert.Equal(ApiProblems.TypePrefix + "too-many-attributes", (await ApiAccess.ProblemAsync(tooMany)).Type);
        using var changeExisting = await api.PutAsJsonAsync($"{path}/diary-number", new { value = "BUN 2026/124", @public = true });
        Assert.Equal("BUN 2026/124", (await JsonAsync(changeExisting)).GetProperty("value").GetString());

        await using var scope = TenantScope(Own);
        var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", document.GetProperty("case").GetProperty("id").GetString()!);
        Assert.Single(events, e => e.Action == "case.attribute-set" && e.Details!.Contains("BUN 2026/123", StringComparison.Ordinal) && e.Actor.EndsWith("(ByggR)", StringComparison.Ordinal));
        Assert.Single(events, e => e.Action == "case.attribute-removed");
    }

    [Fact]
    public async Task A_system_hands_a_case_to_another_handling_group_whose_members_are_told()
    {
        await Handling.HandlingSetup.CreateGroupsAsync(Fixture, Own);
        using var citizen = Fixture.CreateClient();
        var number = CaseNumber(await citizen.SubmitFeedbackAsync(Own));
        using var api = await SystemAsync(Own);
        using (var assigned = await api.PutAsJsonAsync($"{Api}/{number}/assignment", new { officer = DemoAccounts.CaseOfficer }))
        {
            Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        }

        using var moved = await api.PutAsJsonAsync($"{Api}/{number}/handling-group", new { group = "akut" });
        var summary = await JsonAsync(moved);
        using var unknown = await api.PutAsJsonAsync($"{Api}/{number}/handling-group", new { group = "trafik" });
        using var empty = await api.PutAsJsonAsync($"{Api}/{number}/handling-group", new { group = "" });

        // The officer is not in "akut": the case waits for that group, whose member hears of it.
        Assert.Equal("akut", summary.GetProperty("handlingGroup").GetString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("assignedTo").ValueKind);
        Assert.Equal(ApiProblems.TypePrefix + "unknown-handling-group", (await ApiAccess.ProblemAsync(unknown)).Type);
        Assert.Equal("group", (await ApiAccess.ProblemAsync(empty)).Body.GetProperty("field").GetString());
        var mail = await Fixture.Mailbox.WaitForAsync(m => m.Subject == $"Ärende {number} har flyttats till er grupp"
            && m.To.Mailboxes.Any(to => to.Address == $"handlaggare2@{Own}.example"), "group mail");
        Assert.Contains($"/{Own}/admin/arenden/{number}", mail.TextBody, StringComparison.Ordinal);
        var history = (await JsonAsync(await api.GetAsync($"{Api}/{number}"))).GetProperty("history").EnumerateArray();
        Assert.Contains(history, e => e.GetProperty("kind").GetString() == "GroupChanged" && e.GetProperty("actor").GetString() == "ByggR");
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?updatedSince=yesterday", "updatedSince")]
    public async Task A_bad_query_parameter_is_a_problem_naming_it(string query, string field)
    {
        using var api = await SystemAsync(Own);

        using var response = await api.GetAsync(Api + query);
        var (status, type, body) = await ApiAccess.ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(ApiProblems.TypePrefix + "invalid-parameter", type);
        Assert.Equal(field, body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_bad_body_is_refused_with_a_problem_and_changes_nothing()
    {
        using var citizen = Fixture.CreateClient();
        var number = CaseNumber(await citizen.SubmitFeedbackAsync(Own));
        using var api = await SystemAsync(Own);
        var path = $"{Api}/{number}/delivery";

        using var unknownMember = await api.PutAsync(path, Json("""{"reference":"A-1","diary":"x"}"""));
        using var missing = await api.PutAsync(path, Json("""{"reference":"  "}"""));
        using var broken = await api.PutAsync(path, Json("""{"reference":"""));
        using var notJson = await api.PutAsync(path, new StringContent("reference=A-1", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var huge = await api.PutAsync(path, Json($$"""{"reference":"{{new string('x', 100_000)}}"}"""));
        using var noText = await api.PostAsync($"{Api}/{number}/transitions", Json("""{"expectedState":"received"}"""));

        Assert.Equal((HttpStatusCode.BadRequest, ApiProblems.TypePrefix + "invalid-parameter"), await StatusAndType(unknownMember));
        Assert.Equal("reference", (await ApiAccess.ProblemAsync(missing)).Body.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, ApiProblems.TypePrefix + "unsupported-media-type"), await StatusAndType(notJson));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, ApiProblems.TypePrefix + "too-large"), await StatusAndType(huge));
        Assert.Equal("transition", (await ApiAccess.ProblemAsync(noText)).Body.GetProperty("field").GetString());
        using var read = await api.GetAsync($"{Api}/{number}");
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(read)).GetProperty("case").GetProperty("delivery").ValueKind);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_passes_an_independent_validator()
    {
        using var http = new HttpClient { BaseAddress = Fixture.BaseAddress };

        using var response = await http.GetAsync($"/{Own}/api/v1/openapi.json");
        var text = await response.Content.ReadAsStringAsync();
        var document = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/" + Own, document.GetProperty("servers")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/cases", out _));
        Assert.True(paths.TryGetProperty("/api/v1/cases/{number}/delivery", out _));
        Assert.All(paths.EnumerateObject(), p => Assert.StartsWith("/api/v1/", p.Name, StringComparison.Ordinal));
        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal("connect/token", flow.GetProperty("tokenUrl").GetString());
        // Every API endpoint the hub maps is in the document, with its method (route constraints are not part of a path).
        var mapped = Fixture.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>() is not null
                && !e.RoutePattern.RawText.EndsWith("openapi.json", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods
                .Select(m => (Path: "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.Trim('/'), ":[a-z]+}", "}"), Method: m.ToLowerInvariant())))
            .ToList();
        Assert.True(mapped.Count >= 10, string.Join(", ", mapped));
        Assert.All(mapped, m => Assert.True(paths.TryGetProperty(m.Path, out var item) && item.TryGetProperty(m.Method, out _), $"{m.Method} {m.Path} is not in the document"));
        var list = paths.GetProperty("/api/v1/cases").GetProperty("get");
        Assert.Equal(ApiScopes.CasesRead, list.GetProperty("security")[0].GetProperty("oauth2")[0].GetString());

        var file = Path.Combine(Path.GetTempPath(), $"hub-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, text);
        try
        {
            var (exit, output) = await RunAsync("python3", "-m", "openapi_spec_validator", "--schema", "3.1", file);
            Assert.True(exit == 0, "openapi-spec-validator: " + output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode, string?)> StatusAndType(HttpResponseMessage response)
    {
        var (status, type, _) = await ApiAccess.ProblemAsync(response);
        return (status, type);
    }

    private static Task<(int Exit, string Output)> RunAsync(string program, params string[] arguments) =>
        Documents.PdfTools.RunAsync(program, arguments);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCasesApiTests(SqliteHubFixture fixture) : CasesApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCasesApiTests(PostgresHubFixture fixture) : CasesApiTests(fixture);
