using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Hub.Cases.Documents;

/// <summary>One file of an archive package: where it goes in the zip, what it is, and how to read it.</summary>
/// <param name="Path">Its path in the package, e.g. <c>content/case.xml</c> (forward slashes).</param>
/// <param name="MimeType">Its media type, as the manifest names it.</param>
/// <param name="CreatedUtc">When the file came to be: an attachment's upload, else when the package was made.</param>
/// <param name="Use">What it is to the archive (<c>case</c>, <c>pdf</c>, <c>history</c>, <c>attachment</c>, <c>schema</c>).</param>
/// <param name="Label">What people call it, e.g. an attachment's own file name (null for the hub's own files).</param>
/// <param name="Open">Opens its content for reading, once.</param>
internal sealed record ArchiveFile(string Path, string MimeType, DateTime CreatedUtc, string Use, string? Label, Func<Stream> Open)
{
    public static ArchiveFile Of(string path, string mimeType, DateTime createdUtc, string use, byte[] content) =>
        new(path, mimeType, createdUtc, use, null, () => new MemoryStream(content, writable: false));
}

/// <summary>Who and what the package is about, for the manifest's header.</summary>
/// <param name="PackageId">The package's id (the manifest's <c>OBJID</c>, the record's id).</param>
/// <param name="Label">The package's name for people, e.g. "Ärende TYR-2026-000123 – Ansökan om specialkost".</param>
/// <param name="CaseNumber">The case number (<c>altRecordID</c>).</param>
/// <param name="Organisation">The municipality that made the records (archivist and creator).</param>
/// <param name="TakenBy">Who took the package, as the audit trail names them.</param>
/// <param name="CreatedUtc">When.</param>
internal sealed record ArchiveHeader(Guid PackageId, string Label, string CaseNumber, string Organisation, string TakenBy, DateTime CreatedUtc);

/// <summary>What the manifest says of one file: enough for the test and the archive to check it.</summary>
internal sealed record ArchiveEntry(string Id, ArchiveFile File, long Size, string Sha256);

/// <summary>
/// Writes an archive package as one zip, after Riksarkivet's FGS Paketstruktur 1.2 (a METS document describing every
/// file of the package; docs/integrations.md, "Archive packages", says what is simplified): the files in the order
/// given, each with a fixed time so the same content gives the same bytes, and last <c>mets.xml</c> at the root, which
/// lists every file before it with MIMETYPE, SIZE, CREATED and its SHA-256 (it cannot list its own checksum: the
/// record of the package keeps the zip's).
/// </summary>
internal static class ArchivePackageWriter
{
    public const string ContentType = "application/zip";

    public const string ManifestPath = "mets.xml";

    /// <summary>The METS profile of FGS Paketstruktur 1.2 the manifest follows.</summary>
    public const string Profile = "http://xml.ra.se/METS/CommonSpecificationSwedenPackageProfile.xml";

    internal static readonly XNamespace Mets = "http://www.loc.gov/METS/";
    internal static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>Writes the zip to <paramref name="target"/> (left open) and returns what the manifest lists.</summary>
    public static async Task<IReadOnlyList<ArchiveEntry>> WriteAsync(Stream target, ArchiveHeader header, IReadOnlyList<ArchiveFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(files);
        var entries = new List<ArchiveEntry>(files.Count);
        using (var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                entry.LastWriteTime = ZipTime(file.CreatedUtc);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                long size = 0;
                await using (var source = file.Open())
                await using (var destination = entry.Open())
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        size += read;
                    }
                }

                entries.Add(new ArchiveEntry($"ID{entries.Count + 1}", file, size, Convert.ToHexStringLower(hash.GetHashAndReset())));
            }

            var manifest = zip.CreateEntry(ManifestPath, CompressionLevel.Optimal);
            manifest.LastWriteTime = ZipTime(header.CreatedUtc);
            await using var stream = manifest.Open();
            await using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true });
            await Manifest(header, entries).SaveAsync(writer, cancellationToken);
        }

        return entries;
    }

    /// <summary>The METS document: header with the organisation and software, one file group, and a structure map.</summary>
    internal static XDocument Manifest(ArchiveHeader header, IReadOnlyList<ArchiveEntry> entries)
    {
        var created = Time(header.CreatedUtc);
        var root = new XElement(Mets + "mets",
            new XAttribute(XNamespace.Xmlns + "mets", Mets.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xlink", XLink.NamespaceName),
            new XAttribute("OBJID", "UUID:" + header.PackageId),
            new XAttribute("TYPE", "ERMS"),
            new XAttribute("LABEL", header.Label),
            new XAttribute("PROFILE", Profile),
            new XElement(Mets + "metsHdr",
                new XAttribute("CREATEDATE", created),
                new XAttribute("RECORDSTATUS", "NEW"),
                Agent("ARCHIVIST", "ORGANIZATION", header.Organisation),
                Agent("CREATOR", "ORGANIZATION", header.Organisation),
                Agent("OTHER", "INDIVIDUAL", header.TakenBy, otherRole: "SUBMITTER"),
                Agent("CREATOR", "OTHER", "Hub", otherType: "SOFTWARE"),
                new XElement(Mets + "altRecordID", new XAttribute("TYPE", "CASENUMBER"), header.CaseNumber)),
            new XElement(Mets + "fileSec",
                new XElement(Mets + "fileGrp", new XAttribute("ID", "FILES"), new XAttribute("USE", "FILES"),
                    entries.Select(e => new XElement(Mets + "file",
                        new XAttribute("ID", e.Id),
                        new XAttribute("USE", e.File.Use),
                        new XAttribute("MIMETYPE", e.File.MimeType),
                        new XAttribute("SIZE", e.Size.ToString(CultureInfo.InvariantCulture)),
                        new XAttribute("CREATED", Time(e.File.CreatedUtc)),
                        new XAttribute("CHECKSUM", e.Sha256),
                        new XAttribute("CHECKSUMTYPE", "SHA-256"),
                        new XElement(Mets + "FLocat",
                            new XAttribute("LOCTYPE", "URL"),
                            new XAttribute(XLink + "type", "simple"),
                            new XAttribute(XLink + "href", "file:///" + e.File.Path),
                            e.File.Label is { } label ? new XAttribute(XLink + "title", label) : null))))),
            new XElement(Mets + "structMap", new XAttribute("TYPE", "physical"), new XAttribute("LABEL", header.Label),
                new XElement(Mets + "div", new XAttribute("LABEL", "package"),
                    entries.GroupBy(e => e.File.Path.Split('/')[0]).Select(folder => new XElement(Mets + "div",
                        new XAttribute("LABEL", folder.Key),
                        folder.Select(e => new XElement(Mets + "fptr", new XAttribute("FILEID", e.Id))))))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>A name safe in any unpacker: letters, digits, dot, dash and underscore, at most 100 characters.</summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = new string([.. name.Normalize(NormalizationForm.FormC).Select(ch => char.IsLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_')]).Trim('.');
        return safe.Length == 0 ? "fil" : safe.Length <= 100 ? safe : safe[^100..];
    }

    private static XElement Agent(string role, string type, string name, string? otherRole = null, string? otherType = null) =>
        new(Mets + "agent",
            new XAttribute("ROLE", role),
            otherRole is null ? null : new XAttribute("OTHERROLE", otherRole),
            new XAttribute("TYPE", type),
            otherType is null ? null : new XAttribute("OTHERTYPE", otherType),
            new XElement(Mets + "name", name));

    internal static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A zip entry's time: the file's own, in UTC whole seconds (zip keeps no zone; 1980 is its first year).</summary>
    private static DateTimeOffset ZipTime(DateTime utc)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
        return at.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : at;
    }
}
