using System.Text;
using Hub.Forms.Contracts;
using static Hub.Forms.Tests.Files.FileSamples;

namespace Hub.Forms.Tests.Files;

public sealed class FileContentSniffTests
{
    public static TheoryData<string, byte[], string> Samples => new()
    {
        { "pdf", Pdf, "application/pdf" },
        { "jpeg", Jpeg, "image/jpeg" },
        { "png", Png, "image/png" },
        { "gif", Gif, "image/gif" },
        { "webp", Webp, "image/webp" },
        { "heic", Heic, "image/heic" },
        { "heif mif1 only", Ftyp("mif1", "mif1", "miaf"), "image/heic" },
        { "heif sequence", Ftyp("msf1", "msf1"), "image/heic" },
        { "heic mif1 then heix", Ftyp("mif1", "mif1", "heix"), "image/heic" },
        { "avif", Ftyp("avif", "avif", "mif1", "miaf"), "image/avif" },
        { "tiff intel", TiffIntel, "image/tiff" },
        { "tiff motorola", TiffMotorola, "image/tiff" },
        { "docx", Docx, DocxType },
        { "xlsx", Xlsx, XlsxType },
        { "odt", Odt, OdtType },
        { "ods", Ods, OdsType },
        { "doc", Doc, "application/msword" },
        { "text", Text, "text/plain" },
        { "csv with bom", Csv, "text/plain" },
        { "exe", Exe, "application/x-msdownload" },
        { "elf", Elf, "application/x-elf" },
        { "shell script", Shell, "application/x-sh" },
        { "html", Html, "text/html" },
        { "svg", Svg, "image/svg+xml" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Recognises_each_kind_by_its_content(string kind, byte[] content, string expected) =>
        Assert.True(expected == FileContent.Sniff(content), $"{kind}: {FileContent.Sniff(content)}");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("   <HTML lang=\"sv\">")]
    [InlineData("\t\r\n<!doctype HTML>")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    [InlineData("<body onload=\"x()\">")]
    [InlineData("<!-- kommentar -->")]
    [InlineData("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><script>x()</script></html>")]
    public void Html_is_recognised_after_whitespace_and_in_any_case(string text) =>
        Assert.Equal("text/html", FileContent.Sniff(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("\uFEFF  <SVG>")]
    [InlineData("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\">")]
    public void Svg_is_recognised_with_or_without_an_xml_prologue(string text) =>
        Assert.Equal("image/svg+xml", FileContent.Sniff(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><faktura><belopp>100</belopp></faktura>")]
    [InlineData("a < b och <abc> är inte html")]
    [InlineData("<adress>Storgatan 1</adress>")]
    public void Other_text_that_merely_contains_angle_brackets_is_plain_text(string text) =>
        Assert.Equal("text/plain", FileContent.Sniff(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Empty_and_single_binary_bytes_are_unknown()
    {
        Assert.Null(FileContent.Sniff([]));
        Assert.Null(FileContent.Sniff([0x00]));
        Assert.Null(FileContent.Sniff([0xFF]));
        Assert.Null(FileContent.Sniff([0xC3]));
    }

    [Fact]
    public void Every_single_byte_is_sniffed_without_throwing()
    {
        for (var b = 0; b < 256; b++)
        {
            var type = FileContent.Sniff([(byte)b]);
            Assert.True(type is null or "text/plain", $"{b:x2}: {type}");
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x48, 0x00, 0x65, 0x00 })]
    [InlineData(new byte[] { 0x48, 0x65, 0x6A, 0x07 })]
    [InlineData(new byte[] { 0x48, 0xE4, 0x72 })]
    [InlineData(new byte[] { 0x48, 0x65, 0xC2, 0x85 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void Nul_control_characters_latin1_and_empty_text_are_not_text(byte[] content) =>
        Assert.Null(FileContent.Sniff(content));

    [Fact]
    public void A_character_cut_by_the_end_of_a_full_head_is_still_text_but_a_file_ending_so_is_not()
    {
        var full = Encoding.UTF8.GetBytes(new string('a', FileContent.HeadLength - 1) + "å");
        Assert.Equal(FileContent.HeadLength + 1, full.Length);

        Assert.Equal("text/plain", FileContent.Sniff(full.AsSpan(0, FileContent.HeadLength)));
        Assert.Equal("text/plain", FileContent.Sniff(full));
        Assert.Null(FileContent.Sniff(full.AsSpan(0, 100).ToArray().Append((byte)0xC3).ToArray()));
    }

    [Fact]
    public void Only_the_head_is_read()
    {
        var textThenBinary = new byte[FileContent.HeadLength + 10];
        textThenBinary.AsSpan(0, FileContent.HeadLength).Fill((byte)'a');

        Assert.Equal("text/plain", FileContent.Sniff(textThenBinary));
    }

    [Fact]
    public void Other_zips_and_iso_media_are_unknown()
    {
        Assert.Null(FileContent.Sniff(PlainZip));
        Assert.Null(FileContent.Sniff(Ftyp("isom", "isom", "mp41")));
        Assert.Null(FileContent.Sniff(Ftyp("qt  ", "qt  ")));
        Assert.Null(FileContent.Sniff(Zip(("mimetype", "application/epub+zip", true), ("content.opf", "<x/>", false))));
    }

    [Fact]
    public void A_docx_cut_short_inside_its_first_entry_is_unknown_rather_than_guessed() =>
        Assert.Null(FileContent.Sniff(Docx.AsSpan(0, 40)));
}
