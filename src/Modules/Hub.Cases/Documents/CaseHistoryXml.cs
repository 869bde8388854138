using System.Xml;
using System.Xml.Linq;
using Hub.Audit.Contracts;
using Hub.Cases.Api;
using Hub.Cases.Domain;

namespace Hub.Cases.Documents;

/// <summary>
/// What happened to a case, for its archive package: the history the case page shows (every move, signature,
/// assignment…), the messages between officers and the citizen, and the case's audit trail (who read or changed it,
/// and how). Valid against <see cref="Schema"/>, which the package carries beside it. Internal notes are not included.
/// </summary>
internal static class CaseHistoryXml
{
    public const string NamespaceName = "urn:hub:case-history:1";

    private static readonly XNamespace Ns = NamespaceName;
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The case's history; <paramref name="schemaLocation"/> is where <see cref="Schema"/> lies.</summary>
    public static XDocument Write(Case @case, IEnumerable<CaseEvent> events, IEnumerable<CaseMessage> messages, IEnumerable<AuditEvent> audit, string schemaLocation)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var root = new XElement(Ns + "history",
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
            new XAttribute(Xsi + "schemaLocation", $"{NamespaceName} {schemaLocation}"),
            new XAttribute("case", @case.Number),
            new XElement(Ns + "events", events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => new XElement(Ns + "event",
                new XAttribute("at", ArchivePackageWriter.Time(e.AtUtc)),
                new XAttribute("kind", e.Kind),
                new XAttribute("status", CaseSummary.StatusName(e.Status)),
                e.StateKey is null ? null : new XAttribute("state", e.StateKey),
                e.Actor is null ? null : new XAttribute("actor", e.Actor)))),
            new XElement(Ns + "messages", messages.OrderBy(m => m.AtUtc).ThenBy(m => m.Id).Select(m => new XElement(Ns + "message",
                new XAttribute("at", ArchivePackageWriter.Time(m.AtUtc)),
                new XAttribute("kind", m.Kind.ToString()),
                new XAttribute("author", m.Author),
                m.ReadUtc is { } read ? new XAttribute("read", ArchivePackageWriter.Time(read)) : null,
                XmlText(m.Text)))),
            new XElement(Ns + "audit", audit.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => new XElement(Ns + "entry",
                new XAttribute("at", ArchivePackageWriter.Time(a.At.UtcDateTime)),
                new XAttribute("action", a.Action),
                new XAttribute("actor", a.Actor),
                a.Details is null ? null : XmlText(a.Details)))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>
    /// The text without characters XML cannot hold (control characters a message through the API may carry), which
    /// would otherwise stop the whole package from being written.
    /// </summary>
    internal static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }

        return kept.ToString();
    }

    /// <summary>The XSD of <see cref="Write"/>'s document.</summary>
    public static XDocument Schema()
    {
        static XElement Attribute(string name, string type, bool required = true) =>
            new(Xs + "attribute", new XAttribute("name", name), new XAttribute("type", type), new XAttribute("use", required ? "required" : "optional"));
        static XElement List(string name, string item, XElement type) =>
            new(Xs + "element", new XAttribute("name", name),
                new XElement(Xs + "complexType", new XElement(Xs + "sequence",
                    new XElement(Xs + "element", new XAttribute("name", item), new XAttribute("minOccurs", 0), new XAttribute("maxOccurs", "unbounded"), type))));
        static XElement Text(params XElement[] attributes) =>
            new(Xs + "complexType", new XElement(Xs + "simpleContent", new XElement(Xs + "extension", new XAttribute("base", "xs:string"), attributes)));

        var schema = new XElement(Xs + "schema",
            new XAttribute(XNamespace.Xmlns + "xs", Xs.NamespaceName),
            new XAttribute("targetNamespace", NamespaceName),
            new XAttribute("xmlns", NamespaceName),
            new XAttribute("elementFormDefault", "qualified"),
            new XElement(Xs + "element", new XAttribute("name", "history"),
                new XElement(Xs + "annotation", new XElement(Xs + "documentation",
                    "A case's history in the hub: its events, the messages with the citizen and its audit trail. Times are UTC.")),
                new XElement(Xs + "complexType",
                    new XElement(Xs + "sequence",
                        List("events", "event", new XElement(Xs + "complexType",
                            Attribute("at", "xs:dateTime"), Attribute("kind", "xs:string"), Attribute("status", "xs:string"),
                            Attribute("state", "xs:string", required: false), Attribute("actor", "xs:string", required: false))),
                        List("messages", "message", Text(
                            Attribute("at", "xs:dateTime"), Attribute("kind", "xs:string"), Attribute("author", "xs:string"),
                            Attribute("read", "xs:dateTime", required: false))),
                        List("audit", "entry", Text(
                            Attribute("at", "xs:dateTime"), Attribute("action", "xs:string"), Attribute("actor", "xs:string")))),
                    Attribute("case", "xs:string"))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), schema);
    }
}
