using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Hub.Abstractions;
using Hub.Audit.Contracts;
using Hub.Cases.Data;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Cases.Tests.Documents;

/// <summary>
/// Archive packages of closed cases, taken by a business system and by an officer: the zip is opened and every file
/// checked against the METS manifest (size and SHA-256 computed here), the XML against the XSD in the package (by .NET
/// and by xmllint), the PDF by pdfinfo; each package is recorded with the zip's checksum and shown on the retention
/// page; an open case and another tenant's are refused.
/// </summary>
public abstract class ArchivePackageTests(HubFixture fixture) : TwoTenantTests(fixture)
{
    private static readonly XNamespace Mets = "http://www.loc.gov/METS/";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    protected override IReadOnlyList<string>? Services => ["specialkost"];

    private async Task<HttpClient> SystemAsync(string slug)
    {
        using var admin = await SignedInAsync(slug);
        return await ApiAccess.ClientAsync(Fixture, admin, slug, "E-arkivet", [ApiScopes.CasesRead, ApiScopes.CasesWrite]);
    }

    /// <summary>Moves the case received → in progress → decided → closed through the API.</summary>
    private static async Task CloseAsync(HttpClient api, string slug, string number)
    {
        foreach (var (transition, state, text) in new[] { ("start", "received", (string?)null), ("decide", "in-progress", "Beviljas."), ("close", "decided", null) })
        {
            using var moved = await api.PostAsJsonAsync($"/{slug}/api/v1/cases/{number}/transitions", new { transition, expectedState = state, text });
            Assert.True(moved.IsSuccessStatusCode, $"{transition}: {(int)moved.StatusCode} {await moved.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_closed_case_leaves_as_a_zip_whose_manifest_lists_every_file_with_its_size_and_sha256_and_whose_xml_is_valid()
    {
        using var citizen = Fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(Own);
        using var api = await SystemAsync(Own);
        // A message with a character XML cannot hold (the API takes it) must not stop the package.
        using (var message = await api.PostAsJsonAsync($"/{Own}/api/v1/cases/{number}/messages", new { text = "Intyget är mottaget 👍\u0001." }))
        {
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        }

        await CloseAsync(api, Own, number);

        using var response = await api.GetAsync($"/{Own}/api/v1/cases/{number}/archive");
        var zip = await ZipAsync(response, $"arkivpaket-{number}-1.zip");
        var files = Unpack(zip);
        var manifest = XDocument.Parse(System.Text.Encoding.UTF8.GetString(files["mets.xml"]));
        var listed = manifest.Descendants(Mets + "file").ToList();

        // Every file but the manifest is listed once, with the size and SHA-256 of its bytes in the zip.
        Assert.Equal(files.Keys.Where(k => k != "mets.xml").Order(StringComparer.Ordinal),
            listed.Select(Href).Order(StringComparer.Ordinal));
        foreach (var file in listed)
        {
            var bytes = files[Href(file)];
            Assert.Equal("SHA-256", file.Attribute("CHECKSUMTYPE")?.Value);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Attribute("CHECKSUM")?.Value);
            Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), file.Attribute("SIZE")?.Value);
            Assert.False(string.IsNullOrEmpty(file.Attribute("MIMETYPE")?.Value));
            Assert.True(DateTimeOffset.TryParse(file.Attribute("CREATED")?.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Single(manifest.Descendants(Mets + "fptr"), f => f.Attribute("FILEID")?.Value == file.Attribute("ID")?.Value);
        }

        // The FGS header: the package's id, the profile, the municipality and the case number.
        var root = manifest.Root!;
        Assert.Equal(Mets + "mets", root.Name);
        Assert.StartsWith("UUID:", root.Attribute("OBJID")?.Value, StringComparison.Ordinal);
        Assert.Equal("http://xml.ra.se/METS/CommonSpecificationSwedenPackageProfile.xml", root.Attribute("PROFILE")?.Value);
        Assert.Equal(number, root.Descendants(Mets + "altRecordID").Single().Value);
        Assert.Contains(root.Descendants(Mets + "agent"), a => a.Attribute("ROLE")?.Value == "ARCHIVIST" && a.Value.Length > 0);
        Assert.Equal(
            ["content/case.xml", "content/case.pdf", "content/history.xml", "content/attachments/", "system/case.xsd", "system/history.xsd"],
            listed.Select(Href).Select(h => h.StartsWith("content/attachments/", StringComparison.Ordinal) ? "content/attachments/" : h));

        // The case XML and the history are valid against the schemas in the package, by .NET and by xmllint.
        var caseXml = System.Text.Encoding.UTF8.GetString(files["content/case.xml"]);
        Assert.Contains("Elsa Andersson", caseXml, StringComparison.Ordinal);
        Assert.Contains(number, caseXml, StringComparison.Ordinal);
        Validate(files["system/case.xsd"], files["content/case.xml"]);
        Validate(files["system/history.xsd"], files["content/history.xml"]);
        var history = XDocument.Parse(System.Text.Encoding.UTF8.GetString(files["content/history.xml"]));
        XNamespace h = "urn:hub:case-history:1";
        Assert.Contains(history.Descendants(h + "event"), e => e.Attribute("kind")?.Value == "Submitted");
        Assert.Contains(history.Descendants(h + "event"), e => e.Attribute("state")?.Value == "closed" && e.Attribute("actor")?.Value == "E-arkivet");
        Assert.Contains(history.Descendants(h + "entry"), e => e.Attribute("action")?.Value == "case.transition");
        Assert.Equal("Intyget är mottaget 👍.", history.Descendants(h + "message").Single().Value);
        await XmllintAsync(files);

        // The attachment is the citizen's file byte for byte, the PDF is a tagged PDF of the case.
        var attachment = listed.Single(f => f.Attribute("USE")?.Value == "attachment");
        Assert.Equal("intyg.pdf", attachment.Element(Mets + "FLocat")!.Attribute(XLink + "title")?.Value);
        Assert.Equal("application/pdf", attachment.Attribute("MIMETYPE")?.Value);
        await using (var scope = TenantScope(Own))
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var caseId = (await db.Cases.SingleAsync(c => c.Number == number)).Id;
            var stored = await db.Files.SingleAsync(f => f.CaseId == caseId);
            Assert.Equal(stored.Sha256, attachment.Attribute("CHECKSUM")?.Value);
        }

        var pdf = Path.Combine(Path.GetTempPath(), $"hub-archive-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, files["content/case.pdf"]);
        try
        {
            var (exit, info) = await PdfTools.RunAsync("pdfinfo", pdf);
            Assert.True(exit == 0, "pdfinfo: " + info);
            Assert.Matches(@"Tagged:\s+yes", info);
            Assert.Contains($"Ärende {number} – Ansökan om specialkost", info, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pdf);
        }

        // The package is recorded with the checksum of the zip as sent, and audited with the client's name.
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(zip))}:", response.Headers.GetValues("Repr-Digest").Single());
        await using (var scope = TenantScope(Own))
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var caseId = (await db.Cases.SingleAsync(c => c.Number == number)).Id;
            var record = await db.ArchivePackages.SingleAsync(p => p.CaseId == caseId);
            Assert.Equal(1, record.Sequence);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(zip)), record.Sha256);
            Assert.Equal(zip.Length, record.Size);
            Assert.EndsWith("(E-arkivet)", record.CreatedBy, StringComparison.Ordinal);
            Assert.Equal("UUID:" + record.Id, root.Attribute("OBJID")?.Value);
            var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", caseId.ToString());
            Assert.Single(events, e => e.Action == "case.archived" && e.Actor.EndsWith("(E-arkivet)", StringComparison.Ordinal)
                && e.Details!.Contains(record.Sha256, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_second_package_is_number_two_and_both_are_on_the_retention_page()
    {
        using var citizen = Fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(Own);
        using var api = await SystemAsync(Own);
        await CloseAsync(api, Own, number);

        using var first = await api.GetAsync($"/{Own}/api/v1/cases/{number}/archive");
        var firstZip = await ZipAsync(first, $"arkivpaket-{number}-1.zip");
        using var second = await api.GetAsync($"/{Own}/api/v1/cases/{number}/archive");
        var secondZip = await ZipAsync(second, $"arkivpaket-{number}-2.zip");

        await using (var scope = TenantScope(Own))
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var caseId = (await db.Cases.SingleAsync(c => c.Number == number)).Id;
            var records = await db.ArchivePackages.Where(p => p.CaseId == caseId).OrderBy(p => p.Sequence).ToListAsync();
            Assert.Equal([1, 2], records.Select(r => r.Sequence));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(firstZip)), records[0].Sha256);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(secondZip)), records[1].Sha256);
        }

        using var admin = await SignedInAsync(Own);
        var (status, page) = await admin.GetStringAsync($"/{Own}/admin/arenden/gallring");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Arkivpaket som har lämnat hubben", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{Own}/admin/arenden/{number}\"", page, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(firstZip))[..12], page, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(secondZip))[..12], page, StringComparison.Ordinal);
        using (await admin.GetAsync($"/{Own}/sprak/en"))
        {
        }

        var (_, english) = await admin.GetStringAsync($"/{Own}/admin/arenden/gallring");
        Assert.Contains("Archive packages that have left the hub", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Packages_taken_at_the_same_time_get_one_number_each()
    {
        using var citizen = Fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(Own);
        using var api = await SystemAsync(Own);
        await CloseAsync(api, Own, number);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => api.GetAsync($"/{Own}/api/v1/cases/{number}/archive")));
        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(["1", "2", "3"], responses.Select(r => r.Headers.GetValues("Hub-Archive-Sequence").Single()).Order(StringComparer.Ordinal));
            await using var scope = TenantScope(Own);
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var caseId = (await db.Cases.SingleAsync(c => c.Number == number)).Id;
            Assert.Equal([1, 2, 3], await db.ArchivePackages.Where(p => p.CaseId == caseId).OrderBy(p => p.Sequence).Select(p => p.Sequence).ToListAsync());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task An_open_case_is_refused_with_case_not_closed_and_nothing_is_recorded()
    {
        using var citizen = Fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(Own);
        using var api = await SystemAsync(Own);

        using var response = await api.GetAsync($"/{Own}/api/v1/cases/{number}/archive");
        var (status, type, _) = await ApiAccess.ProblemAsync(response);
        using var officer = await SignedInAsync(Own, DemoAccounts.CaseOfficer);
        var (_, page) = await officer.GetStringAsync($"/{Own}/admin/arenden/{number}");
        using var posted = await officer.PostWithTokenAsync($"/{Own}/admin/arenden/{number}/archive", HubClient.AntiforgeryToken(page), []);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(ApiProblems.TypePrefix + "case-not-closed", type);
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.DoesNotContain("Ta ett arkivpaket", page, StringComparison.Ordinal);
        await using var scope = TenantScope(Own);
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var caseId = (await db.Cases.SingleAsync(c => c.Number == number)).Id;
        Assert.False(await db.ArchivePackages.AnyAsync(p => p.CaseId == caseId));
        var events = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ForSubjectAsync("case", caseId.ToString());
        Assert.DoesNotContain(events, e => e.Action == "case.archived");
    }

    [Fact]
    public async Task Another_tenants_case_is_not_found_for_a_system_or_an_officer_and_another_tenants_token_is_refused()
    {
        using var citizen = Fixture.CreateClient();
        var foreign = await citizen.SubmitSpecialkostAsync(Other);
        var own = await citizen.SubmitSpecialkostAsync(Own);
        using var otherApi = await SystemAsync(Other);
        await CloseAsync(otherApi, Other, foreign);
        using var api = await SystemAsync(Own);
        await CloseAsync(api, Own, own);

        using var crossed = await api.GetAsync($"/{Own}/api/v1/cases/{foreign}/archive");
        var (status, type, _) = await ApiAccess.ProblemAsync(crossed);
        using var otherPath = await api.GetAsync($"/{Other}/api/v1/cases/{foreign}/archive");
        using var foreignToken = await otherApi.GetAsync($"/{Own}/api/v1/cases/{own}/archive");
        using var officer = await SignedInAsync(Own, DemoAccounts.CaseOfficer);
        var (_, page) = await officer.GetStringAsync($"/{Own}/admin/arenden/{own}");
        using var officerCrossed = await officer.PostWithTokenAsync($"/{Own}/admin/arenden/{foreign}/archive", HubClient.AntiforgeryToken(page), []);
        using var officerOtherPath = await officer.PostWithTokenAsync($"/{Other}/admin/arenden/{foreign}/archive", HubClient.AntiforgeryToken(page), []);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(ApiProblems.TypePrefix + "not-found", type);
        Assert.True(otherPath.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, otherPath.StatusCode.ToString());
        Assert.True(foreignToken.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, foreignToken.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.NotFound, officerCrossed.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, officerOtherPath.StatusCode);
        Assert.NotEqual("application/zip", officerOtherPath.Content.Headers.ContentType?.MediaType);
        await using (var scope = TenantScope(Other))
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<CasesDbContext>().ArchivePackages.AnyAsync());
        }

        await using (var scope = TenantScope(Own))
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<CasesDbContext>().ArchivePackages.AnyAsync());
        }
    }

    [Fact]
    public async Task An_officer_takes_a_package_from_the_closed_cases_page_and_sees_it_listed()
    {
        using var citizen = Fixture.CreateClient();
        var number = await citizen.SubmitSpecialkostAsync(Own);
        using (var api = await SystemAsync(Own))
        {
            await CloseAsync(api, Own, number);
        }

        using var officer = await SignedInAsync(Own, DemoAccounts.CaseOfficer);
        var (_, before) = await officer.GetStringAsync($"/{Own}/admin/arenden/{number}");
        using var posted = await officer.PostWithTokenAsync($"/{Own}/admin/arenden/{number}/archive", HubClient.AntiforgeryToken(before), []);
        var zip = await ZipAsync(posted, $"arkivpaket-{number}-1.zip");
        var (_, after) = await officer.GetStringAsync($"/{Own}/admin/arenden/{number}");

        Assert.Contains("Inget arkivpaket har tagits av ärendet ännu.", before, StringComparison.Ordinal);
        Assert.Contains($"action=\"/{Own}/admin/arenden/{number}/archive\"", before, StringComparison.Ordinal);
        Assert.Contains("Ta ett arkivpaket (zip)", before, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(zip))[..12], after, StringComparison.Ordinal);
        Assert.Contains("Paket 1, taget", after, StringComparison.Ordinal);
        Assert.Contains("content/case.xml", Unpack(zip).Keys);
        await using var scope = TenantScope(Own);
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var record = await db.ArchivePackages.SingleAsync(p => p.Sequence == 1 && db.Cases.Any(c => c.Id == p.CaseId && c.Number == number));
        Assert.Equal("staff:" + DemoAccounts.CaseOfficer, record.CreatedBy);
    }

    private static string Href(XElement file) =>
        file.Element(Mets + "FLocat")!.Attribute(XLink + "href")!.Value["file:///".Length..];

    private static async Task<byte[]> ZipAsync(HttpResponseMessage response, string fileName)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(500, bytes.Length)])}");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        return bytes;
    }

    private static Dictionary<string, byte[]> Unpack(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files.Add(entry.FullName, copy.ToArray());
        }

        return files;
    }

    private static void Validate(byte[] schema, byte[] document)
    {
        var set = new XmlSchemaSet();
        using (var reader = XmlReader.Create(new MemoryStream(schema)))
        {
            set.Add(null, reader);
        }

        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using (var reader = XmlReader.Create(new MemoryStream(document), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(errors);
    }

    /// <summary>Unpacks the package and lets xmllint check the XML against the schema its own schemaLocation names.</summary>
    private static async Task XmllintAsync(Dictionary<string, byte[]> files)
    {
        var directory = Directory.CreateTempSubdirectory("hub-archive-");
        try
        {
            foreach (var (path, bytes) in files)
            {
                var target = Path.Combine(directory.FullName, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllBytesAsync(target, bytes);
            }

            foreach (var (xml, xsd) in new[] { ("content/case.xml", "system/case.xsd"), ("content/history.xml", "system/history.xsd") })
            {
                var (exit, output) = await PdfTools.RunAsync("xmllint", "--noout", "--schema", Path.Combine(directory.FullName, xsd), Path.Combine(directory.FullName, xml));
                Assert.True(exit == 0, $"xmllint {xml}: {output}");
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteArchivePackageTests(SqliteHubFixture fixture) : ArchivePackageTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresArchivePackageTests(PostgresHubFixture fixture) : ArchivePackageTests(fixture);
