using ApprenticeTracker.Pdf.Images;
using ApprenticeTracker.Pdf.Layout;
using ApprenticeTracker.Pdf.Writing;

namespace ApprenticeTracker.Pdf;

/// <summary>
/// A document built top to bottom, block by block, and laid out onto pages when rendered:
/// <code>
/// var document = new PdfDocument(PageSetup.A4Portrait) { Info = { Title = "Progress review" } }
///     .Footer(new PageBand { Right = page => $"Page {page.Number} of {page.Count}" })
///     .Heading("Progress review")
///     .Paragraph("Łucja Wójcik has completed 14 of 20 duties.");
/// byte[] pdf = document.Render().Content;
/// </code>
/// Every method validates its arguments when called, so a bad value fails where it was written, with
/// an <see cref="ArgumentException"/> naming it; rendering then always produces a valid file.
/// A document can be rendered any number of times; each rendering is independent.
/// </summary>
public sealed class PdfDocument
{
    private readonly List<Block> _blocks = [];

    /// <summary>Images decoded so far, by the SHA-256 of their bytes: the same picture added twice is embedded once.</summary>
    private readonly Dictionary<string, ImageData> _images = new(StringComparer.Ordinal);

    /// <summary>Creates an empty document.</summary>
    /// <param name="pageSetup">The sheet and margins; A4 portrait with 2 cm margins when null.</param>
    public PdfDocument(PageSetup? pageSetup = null) => PageSetup = pageSetup ?? PageSetup.A4Portrait;

    /// <summary>The sheet and margins of every page.</summary>
    public PageSetup PageSetup { get; }

    /// <summary>Title, author, subject, dates and so on.</summary>
    public DocumentInfo Info { get; } = new();

    internal PageBand? HeaderBand { get; private set; }

    internal PageBand? FooterBand { get; private set; }

    internal IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>Sets the text repeated in the top margin of every page.</summary>
    public PdfDocument Header(PageBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        HeaderBand = band;
        return this;
    }

    /// <summary>Sets the text repeated in the bottom margin of every page.</summary>
    public PdfDocument Footer(PageBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        FooterBand = band;
        return this;
    }

    /// <summary>
    /// Adds a heading and a bookmark for it (bookmarks nest by level). A heading is kept on the same page
    /// as the start of what follows it.
    /// </summary>
    /// <param name="text">The heading's text.</param>
    /// <param name="level">1 for a top-level heading, down to 6.</param>
    /// <param name="style">The style, or null for the level's default (bold, 20 pt at level 1 down to 10 pt).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not from 1 to 6.</exception>
    public PdfDocument Heading(string text, int level = 1, TextStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 6);
        _blocks.Add(new HeadingBlock(text, level, style ?? HeadingBlock.DefaultStyle(level)));
        return this;
    }

    /// <summary>
    /// Adds a paragraph. It wraps at spaces and hyphens; a word longer than a line breaks inside the word.
    /// A line feed in the text starts a new line.
    /// </summary>
    public PdfDocument Paragraph(string text, TextStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add(new ParagraphBlock(text, style ?? TextStyle.Body));
        return this;
    }

    /// <summary>Adds a bulleted list, one paragraph per item.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or an item is null.</exception>
    public PdfDocument BulletList(IEnumerable<string> items, TextStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        string[] list = [.. items];
        if (Array.Exists(list, item => item is null))
        {
            throw new ArgumentNullException(nameof(items), "A list item cannot be null.");
        }

        _blocks.Add(new BulletListBlock(list, style ?? TextStyle.Body));
        return this;
    }

    /// <summary>Adds vertical space. Space that reaches the bottom of a page ends the page and is not carried over.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> is negative or not finite.</exception>
    public PdfDocument Spacer(double height)
    {
        _blocks.Add(new SpacerBlock(Guard.NonNegative(height, nameof(height), Guard.MaxCoordinate)));
        return this;
    }

    /// <summary>Adds a horizontal line across the content width, with 6 points of space above and below.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="thickness"/> is not greater than 0 and at most 20.</exception>
    public PdfDocument HorizontalRule(double thickness = 0.5, Colour? colour = null)
    {
        _blocks.Add(new RuleBlock(Guard.Positive(thickness, nameof(thickness), 20), colour ?? Colour.Grey));
        return this;
    }

    /// <summary>Adds a table; <paramref name="build"/> sets its header row, body rows and appearance.</summary>
    /// <exception cref="ArgumentException"><paramref name="columns"/> is empty or holds a null, or a row built does not match the columns.</exception>
    public PdfDocument Table(IEnumerable<TableColumn> columns, Action<Table> build)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(build);
        TableColumn[] list = [.. columns];
        if (list.Length == 0 || Array.Exists(list, c => c is null))
        {
            throw new ArgumentException("A table needs at least one column, and no column can be null.", nameof(columns));
        }

        var table = new Table(list);
        build(table);
        _blocks.Add(new TableBlock(table));
        return this;
    }

    /// <summary>
    /// Adds a JPEG (embedded as it is) or PNG image (decoded, interlaced or not; transparency kept as a soft mask). It is
    /// drawn <paramref name="width"/> points wide, or at 96 pixels per inch when null, and never wider or
    /// taller than the content area. The same bytes added again are drawn again but stored in the file once.
    /// </summary>
    /// <param name="data">The JPEG or PNG file.</param>
    /// <param name="width">The width in points, or null for 96 pixels per inch.</param>
    /// <param name="alignment">Where the image sits between the margins.</param>
    /// <param name="alternativeText">
    /// What the image shows, in words, for readers who cannot see it (a tagged <c>Figure</c>); null for a decorative
    /// image, which is marked as an artifact and skipped by screen readers.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="data"/> is not a JPEG or PNG this library can read, or its image data is corrupt or truncated; or <paramref name="alternativeText"/> is empty or white space.</exception>
    public PdfDocument Image(byte[] data, double? width = null, TextAlignment alignment = TextAlignment.Left, string? alternativeText = null)
    {
        var alt = AlternativeText(alternativeText, nameof(alternativeText));
        ArgumentNullException.ThrowIfNull(data);
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(data));
        if (!_images.TryGetValue(key, out var image))
        {
            image = ImageData.Decode(data, nameof(data));
            _images.Add(key, image);
        }

        _blocks.Add(new ImageBlock(image, width is { } w ? Guard.Positive(w, nameof(width)) : null, alignment, alt));
        return this;
    }

    /// <summary>Adds a drawing area as wide as the content and <paramref name="height"/> points tall; <paramref name="draw"/> draws on it.</summary>
    /// <param name="height">The height in points.</param>
    /// <param name="draw">Draws on the area.</param>
    /// <param name="alternativeText">
    /// What the drawing shows, in words, for readers who cannot see it: a chart's figures, for example (a tagged
    /// <c>Figure</c>, whose text labels are part of the picture); null for a decorative drawing, which is marked as an
    /// artifact and skipped by screen readers.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> is not greater than 0 or exceeds the content height.</exception>
    /// <exception cref="ArgumentException"><paramref name="alternativeText"/> is empty or white space.</exception>
    public PdfDocument Canvas(double height, Action<Canvas> draw, string? alternativeText = null)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var alt = AlternativeText(alternativeText, nameof(alternativeText));
        var canvas = new Canvas(PageSetup.ContentWidth, Guard.Positive(height, nameof(height), PageSetup.ContentHeight));
        draw(canvas);
        _blocks.Add(new CanvasBlock(canvas, alt));
        return this;
    }

    /// <summary>Starts a new page, unless the current page is still empty.</summary>
    public PdfDocument PageBreak()
    {
        _blocks.Add(new PageBreakBlock());
        return this;
    }

    private static string? AlternativeText(string? text, string name) => text is not null && string.IsNullOrWhiteSpace(text)
        ? throw new ArgumentException("Alternative text cannot be empty: give the words, or null for a decorative picture.", name)
        : text;

    /// <summary>Lays the document out and writes it as a tagged PDF 1.7 file (PDF/UA-1).</summary>
    public RenderedPdf Render()
    {
        var warnings = new List<string>();
        var engine = new LayoutEngine(PageSetup, warnings);
        try
        {
            foreach (var block in _blocks)
            {
                block.Layout(engine);
            }

            engine.Finish(HeaderBand, FooterBand);
            var content = PdfFileWriter.Write(engine, Info);
            return new RenderedPdf(content, engine.Pages.Count, warnings.AsReadOnly());
        }
        finally
        {
            engine.ReleaseBuffers();
        }
    }
}
