using System.Buffers.Binary;

namespace Hub.Forms.Files;

/// <summary>
/// Office Open XML and OpenDocument files are ZIP archives; what they are shows in their entry names and, for
/// OpenDocument, in a first stored entry named <c>mimetype</c>. Only the local file headers inside the head are read
/// (the central directory is at the end of the file, out of reach). Headers are found by their signature rather than
/// by walking sizes, because writers that stream set the sizes to 0 and put them after the data.
/// </summary>
internal static class ZipEntries
{
    private const int HeaderLength = 30;

    public static ReadOnlySpan<byte> LocalFileHeader => [0x50, 0x4B, 0x03, 0x04];

    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (OpenDocumentType(head) is { } openDocument)
        {
            return openDocument;
        }

        bool packageParts = false, word = false, spreadsheet = false;
        for (var at = 0; at >= 0 && at + HeaderLength <= head.Length;)
        {
            if (TryName(head, at, out var name))
            {
                packageParts |= name.SequenceEqual("[Content_Types].xml"u8) || name.SequenceEqual("_rels/.rels"u8);
                word |= name.StartsWith("word/"u8);
                spreadsheet |= name.StartsWith("xl/"u8);
            }

            var next = head[(at + 4)..].IndexOf(LocalFileHeader);
            at = next < 0 ? -1 : at + 4 + next;
        }

        return !packageParts || word == spreadsheet ? null
            : word ? MediaTypes.Docx
            : MediaTypes.Xlsx;
    }

    /// <summary>The OpenDocument type named by a first entry <c>mimetype</c>, stored uncompressed as the standard requires.</summary>
    private static string? OpenDocumentType(ReadOnlySpan<byte> head)
    {
        if (!TryName(head, 0, out var name) || !name.SequenceEqual("mimetype"u8) || BinaryPrimitives.ReadUInt16LittleEndian(head[8..]) != 0)
        {
            return null;
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(head[18..]);
        var start = HeaderLength + name.Length + BinaryPrimitives.ReadUInt16LittleEndian(head[28..]);
        if (size is 0 or > 100 || start + (int)size > head.Length)
        {
            return null;
        }

        var content = head.Slice(start, (int)size);
        return content.SequenceEqual("application/vnd.oasis.opendocument.text"u8) ? MediaTypes.Odt
            : content.SequenceEqual("application/vnd.oasis.opendocument.spreadsheet"u8) ? MediaTypes.Ods
            : null;
    }

    /// <summary>The name in the local file header at <paramref name="at"/>; false when there is none that fits in the head.</summary>
    private static bool TryName(ReadOnlySpan<byte> head, int at, out ReadOnlySpan<byte> name)
    {
        name = default;
        if (at + HeaderLength > head.Length || !head[at..].StartsWith(LocalFileHeader))
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(head[(at + 26)..]);
        if (length == 0 || at + HeaderLength + length > head.Length)
        {
            return false;
        }

        name = head.Slice(at + HeaderLength, length);
        return true;
    }
}
