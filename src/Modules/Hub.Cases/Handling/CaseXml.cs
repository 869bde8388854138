using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Hub.Cases.Api;
using Hub.Cases.Intake;
using Hub.Forms.Contracts;

namespace Hub.Cases.Handling;

/// <summary>
/// A case as XML valid against its service version's XSD (<see cref="FormXml"/>), the same wherever it leaves the
/// hub: read through the API or pushed to a business system's webhook. After gallring it has no answers.
/// </summary>
internal static class CaseXml
{
    /// <summary>The case's document; <c>xsi:schemaLocation</c> points at its schema on <paramref name="siteUrl"/>.</summary>
    public static XDocument Write(CaseDetails details, string siteUrl) =>
        Write(details, SchemaUri(siteUrl, details.Case.ServiceVersionId));

    /// <summary>The case's document with <c>xsi:schemaLocation</c> pointing at <paramref name="schemaLocation"/>, e.g. the copy in an archive package.</summary>
    public static XDocument Write(CaseDetails details, Uri schemaLocation)
    {
        var c = details.Case;
        var facts = new SubmissionFacts(c.Number, c.ServiceKey, details.Service.Version, c.Language, c.SubmittedUtc, c.StateKey,
            CaseSummary.StatusName(c.Status), c.SubmitterName, c.SubmitterPersonalIdentityNumber, c.ContactEmail);
        var answers = c.PersonalDataRemovedUtc is null ? details.Answers : new Dictionary<string, AnswerValue>();
        return FormXml.Write(details.Service.Form, facts, answers, schemaLocation);
    }

    /// <summary>The XSD every case of this one's service version is valid against.</summary>
    public static XDocument Schema(CaseDetails details) =>
        FormXml.Schema(details.Service.Form, details.Service.Key, details.Service.Version);

    /// <summary>Where the XSD of a service version is served (public: it holds no personal data).</summary>
    public static Uri SchemaUri(string siteUrl, Guid versionId) => new($"{siteUrl}/api/v1/schemas/{versionId}");

    /// <summary>The document as text with its UTF-8 declaration.</summary>
    public static string Text(XDocument document)
    {
        using var writer = new Utf8StringWriter();
        document.Save(writer, SaveOptions.None);
        return writer.ToString();
    }

    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
