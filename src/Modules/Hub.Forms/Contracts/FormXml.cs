using System.Globalization;
using System.Xml.Linq;
using Hub.Forms.Answers;

namespace Hub.Forms.Contracts;

/// <summary>Facts about a submission that its XML carries besides the answers.</summary>
/// <param name="Number">The case number.</param>
/// <param name="ServiceKey">The e-service's key.</param>
/// <param name="Version">The service version the form was filled in against.</param>
/// <param name="Language">The language the form was filled in.</param>
/// <param name="SubmittedUtc">When it was submitted.</param>
/// <param name="State">Its workflow state now.</param>
/// <param name="Status">Its status now (submitted, in-progress, …).</param>
/// <param name="SubmitterName">The submitter's name, if known.</param>
/// <param name="SubmitterPersonalIdentityNumber">The submitter's personal identity number, if logged in.</param>
/// <param name="SubmitterEmail">Where the receipt went, if anywhere.</param>
public sealed record SubmissionFacts(
    string Number, string ServiceKey, string Version, string Language, DateTime SubmittedUtc, string State, string Status,
    string? SubmitterName, string? SubmitterPersonalIdentityNumber, string? SubmitterEmail);

/// <summary>
/// A submission as XML for business systems and archives, and the XSD of one form version that every such XML of that
/// version is valid against (docs/api.md, "XML"). Element names are the form's keys (always valid XML names), in the
/// form's document order; a question that was not shown or not answered has no element. The schema's namespace names
/// the service and version (<c>urn:hub:case:{service}:{version}</c>), so a system can tell versions apart; each element
/// carries its label in every language of the form as documentation.
/// </summary>
public static class FormXml
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private static readonly XNamespace XmlNs = XNamespace.Xml;

    /// <summary>The target namespace of a service version's XML.</summary>
    public static string Namespace(string serviceKey, string version) => $"urn:hub:case:{serviceKey}:{version}";

    /// <summary>The XSD for submissions of <paramref name="form"/> at <paramref name="version"/> of <paramref name="serviceKey"/>.</summary>
    public static XDocument Schema(FormDefinition form, string serviceKey, string version)
    {
        ArgumentNullException.ThrowIfNull(form);
        var target = Namespace(serviceKey, version);
        var submitter = Complex(Sequence(
            Element("name", "xs:string", optional: true),
            Element("personalIdentityNumber", "xs:string", optional: true),
            Element("email", "xs:string", optional: true)));
        var answers = Complex(Sequence([.. form.Pages.SelectMany(p => p.Elements).SelectMany(e => Declare(form, e))]));
        var root = new XElement(Xs + "element", new XAttribute("name", "case"),
            Documentation(form.Languages.ToDictionary(l => l, l => $"{serviceKey} {version}")),
            Complex(
                Sequence(
                    new XElement(Xs + "element", new XAttribute("name", "submitter"), new XAttribute("minOccurs", 0), submitter),
                    new XElement(Xs + "element", new XAttribute("name", "answers"), answers)),
                Attribute("number", "xs:string"),
                Attribute("service", "xs:string", serviceKey),
                Attribute("version", "xs:string", version),
                Attribute("language", "xs:language"),
                Attribute("submitted", "xs:dateTime"),
                Attribute("state", "xs:string"),
                Attribute("status", "xs:string")));
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Xs + "schema",
                new XAttribute(XNamespace.Xmlns + "xs", Xs.NamespaceName),
                new XAttribute("targetNamespace", target),
                new XAttribute("xmlns", target),
                new XAttribute("elementFormDefault", "qualified"),
                new XAttribute("version", version),
                root));
    }

    /// <summary>The submission as XML valid against <see cref="Schema"/> of its form version.</summary>
    public static XDocument Write(FormDefinition form, SubmissionFacts facts, IReadOnlyDictionary<string, AnswerValue> answers, Uri? schemaLocation = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(answers);
        XNamespace ns = Namespace(facts.ServiceKey, facts.Version);
        var root = new XElement(ns + "case",
            new XAttribute("number", facts.Number),
            new XAttribute("service", facts.ServiceKey),
            new XAttribute("version", facts.Version),
            new XAttribute("language", facts.Language),
            new XAttribute("submitted", XmlDateTime(facts.SubmittedUtc)),
            new XAttribute("state", facts.State),
            new XAttribute("status", facts.Status));
        if (schemaLocation is not null)
        {
            XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
            root.Add(new XAttribute(XNamespace.Xmlns + "xsi", xsi.NamespaceName), new XAttribute(xsi + "schemaLocation", $"{ns.NamespaceName} {schemaLocation}"));
        }

        if (facts.SubmitterName is not null || facts.SubmitterPersonalIdentityNumber is not null || facts.SubmitterEmail is not null)
        {
            root.Add(new XElement(ns + "submitter",
                Optional(ns + "name", facts.SubmitterName),
                Optional(ns + "personalIdentityNumber", facts.SubmitterPersonalIdentityNumber),
                Optional(ns + "email", facts.SubmitterEmail)));
        }

        root.Add(new XElement(ns + "answers", form.Pages.SelectMany(p => p.Elements).Select(e => Value(ns, e, answers))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static IEnumerable<XElement> Declare(FormDefinition form, FormElement element)
    {
        if (element.Type is FormElementType.Info or FormElementType.Stop)
        {
            yield break;
        }

        var declaration = new XElement(Xs + "element", new XAttribute("name", element.Key), new XAttribute("minOccurs", 0));
        if (element.Label is { } label)
        {
            declaration.Add(Documentation(label));
        }

        declaration.Add(element.Type switch
        {
            FormElementType.Text or FormElementType.Textarea => Simple("xs:string",
                element.MinLength is { } min ? Facet("minLength", min) : null,
                Facet("maxLength", element.MaxLength ?? (element.Type == FormElementType.Text ? 1_000 : 10_000))),
            FormElementType.Number => Simple("xs:decimal",
                element.Min is { } min ? Facet("minInclusive", min) : null,
                element.Max is { } max ? Facet("maxInclusive", max) : null,
                element.Decimals is { } decimals ? Facet("fractionDigits", decimals) : null),
            FormElementType.Date => Simple("xs:date",
                element.MinDate is { } min ? Facet("minInclusive", ValueFormats.FormatDate(min)) : null,
                element.MaxDate is { } max ? Facet("maxInclusive", ValueFormats.FormatDate(max)) : null),
            FormElementType.Email => Simple("xs:string", Facet("maxLength", 320)),
            FormElementType.Phone or FormElementType.PersonalIdentityNumber or FormElementType.OrganisationNumber => Simple("xs:string", Facet("maxLength", 40)),
            FormElementType.Radio or FormElementType.Dropdown => Choices(element.Options ?? []),
            FormElementType.YesNo => Simple("xs:string", Facet("enumeration", "yes"), Facet("enumeration", "no")),
            FormElementType.Checkbox => Complex(Sequence(new XElement(Xs + "element", new XAttribute("name", "option"),
                new XAttribute("minOccurs", 0), new XAttribute("maxOccurs", "unbounded"), Choices(element.Options ?? [])))),
            FormElementType.File => Complex(Sequence(new XElement(Xs + "element", new XAttribute("name", "file"),
                new XAttribute("minOccurs", 0), new XAttribute("maxOccurs", element.MaxFiles ?? 1),
                Complex(null, Attribute("id", "xs:string"), Attribute("name", "xs:string"), Attribute("contentType", "xs:string"), Attribute("size", "xs:long"))))),
            FormElementType.Address => Complex(Sequence(Element("street", "xs:string", true), Element("postalCode", "xs:string", true), Element("city", "xs:string", true))),
            FormElementType.ContactDetails => Complex(Sequence(Element("name", "xs:string", true), Element("email", "xs:string", true), Element("phone", "xs:string", true))),
            FormElementType.Signature => Complex(Sequence(new XElement(Xs + "element", new XAttribute("name", "signer"),
                new XAttribute("minOccurs", 0), new XAttribute("maxOccurs", "unbounded"),
                Complex(Sequence(Element("personnummer", "xs:string", true), Element("email", "xs:string", true)),
                    new XElement(Xs + "attribute", new XAttribute("name", "role"), new XAttribute("use", "required"),
                        Simple("xs:string", [.. (element.Signers ?? []).Select(s => Facet("enumeration", s.Key))])))))),
            FormElementType.RepeatingGroup => Complex(Sequence(new XElement(Xs + "element", new XAttribute("name", "item"),
                new XAttribute("minOccurs", 0), new XAttribute("maxOccurs", element.MaxItems ?? 10),
                Complex(Sequence([.. (element.Elements ?? []).SelectMany(child => Declare(form, child))]))))),
            _ => Simple("xs:string"),
        });
        yield return declaration;
    }

    private static XElement? Value(XNamespace ns, FormElement element, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        if (!answers.TryGetValue(element.Key, out var answer))
        {
            return null;
        }

        var name = ns + element.Key;
        return (element.Type, answer) switch
        {
            (FormElementType.Info or FormElementType.Stop, _) => null,
            (FormElementType.Number, TextAnswer text) => new XElement(name,
                ValueFormats.TryParseNumber(text.Value, out var number) ? ValueFormats.FormatNumber(number) : text.Value),
            (_, TextAnswer text) => new XElement(name, text.Value),
            (FormElementType.Checkbox, ListAnswer list) => new XElement(name, list.Values.Select(v => new XElement(ns + "option", v))),
            (FormElementType.File, FileAnswer files) => new XElement(name, files.Files.Select(f => new XElement(ns + "file",
                new XAttribute("id", f.Id), new XAttribute("name", f.FileName), new XAttribute("contentType", f.ContentType),
                new XAttribute("size", f.Length.ToString(CultureInfo.InvariantCulture))))),
            (FormElementType.Address, PartsAnswer parts) => new XElement(name, Parts(ns, parts, "street", "postalCode", "city")),
            (FormElementType.ContactDetails, PartsAnswer parts) => new XElement(name, Parts(ns, parts, "name", "email", "phone")),
            (FormElementType.Signature, PartsAnswer parts) => new XElement(name, (element.Signers ?? [])
                .Where(s => parts.Parts.ContainsKey(s.Key + ".personnummer") || parts.Parts.ContainsKey(s.Key + ".email"))
                .Select(s => new XElement(ns + "signer", new XAttribute("role", s.Key),
                    Optional(ns + "personnummer", parts.Parts.GetValueOrDefault(s.Key + ".personnummer")),
                    Optional(ns + "email", parts.Parts.GetValueOrDefault(s.Key + ".email"))))),
            (FormElementType.RepeatingGroup, GroupAnswer group) => new XElement(name, group.Items.Select(item =>
                new XElement(ns + "item", (element.Elements ?? []).Select(child => Value(ns, child, item))))),
            // An answer whose shape does not fit its element (never written by the hub) is left out rather than
            // written in a form the schema refuses.
            _ => null,
        };
    }

    private static IEnumerable<XElement> Parts(XNamespace ns, PartsAnswer parts, params string[] names) =>
        names.Select(n => Optional(ns + n, parts.Parts.GetValueOrDefault(n))).OfType<XElement>();

    private static XElement? Optional(XName name, string? value) => string.IsNullOrEmpty(value) ? null : new XElement(name, value);

    private static string XmlDateTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static XElement Documentation(IEnumerable<KeyValuePair<string, string>> texts) =>
        new(Xs + "annotation", texts.Select(t => new XElement(Xs + "documentation", new XAttribute(XmlNs + "lang", t.Key), t.Value)));

    private static XElement Element(string name, string type, bool optional) => new(Xs + "element",
        new XAttribute("name", name), new XAttribute("type", type), optional ? new XAttribute("minOccurs", 0) : null);

    private static XElement Attribute(string name, string type, string? value = null) => new(Xs + "attribute",
        new XAttribute("name", name), new XAttribute("type", type), new XAttribute("use", "required"),
        value is null ? null : new XAttribute("fixed", value));

    private static XElement Sequence(params XElement[] elements) => new(Xs + "sequence", elements);

    private static XElement Complex(XElement? content, params XElement[] attributes) => new(Xs + "complexType", content, attributes);

    private static XElement Simple(string baseType, params XElement?[] facets) =>
        new(Xs + "simpleType", new XElement(Xs + "restriction", new XAttribute("base", baseType), facets));

    private static XElement Choices(IEnumerable<ChoiceOption> options) =>
        Simple("xs:string", [.. options.Select(o => new XElement(Xs + "enumeration", new XAttribute("value", o.Key), Documentation(o.Label)))]);

    private static XElement Facet(string name, object value) => new(Xs + name,
        new XAttribute("value", Convert.ToString(value, CultureInfo.InvariantCulture)!));
}
