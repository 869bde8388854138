using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Hub.Samples.BusinessSystem;
using Hub.Testing;
using static Hub.Testing.Intake;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// The example business system (samples/Hub.Samples.BusinessSystem) against a real hub: it gets a token, pulls the new
/// cases as XML that validates against its XSD (by .NET and by libxml2's xmllint), confirms delivery, sets the diary
/// number, moves the case and writes to the citizen, who sees it all on Mina sidor while the officer sees the diary
/// number. A second run finds nothing new; a wrong secret ends the program with a clear message. Over HTTP: no page
/// here is new to the browser tests.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SampleClientJourneyTests(BrowserFixture browser)
{
    private const string Message = "Ditt ärende är registrerat hos oss med diarienummer {diary}.";

    [Fact]
    public async Task The_sample_client_takes_new_cases_once_and_the_citizen_and_officer_see_what_it_did()
    {
        var slug = await browser.Hub.CreateTenantAsync("sample", ["specialkost", "synpunkter"]);
        using var citizen = browser.Hub.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(slug);
        var anonymous = CaseNumber(await browser.Hub.CreateClient().SubmitFeedbackAsync(slug));
        var credentials = await CreateClientAsync(slug);
        var output = Directory.CreateTempSubdirectory("hub-sample-").FullName;
        var options = Options(slug, credentials, output) with { Transition = "start", Message = Message, DiaryPrefix = "BN 2026/" };
        using var http = new HttpClient();

        var log = new StringWriter();
        var run = await BusinessSystem.RunOnceAsync(options, http, log);

        Assert.True(run.Outcome == RunOutcome.Completed, log.ToString() + run.Problem);
        Assert.Equal([number, anonymous], run.Delivered.Order(StringComparer.Ordinal));
        Assert.Equal(0, run.Skipped + run.Failed);
        var diary = "BN 2026/" + int.Parse(number[(number.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        // The anonymous case has no one to read a message: the hub's problem is printed and the run goes on.
        Assert.Contains($"{anonymous}: ", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("urn:hub:problem:no-citizen-channel", log.ToString(), StringComparison.Ordinal);

        // The saved XML is valid against the XSD its xsi:schemaLocation names, by .NET and by libxml2.
        var xmlFile = Path.Combine(output, number + ".xml");
        var schemaUrl = SchemaLocation(XDocument.Load(xmlFile));
        var xsdFile = Path.Combine(output, "hub-schema.xsd");
        await File.WriteAllBytesAsync(xsdFile, await http.GetByteArrayAsync(schemaUrl));
        Assert.Empty(DotNetErrors(xmlFile, xsdFile));
        var (code, lint) = await XmllintAsync(xmlFile, xsdFile);
        Assert.True(code == 0, lint);
        Assert.Contains("validates", lint, StringComparison.Ordinal);
        Assert.Contains("Elsa Andersson", await File.ReadAllTextAsync(xmlFile), StringComparison.Ordinal);

        using var api = ApiAccess.Bearer(browser.Hub.BaseAddress, await ApiAccess.TokenAsync(browser.Hub.BaseAddress, credentials));
        var before = await CaseAsync(api, slug, number);
        Assert.Equal("BS-" + number, before.GetProperty("case").GetProperty("delivery").GetProperty("reference").GetString());
        Assert.Equal("in-progress", before.GetProperty("case").GetProperty("state").GetString());
        var attribute = before.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "diary-number");
        Assert.Equal(diary, attribute.GetProperty("value").GetString());
        Assert.True(attribute.GetProperty("public").GetBoolean());

        var (status, mine) = await citizen.GetStringAsync($"/{slug}/mina-sidor/arenden/{number}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Under handläggning", mine, StringComparison.Ordinal);
        Assert.Contains(Message.Replace("{diary}", diary, StringComparison.Ordinal), mine, StringComparison.Ordinal);
        Assert.Contains("Diarienummer", mine, StringComparison.Ordinal);
        Assert.Contains(diary, mine, StringComparison.Ordinal);

        using var officer = browser.Hub.CreateClient();
        using (var signIn = await officer.SignInAsync(slug, DemoAccounts.CaseOfficer, DemoAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var (officerStatus, casePage) = await officer.GetStringAsync($"/{slug}/admin/arenden/{number}");
        Assert.Equal(HttpStatusCode.OK, officerStatus);
        Assert.Contains("Diarienummer", casePage, StringComparison.Ordinal);
        Assert.Contains(diary, casePage, StringComparison.Ordinal);

        // Run again: the queue (delivered=false) is empty, so nothing is fetched, moved or written.
        var again = new StringWriter();
        var second = await BusinessSystem.RunOnceAsync(options, http, again);

        Assert.Equal(RunOutcome.Completed, second.Outcome);
        Assert.Empty(second.Delivered);
        Assert.Contains("0 delivered", again.ToString(), StringComparison.Ordinal);
        var after = await CaseAsync(api, slug, number);
        Assert.Equal(before.GetProperty("case").GetProperty("updatedUtc").GetString(), after.GetProperty("case").GetProperty("updatedUtc").GetString());
        Assert.Equal(before.GetProperty("history").GetArrayLength(), after.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_wrong_secret_ends_the_program_with_a_clear_message_and_an_error_code()
    {
        var slug = await browser.Hub.CreateTenantAsync("sample", ["synpunkter"]);
        var number = CaseNumber(await browser.Hub.CreateClient().SubmitFeedbackAsync(slug));
        var credentials = await CreateClientAsync(slug);
        var output = Directory.CreateTempSubdirectory("hub-sample-").FullName;
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await Cli.RunAsync(["--url", $"{browser.BaseUrl}/{slug}", "--client-id", credentials.ClientId, "--once", "--out", output],
            name => name == "HUB_CLIENT_SECRET" ? "not-the-secret" : null, stdout, stderr);

        Assert.Equal(Cli.Refused, code);
        Assert.Contains("invalid_client", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(credentials.ClientId, stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stderr.ToString(), StringComparison.Ordinal); // no stack trace
        Assert.Empty(Directory.GetFiles(output));
        using var api = ApiAccess.Bearer(browser.Hub.BaseAddress, await ApiAccess.TokenAsync(browser.Hub.BaseAddress, credentials));
        Assert.Equal(JsonValueKind.Null, (await CaseAsync(api, slug, number)).GetProperty("case").GetProperty("delivery").ValueKind);

        var badArguments = await Cli.RunAsync(["--url", "not a url", "--once"], _ => null, stdout, stderr);
        Assert.Equal(Cli.BadArguments, badArguments);
    }

    private BusinessSystemOptions Options(string slug, ApiCredentials credentials, string output) =>
        new(new Uri($"{browser.BaseUrl}/{slug}"), credentials.ClientId, credentials.Secret, output);

    private async Task<ApiCredentials> CreateClientAsync(string slug)
    {
        using var admin = browser.Hub.CreateClient();
        using (var signIn = await admin.SignInAsync(slug, DemoAccounts.TenantAdmin, DemoAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        return await ApiAccess.CreateClientAsync(admin, slug, "Ärendesystemet", "cases:read", "cases:write");
    }

    private static async Task<JsonElement> CaseAsync(HttpClient api, string slug, string number)
    {
        using var response = await api.GetAsync($"/{slug}/api/v1/cases/{number}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Uri SchemaLocation(XDocument document)
    {
        var parts = ((string)document.Root!.Attribute(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "schemaLocation")!).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(document.Root.Name.NamespaceName, parts[0]);
        return new Uri(parts[1]);
    }

    private static List<string> DotNetErrors(string xmlFile, string xsdFile)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, xsdFile);
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using var reader = XmlReader.Create(xmlFile, settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static async Task<(int Code, string Output)> XmllintAsync(string xmlFile, string xsdFile)
    {
        var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--noout", "--nonet", "--schema", xsdFile, xmlFile })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
