using System.Collections.Frozen;

namespace Hub.Forms.Answers;

/// <summary>The <c>accept</c> list of a file element: file name extensions and media types, as in HTML.</summary>
internal static class FileTypes
{
    /// <summary>
    /// Types a form may never ask for: they run as code on a case officer's computer or, served back from the hub,
    /// in a browser (HTML and SVG can carry script). A form that needs them is better served another way.
    /// </summary>
    private static readonly FrozenSet<string> Refused = new[]
    {
        ".exe", ".dll", ".com", ".bat", ".cmd", ".msi", ".scr", ".ps1", ".vbs", ".js", ".jar", ".sh", ".app",
        ".html", ".htm", ".xhtml", ".svg", ".hta",
        "text/html", "application/xhtml+xml", "image/svg+xml", "application/javascript", "text/javascript",
        "application/x-msdownload", "application/x-msdos-program", "application/x-sh", "application/java-archive",
        "*/*", "application/*", "text/*",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a file name extension (<c>.exe</c>) or media type names a type that can run code.</summary>
    public static bool RunsCode(string extensionOrMediaType) => Refused.Contains(extensionOrMediaType);

    /// <summary>Null when the entry is usable, otherwise why not.</summary>
    public static string? Problem(string entry)
    {
        if (entry.Length is 0 or > 100)
        {
            return "must be a file name extension such as '.pdf' or a media type such as 'image/jpeg'";
        }

        if (Refused.Contains(entry))
        {
            return "is a file type that can run code and cannot be accepted";
        }

        if (entry[0] == '.')
        {
            return entry.Length is >= 2 and <= 11 && entry.Skip(1).All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
                ? null
                : "must be a lower-case file name extension such as '.pdf'";
        }

        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        if (slash < 1 || slash == entry.Length - 1)
        {
            return "must be a file name extension such as '.pdf' or a media type such as 'image/jpeg'";
        }

        var type = entry[..slash];
        var subtype = entry[(slash + 1)..];
        var valid = type.All(char.IsAsciiLetterLower)
            && (subtype == "*" || subtype.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '+' or '-'));
        return valid ? null : "must be a lower-case media type such as 'image/jpeg' or 'image/*'";
    }

    /// <summary>
    /// Whether an uploaded file matches: its extension or its (sniffed) media type is listed, and neither is a type
    /// that can run code, whatever the list says.
    /// </summary>
    public static bool Matches(IReadOnlyList<string> accept, string fileName, string contentType)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (Refused.Contains(extension) || Refused.Contains(media))
        {
            return false;
        }

        foreach (var entry in accept)
        {
            if (entry.StartsWith('.'))
            {
                if (extension == entry)
                {
                    return true;
                }
            }
            else if (entry.EndsWith("/*", StringComparison.Ordinal)
                ? media.StartsWith(entry[..^1], StringComparison.Ordinal)
                : media == entry)
            {
                return true;
            }
        }

        return false;
    }
}
