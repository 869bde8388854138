using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Hub.Cases.Documents;

/// <summary>
/// A tagged PDF written top to bottom: every text is drawn inside a structure element (headings, paragraphs, lists,
/// figures) in reading order, so screen readers and text extraction follow the document as it reads. Text wraps at
/// the margin and flows onto new pages. The document carries its language, its title (shown instead of the file
/// name), <c>/MarkInfo /Marked true</c> and XMP metadata (the last two by PDFsharp's UAManager).
/// </summary>
internal sealed class TaggedPdf : IDisposable
{
    private const double Margin = 56;
    private const double BodySize = 10.5;
    private const double Leading = 1.35;

    // Only the glyphs used are embedded: the whole of both DejaVu faces (1.4 MB) made every PDF 780 KB and took most of
    // its 45 ms of CPU compressing them again; a subset makes a 40-question case 66 KB in 7 ms (bench/README.md, API).
    // A subset still carries every glyph the text uses and its ToUnicode map, so copying and screen readers are unaffected.
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
    private static readonly XFont Body = Font(BodySize, bold: false);
    private static readonly XFont BodyBold = Font(BodySize, bold: true);
    private static readonly XFont[] Headings = [Font(18, bold: true), Font(14, bold: true), Font(12, bold: true)];
    private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(0x1b, 0x1b, 0x1b));
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x4a, 0x4a, 0x4a));

    private readonly PdfDocument _document = new();
    private readonly StructureBuilder _structure;
    private readonly string _language;
    private PdfPage _page = null!;
    private readonly List<XGraphics> _pages = [];
    private XGraphics _graphics = null!;
    private double _y;
    private double _indent;

    public TaggedPdf(string language, string title, string author)
    {
        _language = language;
        var ua = UAManager.ForDocument(_document);
        ua.SetDocumentLanguage(language);
        _structure = ua.StructureBuilder;
        _document.Info.Title = title;
        _document.Info.Author = author;
        _document.Info.Creator = "Hub";
        _document.ViewerPreferences.DisplayDocTitle = true;
        NewPage();
        _structure.BeginElement(PdfGroupingElementTag.Document);
    }

    private double Width => _page.Width.Point - 2 * Margin;

    private double Bottom => _page.Height.Point - Margin;

    /// <summary>A heading of level 1–3; kept on a page with at least a line of what follows.</summary>
    public void Heading(int level, string text, string? language = null)
    {
        var font = Headings[Math.Clamp(level, 1, 3) - 1];
        _y += level == 1 ? 0 : font.Size * 0.9;
        var tag = level switch { 1 => PdfBlockLevelElementTag.Heading1, 2 => PdfBlockLevelElementTag.Heading2, _ => PdfBlockLevelElementTag.Heading3 };
        KeepTogether(Wrap(text, font, Width).Count * LineHeight(font) + 2 * LineHeight(Body));
        Block(tag, text, font, Ink, 0, language);
        _y += font.Size * 0.35;
    }

    /// <summary>A paragraph; line breaks in <paramref name="text"/> are kept.</summary>
    public void Paragraph(string text, string? language = null, bool bold = false, bool muted = false) =>
        Block(PdfBlockLevelElementTag.Paragraph, text, bold ? BodyBold : Body, muted ? Muted : Ink, _indent, language);

    /// <summary>A question and its answer: the label in bold, then what <paramref name="body"/> writes, indented.</summary>
    public void Field(string label, string? labelLanguage, Action body)
    {
        _structure.BeginElement(PdfGroupingElementTag.Division);
        KeepTogether(LineHeight(BodyBold) + LineHeight(Body));
        Paragraph(label, labelLanguage, bold: true);
        _indent += 14;
        body();
        _indent -= 14;
        _structure.End();
        _y += BodySize * 0.5;
    }

    /// <summary>A question and its one-paragraph answer.</summary>
    public void Field(string label, string value, string? labelLanguage = null, string? valueLanguage = null) =>
        Field(label, labelLanguage, () => Paragraph(value, valueLanguage));

    /// <summary>A list; each item a label ("•") and its text.</summary>
    public void List(IEnumerable<(string Text, string? Language)> items)
    {
        var indent = _indent;
        _structure.BeginElement(PdfBlockLevelElementTag.List);
        foreach (var (text, language) in items)
        {
            _structure.BeginElement(PdfBlockLevelElementTag.ListItem);
            KeepTogether(LineHeight(Body));
            _structure.BeginElement(PdfBlockLevelElementTag.Label);
            _graphics.DrawString("•", Body, Ink, Margin + indent + 4, _y + Body.Size);
            _structure.End();
            Block(PdfBlockLevelElementTag.ListBody, text, Body, Ink, indent + 16, language);
            _structure.End();
        }

        _structure.End();
    }

    /// <summary>An image with its alternative text, <paramref name="height"/> points tall, as a Figure.</summary>
    public void Figure(byte[] image, string alternativeText, double height)
    {
        using var stream = new MemoryStream(image, writable: false);
        using var picture = XImage.FromStream(stream);
        var width = Math.Min(Width, height * picture.PixelWidth / Math.Max(1, picture.PixelHeight));
        var box = new XRect(Margin, _y, width, height);
        _structure.BeginElement(PdfIllustrationElementTag.Figure, alternativeText, box);
        _graphics.DrawImage(picture, box);
        _structure.End();
        _y += height + BodySize;
    }

    /// <summary>Vertical space.</summary>
    public void Space(double points) => _y += points;

    public byte[] ToArray()
    {
        _structure.End();
        DisposePages();
        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        DisposePages();
        _document.Dispose();
    }

    private void DisposePages()
    {
        foreach (var graphics in _pages)
        {
            graphics.Dispose();
        }

        _pages.Clear();
    }

    private void Block(PdfBlockLevelElementTag tag, string text, XFont font, XBrush brush, double indent, string? language)
    {
        _structure.BeginElement(tag);
        if (language is not null && language != _language)
        {
            _structure.SetLanguage(language);
        }

        var lineHeight = LineHeight(font);
        foreach (var line in Wrap(text, font, Width - indent))
        {
            if (_y + lineHeight > Bottom)
            {
                NewPage();
            }

            if (line.Length > 0)
            {
                _graphics.DrawString(line, font, brush, Margin + indent, _y + font.Size);
            }

            _y += lineHeight;
        }

        _structure.End();
    }

    private void KeepTogether(double height)
    {
        if (_y + height > Bottom && _y > Margin)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        // A page's graphics stay open until the end: a structure element that flows over the break still ends its
        // marked content on the page it began on.
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _pages.Add(_graphics);
        _y = Margin;
    }

    private static double LineHeight(XFont font) => font.Size * Leading;

    /// <summary>The text's lines at this width: at spaces where possible, inside a word too long for a line.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && Measure(line, font) > width)
                {
                    var fits = 1;
                    while (fits < line.Length && Measure(line[..(fits + 1)], font) <= width)
                    {
                        fits++;
                    }

                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private double Measure(string text, XFont font) => _graphics.MeasureString(text, font).Width;

    private static XFont Font(double size, bool bold)
    {
        PdfFonts.Install();
        return new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
    }
}

/// <summary>
/// DejaVu Sans, regular and bold, from the assembly's own resources: servers have no Windows fonts and need no fonts
/// installed. The glyphs a PDF uses are embedded in it as a subset (Bitstream Vera licence, <c>Fonts/LICENSE-DejaVu.txt</c>).
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();

    /// <summary>Makes this the process's font resolver (PDFsharp has one, global); harmless when it already is.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Hub.Cases.Documents.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
