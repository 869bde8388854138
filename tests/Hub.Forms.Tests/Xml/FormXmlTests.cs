using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Hub.Forms.Contracts;
using Hub.Forms.Tests.DemoServices;
using static Hub.Forms.Tests.TestForms;

namespace Hub.Forms.Tests.Xml;

/// <summary>
/// A submission's XML is valid against the XSD generated from its form version, checked by .NET's validator and by
/// libxml2's <c>xmllint</c>; the schema refuses what the form refuses (an unknown option, a number out of range).
/// </summary>
public sealed class FormXmlTests
{
    private const string Options = """, "options": [{ "key": "a", "label": { "sv": "A", "en": "A" } }, { "key": "b", "label": { "sv": "B", "en": "B" } }] """;

    private static readonly SubmissionFacts Facts = new("TYR-2026-000042", "test-form", "1.2.0", "sv",
        new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc), "received", "submitted", "Anna Andersson", "19850417-2381", "anna@example.se");

    private static FormDefinition EveryType() => Form(
        Question("t", "text", """, "maxLength": 20 """),
        Question("ta", "textarea"),
        Question("n", "number", """, "min": -1.50, "max": 10, "decimals": 1 """),
        Question("d", "date", """, "min": "2020-01-01", "max": "2030-12-31" """),
        Question("e", "email"), Question("p", "phone"), Question("pnr", "personnummer"), Question("org", "organisationsnummer"),
        Question("r", "radio", Options), Question("c", "checkbox", Options), Question("dd", "dropdown", Options),
        Question("yn", "yesNo"),
        Question("f", "file", """, "accept": [".pdf", "image/*"], "maxFiles": 3 """),
        Question("a", "address"), Question("cd", "contactDetails"),
        """{ "key": "i", "type": "info", "text": { "sv": "Info", "en": "Info" } }""",
        """{ "key": "g", "type": "repeatingGroup", "label": { "sv": "Barn", "en": "Children" }, "maxItems": 5, "elements": [ """ + Question("g-name", "text") + "] }",
        """{ "key": "sig", "type": "signature", "label": { "sv": "Underskrift", "en": "Signature" }, "signers": [{ "key": "guardian-2", "label": { "sv": "Vårdnadshavare 2", "en": "Guardian 2" } }] }""");

    private static Dictionary<string, AnswerValue> EveryAnswer() => new(StringComparer.Ordinal)
    {
        ["t"] = new TextAnswer("Elsa & <Ebba>"),
        ["ta"] = new TextAnswer("Rad ett\n\nRad två"),
        ["n"] = new TextAnswer("9,5"),
        ["d"] = new TextAnswer("2026-08-17"),
        ["e"] = new TextAnswer("anna@example.se"),
        ["p"] = new TextAnswer("070-123 45 67"),
        ["pnr"] = new TextAnswer("20150612-1233"),
        ["org"] = new TextAnswer("212000-1355"),
        ["r"] = new TextAnswer("a"),
        ["c"] = new ListAnswer(["a", "b"]),
        ["dd"] = new TextAnswer("b"),
        ["yn"] = new TextAnswer("yes"),
        ["f"] = new FileAnswer([new UploadedFile("f-1", "intyg.pdf", "application/pdf", 1234), new UploadedFile("f-2", "bild.jpg", "image/jpeg", 99)]),
        ["a"] = new PartsAnswer(new Dictionary<string, string> { ["street"] = "Storgatan 1", ["postalCode"] = "135 40", ["city"] = "Tyresö" }),
        ["cd"] = new PartsAnswer(new Dictionary<string, string> { ["name"] = "Anna", ["email"] = "anna@example.se", ["phone"] = "" }),
        ["g"] = new GroupAnswer([new Dictionary<string, AnswerValue> { ["g-name"] = new TextAnswer("Elsa") }, new Dictionary<string, AnswerValue> { ["g-name"] = new TextAnswer("Ebba") }]),
        ["sig"] = new PartsAnswer(new Dictionary<string, string> { ["guardian-2.personnummer"] = "19870903-2190", ["guardian-2.email"] = "erik@example.se" }),
    };

    private static List<string> Validate(XDocument schema, XDocument document)
    {
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(schema.CreateReader(), null)!);
        set.Compile();
        var errors = new List<string>();
        // Warnings too: an element the schema does not declare (another version's namespace) is only a warning.
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(document.ToString()), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    [Fact]
    public void An_answer_to_every_element_type_is_valid_against_the_forms_schema()
    {
        var form = EveryType();
        var schema = FormXml.Schema(form, "test-form", "1.2.0");

        var document = FormXml.Write(form, Facts, EveryAnswer());

        Assert.Empty(Validate(schema, document));
        XNamespace ns = "urn:hub:case:test-form:1.2.0";
        var answers = document.Root!.Element(ns + "answers")!;
        Assert.Equal("9.5", answers.Element(ns + "n")!.Value);
        Assert.Equal("Elsa & <Ebba>", answers.Element(ns + "t")!.Value);
        Assert.Equal(["a", "b"], answers.Element(ns + "c")!.Elements(ns + "option").Select(o => o.Value));
        Assert.Equal("guardian-2", answers.Element(ns + "sig")!.Element(ns + "signer")!.Attribute("role")!.Value);
        Assert.Null(answers.Element(ns + "i"));
        Assert.Null(answers.Element(ns + "cd")!.Element(ns + "phone"));
        var documentation = schema.Descendants().First(e => e.Attribute("name")?.Value == "t").Descendants().Where(e => e.Name.LocalName == "documentation");
        Assert.Equal("Fråga t", documentation.Single(d => d.Attribute(XNamespace.Xml + "lang")?.Value == "sv").Value);
    }

    [Fact]
    public void Unanswered_questions_have_no_element_and_the_xml_stays_valid()
    {
        var form = EveryType();

        var document = FormXml.Write(form, Facts with { SubmitterName = null, SubmitterPersonalIdentityNumber = null, SubmitterEmail = null },
            new Dictionary<string, AnswerValue> { ["t"] = new TextAnswer("bara en") });

        Assert.Empty(Validate(FormXml.Schema(form, "test-form", "1.2.0"), document));
        Assert.Single(document.Root!.Elements().Last().Elements());
    }

    [Fact]
    public void The_schema_refuses_an_unknown_option_a_number_out_of_range_and_another_versions_namespace()
    {
        var form = EveryType();
        var schema = FormXml.Schema(form, "test-form", "1.2.0");
        XNamespace ns = "urn:hub:case:test-form:1.2.0";

        var badOption = FormXml.Write(form, Facts, EveryAnswer());
        badOption.Root!.Element(ns + "answers")!.Element(ns + "r")!.Value = "z";
        var tooLarge = FormXml.Write(form, Facts, EveryAnswer());
        tooLarge.Root!.Element(ns + "answers")!.Element(ns + "n")!.Value = "10.5";
        var otherVersion = FormXml.Write(form, Facts with { Version = "1.3.0" }, EveryAnswer());

        Assert.True(Validate(schema, badOption).Count > 0, "an unknown option");
        Assert.True(Validate(schema, tooLarge).Count > 0, "a number over the maximum");
        Assert.True(Validate(schema, otherVersion).Count > 0, "another version's namespace");
    }

    [Theory]
    [MemberData(nameof(DemoServiceFiles.All), MemberType = typeof(DemoServiceFiles))]
    public void Every_demo_services_schema_compiles(string fileName)
    {
        var key = fileName.Replace(".service.json", "", StringComparison.Ordinal);
        var form = DemoServiceFiles.Form(key);

        var schema = FormXml.Schema(form, key, "1.0.0");
        var empty = FormXml.Write(form, Facts with { ServiceKey = key, Version = "1.0.0" }, new Dictionary<string, AnswerValue>());

        Assert.Empty(Validate(schema, empty));
    }

    [Fact]
    public async Task Xmllint_an_independent_validator_accepts_the_xml_against_the_schema()
    {
        var form = EveryType();
        var directory = Directory.CreateTempSubdirectory("hub-xml-");
        try
        {
            var schemaPath = Path.Combine(directory.FullName, "case.xsd");
            var xmlPath = Path.Combine(directory.FullName, "case.xml");
            FormXml.Schema(form, "test-form", "1.2.0").Save(schemaPath);
            FormXml.Write(form, Facts, EveryAnswer()).Save(xmlPath);

            var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "--noout", "--schema", schemaPath, xmlPath })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "xmllint: " + error);
            Assert.Contains("validates", error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
