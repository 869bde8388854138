using Hub.Forms.Files;

namespace Hub.Forms.Contracts;

/// <summary>
/// Finds out what an uploaded file really is from its first bytes, and whether a file element may take it. The
/// name and the media type a browser sends are the uploader's claims; only the content is evidence. Uploads are
/// stored with the sniffed type (<see cref="UploadedFile.ContentType"/>), so what a case officer opens is what was
/// checked.
/// </summary>
public static class FileContent
{
    /// <summary>
    /// How many bytes from the start of a file <see cref="Sniff"/> and <see cref="Check"/> read: pass the first
    /// <c>HeadLength</c> bytes, or the whole file when it is shorter. Bytes beyond are ignored, so the cost is bounded
    /// whatever is passed. A multi-byte UTF-8 character cut at the end of a full head still counts as text.
    /// </summary>
    public const int HeadLength = 4096;

    /// <summary>
    /// The media type the bytes are, from magic numbers and structure: <c>application/pdf</c>; <c>image/jpeg</c>,
    /// <c>image/png</c>, <c>image/gif</c>, <c>image/webp</c>, <c>image/heic</c>, <c>image/avif</c>, <c>image/tiff</c>;
    /// Word and Excel (<c>.docx</c>, <c>.xlsx</c>) and OpenDocument text and spreadsheet files, recognised by the ZIP
    /// entries seen in the head; <c>application/msword</c> for any OLE2 compound file; <c>text/plain</c> for UTF-8
    /// text without NUL or control characters other than tab, line feed and carriage return. Kinds that run code or
    /// script are named too, so that they can be refused whatever the file is called: <c>application/x-msdownload</c>,
    /// <c>application/x-elf</c>, <c>application/x-sh</c>, <c>text/html</c> and <c>image/svg+xml</c>.
    /// </summary>
    /// <param name="head">The file's first <see cref="HeadLength"/> bytes (or all of a shorter file).</param>
    /// <returns>The media type, or null when the content is none of these (including an empty head).</returns>
    public static string? Sniff(ReadOnlySpan<byte> head) => ContentSniffer.Sniff(head);

    /// <summary>
    /// Decides whether a file element may take an upload. In this order: content (or a name) of a kind that runs
    /// code is <see cref="FileRefusal.Dangerous"/>; content of no known kind is <see cref="FileRefusal.Unrecognised"/>;
    /// a name whose extension does not belong to the sniffed type is <see cref="FileRefusal.ExtensionMismatch"/>
    /// (a PNG called <c>.pdf</c> would open in the wrong program or not at all); a type the element's
    /// <c>accept</c> list does not allow is <see cref="FileRefusal.NotAccepted"/>. Never throws on any bytes.
    /// </summary>
    /// <param name="fileName">The name the person's device gave the file.</param>
    /// <param name="head">The file's first <see cref="HeadLength"/> bytes (or all of a shorter file).</param>
    /// <param name="accept">The file element's <c>accept</c> list (extensions and media types).</param>
    public static FileCheck Check(string fileName, ReadOnlySpan<byte> head, IReadOnlyList<string> accept)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(accept);
        return FileChecker.Check(fileName, head, accept);
    }
}

/// <summary>The outcome of <see cref="FileContent.Check"/>: accepted with the sniffed media type, or refused and why.</summary>
public sealed record FileCheck
{
    private FileCheck(string? mediaType, FileRefusal? refusal)
    {
        MediaType = mediaType;
        Refusal = refusal;
    }

    /// <summary>What the content is (null when it was not recognised); store the file with this type.</summary>
    public string? MediaType { get; }

    /// <summary>Why the file was refused; null when it was accepted.</summary>
    public FileRefusal? Refusal { get; }

    /// <summary>True when the file may be kept.</summary>
    public bool IsAccepted => Refusal is null;

    /// <summary>The file is what its name says and the element accepts it.</summary>
    public static FileCheck Accepted(string mediaType)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        return new FileCheck(mediaType, null);
    }

    /// <summary>The file may not be kept.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="mediaType">What the content was found to be, when it was recognised.</param>
    public static FileCheck Refused(FileRefusal reason, string? mediaType = null) => new(mediaType, reason);

    /// <inheritdoc />
    public override string ToString() => Refusal is { } reason ? $"Refused: {reason} ({MediaType ?? "unknown"})" : $"Accepted: {MediaType}";
}

/// <summary>Why an upload was refused; the UI words it in the person's language.</summary>
public enum FileRefusal
{
    /// <summary>The content is no type the hub knows to be safe to keep.</summary>
    Unrecognised,

    /// <summary>The content (or the name) is a program, a script or web markup, whatever the name says.</summary>
    Dangerous,

    /// <summary>The content is a known type, but the file name's extension belongs to another.</summary>
    ExtensionMismatch,

    /// <summary>The content is a known type the name agrees with, but the question does not accept it.</summary>
    NotAccepted,
}
