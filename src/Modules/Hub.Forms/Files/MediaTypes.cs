using System.Collections.Frozen;

namespace Hub.Forms.Files;

/// <summary>The media types <see cref="ContentSniffer"/> names, which extensions belong to each, and which run code.</summary>
internal static class MediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string Webp = "image/webp";
    public const string Heic = "image/heic";
    public const string Avif = "image/avif";
    public const string Tiff = "image/tiff";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Odt = "application/vnd.oasis.opendocument.text";
    public const string Ods = "application/vnd.oasis.opendocument.spreadsheet";
    public const string MsWord = "application/msword";
    public const string PlainText = "text/plain";

    public const string WindowsExecutable = "application/x-msdownload";
    public const string Elf = "application/x-elf";
    public const string Script = "application/x-sh";
    public const string Html = "text/html";
    public const string Svg = "image/svg+xml";

    /// <summary>
    /// Extensions a file of each safe type may have. Only these: a name that says another program should open the
    /// file is refused rather than trusted, and the case officer's computer decides by the name.
    /// </summary>
    public static readonly FrozenDictionary<string, FrozenSet<string>> Extensions = new Dictionary<string, string[]>
    {
        [Pdf] = [".pdf"],
        [Jpeg] = [".jpg", ".jpeg", ".jpe", ".jfif"],
        [Png] = [".png"],
        [Gif] = [".gif"],
        [Webp] = [".webp"],
        [Heic] = [".heic", ".heif"],
        [Avif] = [".avif"],
        [Tiff] = [".tif", ".tiff"],
        [Docx] = [".docx"],
        [Xlsx] = [".xlsx"],
        [Odt] = [".odt"],
        [Ods] = [".ods"],
        // Any OLE2 compound file sniffs as Word; only a .doc name is let through, so an .xls, .ppt or .msi stays out.
        [MsWord] = [".doc"],
        [PlainText] = [".txt", ".csv"],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly FrozenSet<string> Dangerous =
        FrozenSet.Create(StringComparer.Ordinal, WindowsExecutable, Elf, Script, Html, Svg);

    public static bool IsDangerous(string mediaType) => Dangerous.Contains(mediaType);
}
