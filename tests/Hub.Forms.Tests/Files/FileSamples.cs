using System.IO.Compression;
using System.Text;

namespace Hub.Forms.Tests.Files;

/// <summary>Small but real files of each kind, built in code so the tests carry no binary fixtures.</summary>
internal static class FileSamples
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string OdtType = "application/vnd.oasis.opendocument.text";
    public const string OdsType = "application/vnd.oasis.opendocument.spreadsheet";

    public static byte[] Pdf { get; } = Latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>SOI, a JFIF APP0 segment and EOI.</summary>
    public static byte[] Jpeg { get; } =
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
        0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9,
    ];

    /// <summary>Signature and the IHDR chunk of a 1×1 RGB image.</summary>
    public static byte[] Png { get; } =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE,
    ];

    public static byte[] Gif { get; } = [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x3B];

    public static byte[] Webp { get; } = [.. "RIFF"u8, 0x1A, 0x00, 0x00, 0x00, .. "WEBPVP8L"u8, 0x0D, 0x00, 0x00, 0x00, 0x2F, 0x00, 0x00, 0x00, 0x10];

    public static byte[] TiffIntel { get; } = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00];

    public static byte[] TiffMotorola { get; } = [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00];

    /// <summary>An ISO media file type box with these brands (major first), as HEIF, AVIF and MP4 files start.</summary>
    public static byte[] Ftyp(string major, params string[] compatible)
    {
        var size = 16 + (4 * compatible.Length);
        return [0, 0, 0, (byte)size, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(major), 0, 0, 0, 0, .. compatible.SelectMany(Encoding.ASCII.GetBytes), 0, 0, 0, 0x08, .. "mdat"u8];
    }

    public static byte[] Heic { get; } = Ftyp("heic", "mif1", "heic");

    /// <summary>The header sector of an OLE2 compound file (what .doc files are).</summary>
    public static byte[] Doc { get; } =
    [
        0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[16], 0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00, .. new byte[480],
    ];

    public static byte[] Docx { get; } = Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""", false),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""", false),
        ("word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Budget 2026</w:t></w:r></w:p></w:body></w:document>""", false));

    public static byte[] Xlsx { get; } = Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""", false),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>""", false),
        ("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>""", false));

    public static byte[] Odt { get; } = Zip(
        ("mimetype", OdtType, true),
        ("content.xml", """<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>""", false),
        ("META-INF/manifest.xml", """<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>""", false));

    public static byte[] Ods { get; } = Zip(("mimetype", OdsType, true), ("content.xml", "<x/>", false));

    /// <summary>A ZIP of other things: not an office document.</summary>
    public static byte[] PlainZip { get; } = Zip(("bilder/IMG_0001.jpg", "not really", false), ("readme.txt", "hej", false));

    public static byte[] Text { get; } = Encoding.UTF8.GetBytes("Hej!\r\nHär är mina kvitton för mars.\tTack.\n");

    public static byte[] Csv { get; } = [.. (ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF], .. Encoding.UTF8.GetBytes("namn;belopp\nÅsa Öberg;1200\n")];

    public static byte[] Exe { get; } = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[50], .. "This program cannot be run in DOS mode."u8];

    public static byte[] Elf { get; } = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, .. new byte[56]];

    public static byte[] Shell { get; } = Encoding.UTF8.GetBytes("#!/bin/sh\necho hej\n");

    public static byte[] Html { get; } = Encoding.UTF8.GetBytes("\uFEFF\n  <!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>");

    public static byte[] Svg { get; } = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- ritad för hand -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");

    public static byte[] Zip(params (string Name, string Content, bool Stored)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, stored) in entries)
            {
                var entry = archive.CreateEntry(name, stored ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}
