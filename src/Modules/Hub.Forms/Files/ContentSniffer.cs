using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Hub.Forms.Contracts;

namespace Hub.Forms.Files;

/// <summary>
/// Magic numbers and a little structure; see <see cref="FileContent.Sniff"/>. Every read is bounds-checked against
/// the head, because the head is whatever an anonymous uploader sent.
/// </summary>
internal static class ContentSniffer
{
    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> TiffLittleEndian => [0x49, 0x49, 0x2A, 0x00];
    private static ReadOnlySpan<byte> TiffBigEndian => [0x4D, 0x4D, 0x00, 0x2A];
    private static ReadOnlySpan<byte> Ole2Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> ElfSignature => [0x7F, 0x45, 0x4C, 0x46];
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The tags a browser takes as HTML at the start of a file (WHATWG MIME Sniffing, "identifying a resource with an
    /// unknown MIME type"), each to be followed by a space, <c>&gt;</c> or <c>/</c>.
    /// </summary>
    private static readonly byte[][] HtmlStarts =
    [
        .. new[]
        {
            "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style",
            "<title", "<b", "<body", "<br", "<p", "<!--",
        }.Select(Encoding.ASCII.GetBytes),
    ];

    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        var full = head.Length >= FileContent.HeadLength;
        if (full)
        {
            head = head[..FileContent.HeadLength];
        }

        return head.IsEmpty ? null : Binary(head) ?? Markup(head) ?? Text(head, full);
    }

    private static string? Binary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return MediaTypes.Pdf;
        }

        if (head.StartsWith(JpegStart))
        {
            return MediaTypes.Jpeg;
        }

        if (head.StartsWith(PngSignature))
        {
            return MediaTypes.Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return MediaTypes.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaTypes.Webp;
        }

        if (head.StartsWith(TiffLittleEndian) || head.StartsWith(TiffBigEndian))
        {
            return MediaTypes.Tiff;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return IsoMediaBrand(head);
        }

        if (head.StartsWith(Ole2Signature))
        {
            return MediaTypes.MsWord;
        }

        if (head.StartsWith(ZipEntries.LocalFileHeader))
        {
            return ZipEntries.Sniff(head);
        }

        if (head.StartsWith("MZ"u8))
        {
            return MediaTypes.WindowsExecutable;
        }

        if (head.StartsWith(ElfSignature))
        {
            return MediaTypes.Elf;
        }

        return head.StartsWith("#!"u8) ? MediaTypes.Script : null;
    }

    /// <summary>
    /// HEIF images are ISO media files whose <c>ftyp</c> box names HEIF brands. The same box starts MP4 and QuickTime
    /// videos, and AVIF images share the generic <c>mif1</c> brand, so the specific brands decide first.
    /// </summary>
    private static string? IsoMediaBrand(ReadOnlySpan<byte> head)
    {
        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(head);
        var end = boxSize is >= 16 && boxSize <= (uint)head.Length ? (int)boxSize : Math.Min(head.Length, 256);
        var generic = false;
        for (var offset = 8; offset + 4 <= end; offset += offset == 8 ? 8 : 4)
        {
            var brand = head.Slice(offset, 4);
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return MediaTypes.Avif;
            }

            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("heim"u8)
                || brand.SequenceEqual("heis"u8) || brand.SequenceEqual("hevc"u8) || brand.SequenceEqual("hevx"u8))
            {
                return MediaTypes.Heic;
            }

            generic |= brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8);
        }

        return generic ? MediaTypes.Heic : null;
    }

    private static string? Markup(ReadOnlySpan<byte> head)
    {
        var text = head.StartsWith(Utf8Bom) ? head[3..] : head;
        text = text.TrimStart(" \t\n\r\f"u8);

        if (StartsWithIgnoreCase(text, "<svg"u8) || StartsWithIgnoreCase(text, "<!doctype svg"u8))
        {
            return MediaTypes.Svg;
        }

        if (StartsWithIgnoreCase(text, "<?xml"u8))
        {
            // An XML prologue can open SVG or XHTML, which browsers run script in; other XML is read as text.
            return ContainsIgnoreCase(text, "<svg"u8) ? MediaTypes.Svg
                : ContainsIgnoreCase(text, "<html"u8) || ContainsIgnoreCase(text, "<script"u8) ? MediaTypes.Html
                : null;
        }

        foreach (var pattern in HtmlStarts)
        {
            if (StartsWithIgnoreCase(text, pattern)
                && (text.Length == pattern.Length || text[pattern.Length] is (byte)' ' or (byte)'>' or (byte)'/' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return MediaTypes.Html;
            }
        }

        return null;
    }

    /// <summary>
    /// UTF-8 without NUL or other control characters (tab, line feed and carriage return apart). A character cut off
    /// by the end of a full head is fine: the file goes on.
    /// </summary>
    private static string? Text(ReadOnlySpan<byte> head, bool full)
    {
        var rest = head.StartsWith(Utf8Bom) ? head[3..] : head;
        var characters = 0;
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
            if (status == OperationStatus.NeedMoreData && full)
            {
                break;
            }

            if (status != OperationStatus.Done || (Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r')))
            {
                return null;
            }

            characters++;
            rest = rest[consumed..];
        }

        return characters > 0 ? MediaTypes.PlainText : null;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
    {
        for (var i = text.IndexOf((byte)'<'); i >= 0 && i + value.Length <= text.Length; i++)
        {
            if (text[i] == '<' && Ascii.EqualsIgnoreCase(text.Slice(i, value.Length), value))
            {
                return true;
            }
        }

        return false;
    }
}
