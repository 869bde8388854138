using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Cases.Documents;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hub.Testing.Intake;

namespace Hub.Cases.Tests.Documents;

/// <summary>
/// The case and its receipt as tagged PDFs, downloaded by an officer, a business system and the citizen, and checked
/// by tools that are not PDFsharp: poppler's <c>pdfinfo</c> and <c>pdftotext</c>, and pikepdf for the structure tree.
/// </summary>
public abstract partial class CasePdfTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    protected override IReadOnlyList<string>? Services => ["ledighet-elev", "specialkost"];

    [Fact]
    public async Task An_officer_downloads_the_case_as_a_tagged_pdf_with_every_answer_and_both_signatures()
    {
        var number = await SubmitLeaveSignedByBothAsync();
        using var officer = await SignedInAsync(Own, DemoAccounts.CaseOfficer);
        var (_, page) = await officer.GetStringAsync($"/{Own}/admin/arenden/{number}");

        using var response = await officer.GetAsync($"/{Own}/admin/arenden/{number}/pdf");
        var pdf = await PdfAsync(response, $"arende-{number}.pdf");
        var (info, text, facts) = await CheckAsync(pdf);

        Assert.Contains($"href=\"/{Own}/admin/arenden/{number}/pdf\"", page, StringComparison.Ordinal);
        Assert.Contains("Ladda ner som PDF", page, StringComparison.Ordinal);
        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Contains($"Ärende {number} – Ansökan om ledighet för elev", info, StringComparison.Ordinal);
        foreach (var answer in new[]
        {
            number, "Elsa Andersson", "20150612-1233", "Kumla skola", "4B", "2026-12-14", "2026-12-18",
            "Familjehändelse, till exempel bröllop, födelsedag eller begravning", "Anna Andersson", $"anna@{Own}.example", "Ja",
            "Vårdnadshavare 2: 19870903-2190", "Underskriven av Anna Andersson", "Underskriven av Erik Andersson", "Svaren som de skickades in",
        })
        {
            Assert.Contains(answer, text, StringComparison.Ordinal);
        }

        Assert.Equal("sv", facts.GetProperty("lang").GetString());
        AssertAccessible(facts, $"Ärende {number} – Ansökan om ledighet för elev");
        await using var scope = TenantScope(Own);
        var id = (await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Cases.SingleAsync(c => c.Number == number)).Id.ToString();
        var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", id);
        Assert.Contains(events, e => e.Action == "case.viewed" && e.Actor == "staff:" + DemoAccounts.CaseOfficer && e.Details?.Contains("\"pdf\"", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_officer_cannot_download_another_tenants_case_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        using var citizen = Fixture.CreateClient();
        var foreign = await citizen.SubmitSpecialkostAsync(Other);
        using var officer = await SignedInAsync(Own, DemoAccounts.CaseOfficer);
        using var anonymous = Fixture.CreateClient();

        using var crossed = await officer.GetAsync($"/{Own}/admin/arenden/{foreign}/pdf");
        using var otherPath = await officer.GetAsync($"/{Other}/admin/arenden/{foreign}/pdf");
        using var nobody = await anonymous.GetAsync($"/{Own}/admin/arenden/{foreign}/pdf");

        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, otherPath.StatusCode);
        Assert.NotEqual("application/pdf", otherPath.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, nobody.StatusCode);
        Assert.Contains("/konto/logga-in", nobody.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_reads_the_case_pdf_with_its_attachment_listed_and_another_tenants_is_not_found()
    {
        using var citizen = Fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(Own);
        var foreign = await citizen.SubmitSpecialkostAsync(Other);
        using var admin = await SignedInAsync(Own);
        using var api = await ApiAccess.ClientAsync(Fixture, admin, Own, "Arkivet", [ApiScopes.CasesRead]);

        using var response = await api.GetAsync($"/{Own}/api/v1/cases/{number}/pdf");
        var pdf = await PdfAsync(response, $"arende-{number}.pdf");
        var (info, text, facts) = await CheckAsync(pdf);
        using var crossed = await api.GetAsync($"/{Own}/api/v1/cases/{foreign}/pdf");
        var (status, type, _) = await ApiAccess.ProblemAsync(crossed);

        Assert.Matches(@"Tagged:\s+yes", info);
        foreach (var answer in new[] { number, "Elsa Andersson", "20150612-1233", "Kumla skola", "Gluten", "2026-08-17", "intyg.pdf", "Bifogade filer", "Anna Andersson" })
        {
            Assert.Contains(answer, text, StringComparison.Ordinal);
        }

        AssertAccessible(facts, $"Ärende {number} – Ansökan om specialkost");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(ApiProblems.TypePrefix + "not-found", type);
        await using var scope = TenantScope(Own);
        var id = (await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Cases.SingleAsync(c => c.Number == number)).Id.ToString();
        var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", id);
        Assert.Contains(events, e => e.Action == "case.viewed" && e.Actor.EndsWith("(Arkivet)", StringComparison.Ordinal) && e.Details?.Contains("\"pdf\"", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_citizen_downloads_the_receipt_from_Mina_sidor_in_the_language_they_read()
    {
        using var anna = Fixture.CreateClient();
        var number = await anna.SubmitSpecialkostAsync(Own);
        var (_, page) = await anna.GetStringAsync($"/{Own}/mina-sidor/arenden/{number}");

        using var swedish = await anna.GetAsync($"/{Own}/mina-sidor/arenden/{number}/pdf");
        var (_, swedishText, swedishFacts) = await CheckAsync(await PdfAsync(swedish, $"kvitto-{number}.pdf"));
        using (await anna.GetAsync($"/{Own}/sprak/en"))
        {
        }

        using var english = await anna.GetAsync($"/{Own}/mina-sidor/arenden/{number}/pdf");
        var (englishInfo, englishText, englishFacts) = await CheckAsync(await PdfAsync(english, $"receipt-{number}.pdf"));

        Assert.Contains("Ladda ner kvittot som PDF", page, StringComparison.Ordinal);
        Assert.Equal("sv", swedishFacts.GetProperty("lang").GetString());
        Assert.Contains("Tack! Vi har tagit emot din ansökan", swedishText, StringComparison.Ordinal);
        Assert.Contains("Dina svar", swedishText, StringComparison.Ordinal);
        Assert.Contains("Elsa Andersson", swedishText, StringComparison.Ordinal);
        AssertAccessible(swedishFacts, $"Kvitto för ärende {number} – Ansökan om specialkost");
        Assert.Equal("en", englishFacts.GetProperty("lang").GetString());
        Assert.Contains($"Receipt for case {number} – Application for a special diet", englishInfo, StringComparison.Ordinal);
        foreach (var label in new[] { "Case number", "Your answers", "Attached files", "What happens next", "Elsa Andersson", "intyg.pdf", "Gluten" })
        {
            Assert.Contains(label, englishText, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Dina svar", englishText, StringComparison.Ordinal);
        AssertAccessible(englishFacts, $"Receipt for case {number} – Application for a special diet");
    }

    [Fact]
    public async Task Only_the_submitter_gets_the_receipt_not_another_citizen_another_tenants_site_or_an_anonymous_visitor()
    {
        using var anna = Fixture.CreateClient();
        var number = await anna.SubmitSpecialkostAsync(Own);
        var foreign = await anna.SubmitSpecialkostAsync(Other);
        using var tolvan = Fixture.CreateClient();
        await tolvan.LogInAsync(Own, CitizenEId.Tolvan);
        using var anonymous = Fixture.CreateClient();

        using var notTheirs = await tolvan.GetAsync($"/{Own}/mina-sidor/arenden/{number}/pdf");
        using var crossed = await anna.GetAsync($"/{Own}/mina-sidor/arenden/{foreign}/pdf");
        using var nobody = await anonymous.GetAsync($"/{Own}/mina-sidor/arenden/{number}/pdf");

        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, nobody.StatusCode);
        Assert.NotEqual("application/pdf", nobody.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_co_signer_sees_the_case_but_gets_no_receipt_of_it()
    {
        var number = await SubmitLeaveSignedByBothAsync();
        using var erik = Fixture.CreateClient();
        await erik.LogInAsync(Own, CitizenEId.ErikAndersson);

        var (status, _) = await erik.GetStringAsync($"/{Own}/mina-sidor/arenden/{number}");
        using var receipt = await erik.GetAsync($"/{Own}/mina-sidor/arenden/{number}/pdf");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.NotFound, receipt.StatusCode);
    }

    [Fact]
    public async Task A_long_document_wraps_flows_over_pages_and_its_logo_is_a_figure_with_alternative_text()
    {
        // A 1×1 PNG: the writer places any raster logo as a Figure.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        var longAnswer = string.Join(' ', Enumerable.Range(1, 400).Select(i => $"ord{i}"));
        byte[] bytes;
        using (var pdf = new TaggedPdf("sv", "Ärende TST-2026-000040 – Fyrtio frågor", "Testkommun"))
        {
            pdf.Figure(png, "Testkommun, logotyp", 36);
            pdf.Heading(1, "Ärende TST-2026-000040 – Fyrtio frågor");
            pdf.Heading(2, "Svaren som de skickades in");
            for (var i = 1; i <= 40; i++)
            {
                pdf.Field($"Fråga {i} om åäö", i == 20 ? longAnswer : $"Svar nummer {i}: ÅÄÖ åäö");
            }

            pdf.Field("Question in English", "en", () => pdf.List([("Första valet", "sv"), ("Second choice", null)]));
            bytes = pdf.ToArray();
        }

        var (info, text, facts) = await CheckAsync(bytes);

        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.True(facts.GetProperty("pages").GetInt32() >= 3, info);
        Assert.Equal(["Testkommun, logotyp"], facts.GetProperty("figures").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("en", facts.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        for (var i = 1; i <= 40; i++)
        {
            Assert.Contains(i == 20 ? "ord1 ord2" : $"Svar nummer {i}: ÅÄÖ åäö", text, StringComparison.Ordinal);
        }

        Assert.Contains("ord400", text, StringComparison.Ordinal);
        // Every word of the long answer is there once, in order: wrapped, none lost over a page break.
        Assert.Equal(Enumerable.Range(1, 400).Select(i => $"ord{i}"), Words().Matches(text).Select(m => m.Value));
        AssertAccessible(facts, "Ärende TST-2026-000040 – Fyrtio frågor");
    }

    private static void AssertAccessible(JsonElement facts, string title)
    {
        Assert.True(facts.GetProperty("marked").GetBoolean(), "/MarkInfo /Marked");
        Assert.True(facts.GetProperty("structTreeRoot").GetBoolean(), "/StructTreeRoot");
        Assert.True(facts.GetProperty("displayDocTitle").GetBoolean(), "/DisplayDocTitle");
        Assert.True(facts.GetProperty("metadata").GetBoolean(), "XMP /Metadata");
        Assert.True(facts.GetProperty("fontsEmbedded").GetBoolean(), "fonts embedded");
        Assert.Equal(title, facts.GetProperty("title").GetString());
        var tags = facts.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal("Document", tags[0]);
        Assert.Single(tags, "H1");
        Assert.Contains("H2", tags);
        Assert.Contains("P", tags);
        Assert.All(facts.GetProperty("figures").EnumerateArray(), f => Assert.False(string.IsNullOrWhiteSpace(f.GetString()), "a Figure without /Alt"));
    }

    private static async Task<byte[]> PdfAsync(HttpResponseMessage response, string fileName)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(500, bytes.Length)])}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        return bytes;
    }

    /// <summary>pdfinfo's report, pdftotext's text (white space made single spaces) and pikepdf's facts.</summary>
    private static async Task<(string Info, string Text, JsonElement Facts)> CheckAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hub-pdf-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var (infoExit, info) = await PdfTools.RunAsync("pdfinfo", file);
            Assert.True(infoExit == 0, "pdfinfo: " + info);
            var (textExit, text) = await PdfTools.RunAsync("pdftotext", "-enc", "UTF-8", file, "-");
            Assert.True(textExit == 0, "pdftotext: " + text);
            var (checkExit, facts) = await PdfTools.PikepdfAsync(Path.Combine(AppContext.BaseDirectory, "Documents", "check_pdf.py"), file);
            Assert.True(checkExit == 0, "pikepdf: " + facts);
            return (info, Spaces().Replace(text, " "), JsonDocument.Parse(facts).RootElement.Clone());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Anna applies for leave for Elsa and signs; the second guardian, Erik, signs on Mina sidor.</summary>
    private async Task<string> SubmitLeaveSignedByBothAsync()
    {
        using var anna = Fixture.CreateClient();
        await anna.LogInAsync(Own, CitizenEId.AnnaAndersson);
        var step = await anna.StartAsync(Own, "ledighet-elev");
        using var child = await anna.StepAsync(step, [F("child-name", "Elsa Andersson"), F("child-personnummer", "20150612-1233"), F("school", "kumla-skola"), F("class", "4B")]);
        using var leave = await anna.StepAsync(child.Location(), [F("leave-from", "2026-12-14"), F("leave-to", "2026-12-18"), F("school-days", "5"), F("reason", "family-event")]);
        using var guardians = await anna.StepAsync(leave.Location(), [F("applicant.name", "Anna Andersson"), F("applicant.email", $"anna@{Own}.example"), F("two-guardians", "yes"),
            F("guardian-signature.vardnadshavare-2.personnummer", CitizenEId.ErikAndersson), F("guardian-signature.vardnadshavare-2.email", "")]);
        var number = CaseNumber(await SignAsync(anna, guardians.Location(), CitizenEId.AnnaAndersson));

        using var erik = Fixture.CreateClient();
        await erik.LogInAsync(Own, CitizenEId.ErikAndersson);
        var casePath = $"/{Own}/mina-sidor/arenden/{number}";
        await SignAsync(erik, casePath + "/sign", CitizenEId.ErikAndersson, casePath);
        return number;
    }

    private static async Task<string> SignAsync(HubClient client, string postPath, string signer, string? formPath = null)
    {
        var (_, html) = await client.GetStringAsync(formPath ?? postPath);
        using var challenge = await client.PostWithTokenAsync(postPath, HubClient.AntiforgeryToken(html), []);
        var chooser = await client.ReadChooserAsync(challenge);
        using var signed = await client.SubmitChooserAsync(chooser, [F("Input.Person", signer), F("decision", "sign")]);
        var back = await client.FinishAtCallbackAsync(signed);
        using var done = await client.GetAsync(back);
        return done.Location();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"ord\d+")]
    private static partial Regex Words();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCasePdfTests(SqliteHubFixture fixture) : CasePdfTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCasePdfTests(PostgresHubFixture fixture) : CasePdfTests(fixture);
