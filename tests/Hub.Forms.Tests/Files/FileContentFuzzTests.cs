using Hub.Forms.Contracts;

namespace Hub.Forms.Tests.Files;

/// <summary>Whatever an uploader sends, sniffing answers and never throws, and nothing dangerous is ever accepted.</summary>
public sealed class FileContentFuzzTests
{
    private static readonly string[] AcceptAll = [".pdf", ".docx", ".xlsx", ".odt", ".ods", ".doc", ".txt", ".csv", "image/*"];

    private static readonly string[] Names =
        ["a.pdf", "a.jpg", "a.heic", "a.docx", "a.odt", "a.txt", "a.exe", "a.html", "a", "a.PDF", ".pdf", "a.pdf."];

    /// <summary>Starts that send the sniffer down each of its paths, so random tails exercise the structure readers.</summary>
    private static readonly byte[][] Prefixes =
    [
        [],
        [0x50, 0x4B, 0x03, 0x04],
        [0x00, 0x00, 0x00, 0x18, .. "ftyp"u8],
        [0xFF, 0xFF, 0xFF, 0xFF, .. "ftypmif1"u8],
        "<?xml"u8.ToArray(),
        "<"u8.ToArray(),
        [0xEF, 0xBB, 0xBF],
        "RIFF"u8.ToArray(),
        [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, .. "mimetype"u8],
    ];

    [Fact]
    public void Random_bytes_never_throw_and_never_pass_as_dangerous()
    {
        for (var seed = 0; seed < 4000; seed++)
        {
            var random = new Random(seed);
            var prefix = Prefixes[seed % Prefixes.Length];
            var length = random.Next(0, seed % 10 == 0 ? FileContent.HeadLength + 100 : 300);
            var content = new byte[prefix.Length + length];
            prefix.CopyTo(content, 0);
            random.NextBytes(content.AsSpan(prefix.Length));
            if (seed % 3 == 0)
            {
                // Mostly printable bytes reach the text and markup paths more often than uniform noise does.
                for (var i = prefix.Length; i < content.Length; i++)
                {
                    content[i] = (byte)random.Next(0x09, 0x7F);
                }
            }

            var sniffed = FileContent.Sniff(content);
            var check = FileContent.Check(Names[seed % Names.Length], content, AcceptAll);

            Assert.Equal(sniffed, check.MediaType);
            if (check.IsAccepted)
            {
                Assert.DoesNotContain(check.MediaType, new[] { "application/x-msdownload", "application/x-elf", "application/x-sh", "text/html", "image/svg+xml" });
            }
        }
    }

    [Fact]
    public void Every_prefix_of_real_samples_is_sniffed_without_throwing()
    {
        byte[][] samples = [FileSamples.Docx, FileSamples.Odt, FileSamples.Heic, FileSamples.Png, FileSamples.Svg, FileSamples.Html, FileSamples.Csv];
        foreach (var sample in samples)
        {
            for (var length = 0; length <= sample.Length; length++)
            {
                _ = FileContent.Check("a.docx", sample.AsSpan(0, length), AcceptAll);
            }
        }
    }
}
