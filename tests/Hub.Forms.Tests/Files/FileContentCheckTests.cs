using Hub.Forms.Contracts;
using static Hub.Forms.Tests.Files.FileSamples;

namespace Hub.Forms.Tests.Files;

public sealed class FileContentCheckTests
{
    private static readonly string[] Documents = [".pdf", ".docx", ".odt", ".doc", ".xlsx", ".ods", ".txt", ".csv"];
    private static readonly string[] Images = ["image/*"];

    private static FileCheck Check(string name, byte[] content, params string[] accept) => FileContent.Check(name, content, accept);

    public static TheoryData<string, byte[], string> SafeFiles => new()
    {
        { "budget.pdf", Pdf, "application/pdf" },
        { "IMG_0412.JPG", Jpeg, "image/jpeg" },
        { "foto.jpeg", Jpeg, "image/jpeg" },
        { "foto.jfif", Jpeg, "image/jpeg" },
        { "skarmbild.png", Png, "image/png" },
        { "karta.gif", Gif, "image/gif" },
        { "bild.webp", Webp, "image/webp" },
        { "IMG_0413.HEIC", Heic, "image/heic" },
        { "IMG_0414.heif", Heic, "image/heic" },
        { "skannad.tif", TiffIntel, "image/tiff" },
        { "verksamhetsberattelse.docx", Docx, DocxType },
        { "budget.xlsx", Xlsx, XlsxType },
        { "protokoll.odt", Odt, OdtType },
        { "budget.ods", Ods, OdsType },
        { "gammal.doc", Doc, "application/msword" },
        { "kvitton.txt", Text, "text/plain" },
        { "medlemmar.csv", Csv, "text/plain" },
    };

    [Theory]
    [MemberData(nameof(SafeFiles))]
    public void A_file_that_is_what_its_name_says_and_is_accepted_passes(string name, byte[] content, string mediaType)
    {
        var check = Check(name, content, [.. Documents, .. Images]);

        Assert.True(check.IsAccepted, check.ToString());
        Assert.Equal(FileCheck.Accepted(mediaType), check);
    }

    [Theory]
    [InlineData("faktura.pdf")]
    [InlineData("setup.exe")]
    [InlineData("bild.jpg")]
    public void A_windows_program_is_dangerous_whatever_it_is_called(string name) =>
        Assert.Equal(FileCheck.Refused(FileRefusal.Dangerous, "application/x-msdownload"), Check(name, Exe, ".pdf", "image/*"));

    [Fact]
    public void Html_called_jpg_is_dangerous() =>
        Assert.Equal(FileCheck.Refused(FileRefusal.Dangerous, "text/html"), Check("semesterbild.jpg", Html, "image/jpeg", ".jpg"));

    [Theory]
    [InlineData("karta.svg")]
    [InlineData("karta.png")]
    public void Svg_is_dangerous_even_where_images_are_accepted(string name) =>
        Assert.Equal(FileRefusal.Dangerous, Check(name, Svg, Images).Refusal);

    [Fact]
    public void Programs_for_linux_and_scripts_are_dangerous()
    {
        Assert.Equal(FileRefusal.Dangerous, Check("rapport.pdf", Elf, ".pdf").Refusal);
        Assert.Equal(FileRefusal.Dangerous, Check("anteckningar.txt", Shell, ".txt").Refusal);
    }

    [Theory]
    [InlineData("kvitto.html")]
    [InlineData("kvitto.js")]
    [InlineData("kvitto.bat")]
    [InlineData("kvitto.ps1")]
    public void Harmless_text_with_a_name_that_runs_code_is_dangerous(string name) =>
        Assert.Equal(FileCheck.Refused(FileRefusal.Dangerous, "text/plain"), Check(name, Text, ".txt"));

    [Fact]
    public void A_png_called_pdf_is_an_extension_mismatch() =>
        Assert.Equal(FileCheck.Refused(FileRefusal.ExtensionMismatch, "image/png"), Check("intyg.pdf", Png, ".pdf", "image/png"));

    [Theory]
    [InlineData("budget.zip", "docx")]
    [InlineData("budget.doc", "docx")]
    [InlineData("budget.xlsx", "docx")]
    [InlineData("intyg", "pdf")]
    [InlineData("intyg.pdf.", "pdf")]
    [InlineData("tabell.xls", "doc")]
    [InlineData("installera.msi.doc.png", "doc")]
    public void A_name_that_does_not_belong_to_the_content_is_refused(string name, string kind)
    {
        var content = kind switch { "docx" => Docx, "pdf" => Pdf, _ => Doc };

        Assert.Equal(FileRefusal.ExtensionMismatch, Check(name, content, [.. Documents, .. Images]).Refusal);
    }

    [Fact]
    public void A_pdf_where_only_jpeg_is_accepted_is_not_accepted() =>
        Assert.Equal(FileCheck.Refused(FileRefusal.NotAccepted, "application/pdf"), Check("intyg.pdf", Pdf, ".jpg", ".jpeg", "image/jpeg"));

    [Fact]
    public void Accept_by_media_type_or_extension_both_work()
    {
        Assert.True(Check("IMG_0412.HEIC", Heic, "image/jpeg", "image/png", ".heic").IsAccepted);
        Assert.True(Check("IMG_0412.heic", Heic, "image/*").IsAccepted);
        Assert.True(Check("budget.pdf", Pdf, "application/pdf").IsAccepted);
        Assert.Equal(FileRefusal.NotAccepted, Check("IMG_0412.heic", Heic, "image/jpeg", "image/png").Refusal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 })]
    public void Empty_truncated_and_unknown_content_is_unrecognised(byte[] content) =>
        Assert.Equal(FileCheck.Refused(FileRefusal.Unrecognised), Check("intyg.pdf", content, ".pdf"));

    [Fact]
    public void A_zip_that_is_no_office_document_is_unrecognised() =>
        Assert.Equal(FileRefusal.Unrecognised, Check("bilder.docx", PlainZip, ".docx").Refusal);

    [Fact]
    public void The_demo_services_accept_lists_take_their_real_files()
    {
        string[] photos = ["image/jpeg", "image/png", ".heic"];
        string[] pdfOnly = [".pdf"];
        string[] statements = [".pdf", "application/pdf", "image/*"];

        Assert.True(Check("IMG_0412.HEIC", Heic, photos).IsAccepted);
        Assert.True(Check("IMG_0413.jpg", Jpeg, photos).IsAccepted);
        Assert.Equal(FileRefusal.NotAccepted, Check("karta.pdf", Pdf, photos).Refusal);
        Assert.True(Check("budget.pdf", Pdf, pdfOnly).IsAccepted);
        Assert.Equal(FileRefusal.NotAccepted, Check("budget.docx", Docx, pdfOnly).Refusal);
        Assert.True(Check("kontoutdrag.png", Png, statements).IsAccepted);
    }
}
