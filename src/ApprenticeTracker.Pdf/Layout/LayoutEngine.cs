using ApprenticeTracker.Pdf.Fonts;
using ApprenticeTracker.Pdf.Images;
using ApprenticeTracker.Pdf.Text;

namespace ApprenticeTracker.Pdf.Layout;

/// <summary>A bookmark: a heading's text, level and position.</summary>
internal sealed record OutlineEntry(string Title, int Level, int PageIndex, double Top);

/// <summary>
/// Places blocks on pages from top to bottom. <see cref="Y"/> is the top of the free space on the
/// current page in PDF coordinates; blocks move it down and ask for a new page when they do not fit.
/// </summary>
internal sealed class LayoutEngine
{
    private const double Epsilon = 1e-6;

    public LayoutEngine(PageSetup setup, List<string> warnings)
    {
        Setup = setup;
        Top = setup.Height - setup.Margins.Top;
        Bottom = setup.Margins.Bottom;
        Left = setup.Margins.Left;
        Width = setup.ContentWidth;
        var reported = new HashSet<int>();
        Regular = new FontUsage(StandardFonts.Regular, "F1", reported, warnings.Add);
        Bold = new FontUsage(StandardFonts.Bold, "F2", reported, warnings.Add);
        NewPage();
    }

    public PageSetup Setup { get; }

    public double Top { get; }

    public double Bottom { get; }

    public double Left { get; }

    public double Width { get; }

    public FontUsage Regular { get; }

    public FontUsage Bold { get; }

    public List<PageCanvas> Pages { get; } = [];

    public PageCanvas Page { get; private set; } = null!;

    public double Y { get; set; }

    public double Remaining => Y - Bottom;

    /// <summary>True while nothing has been placed on the current page, so a new page would not help.</summary>
    public bool AtTop => Y >= Top - Epsilon;

    public List<OutlineEntry> Outline { get; } = [];

    public List<ImageData> Images { get; } = [];

    /// <summary>The root of the structure tree; blocks add their elements to it in reading order.</summary>
    public StructureElement Document { get; } = new("Document", null);

    /// <summary>What content drawn from now on belongs to; a new page carries it over.</summary>
    public ContentOwner? Owner
    {
        get => Page.Owner;
        set => Page.Owner = value;
    }

    public void NewPage()
    {
        var owner = Page?.Owner;
        Page = new PageCanvas(Pages.Count) { Owner = owner };
        Pages.Add(Page);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits in what is left of this one (or this one is empty).</summary>
    public void EnsureSpace(double height)
    {
        if (Remaining < height - Epsilon && !AtTop)
        {
            NewPage();
        }
    }

    /// <summary>Moves down by <paramref name="height"/>, stopping at the bottom margin rather than carrying space to the next page.</summary>
    public void Advance(double height) => Y = Math.Max(Y - height, Bottom);

    public FontUsage Font(TextStyle style) => style.Weight == FontWeight.Bold ? Bold : Regular;

    public GlyphRun Shape(string text, TextStyle style) => Font(style).Shape(text);

    /// <summary>Registers an image once per document and returns its resource name.</summary>
    public string ImageName(ImageData image)
    {
        var index = Images.IndexOf(image);
        if (index < 0)
        {
            Images.Add(image);
            index = Images.Count - 1;
        }

        return "Im" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Lays out wrapped text, the content of <paramref name="element"/>, across as many pages as it needs, line by line.</summary>
    public void Text(string text, TextStyle style, StructureElement element, double indent = 0, (string Text, StructureElement Element)? marker = null)
    {
        var run = Shape(text, style);
        Text(run, LineBreaker.Break(run, style.Size, Width - indent), style, element, indent, marker);
    }

    /// <summary>
    /// Lays out text already broken into lines for the width left by <paramref name="indent"/>; a marker (a list
    /// item's bullet, the content of its own element) is drawn in the indent, level with the first line.
    /// </summary>
    public void Text(GlyphRun run, List<Line> lines, TextStyle style, StructureElement element, double indent = 0, (string Text, StructureElement Element)? marker = null)
    {
        var width = Width - indent;
        var lineHeight = style.LineHeight;
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(lineHeight);
            if (i == 0 && marker is { } m)
            {
                Owner = m.Element;
                var markerRun = Shape(m.Text, style);
                var markerLine = LineBreaker.Break(markerRun, style.Size, double.MaxValue)[0];
                Page.TextLine(markerRun, markerLine, Left, indent, Y, style with { Alignment = TextAlignment.Left });
            }

            Owner = element;
            Page.TextLine(run, lines[i], Left + indent, width, Y, style);
            Y -= lineHeight;
        }

        Advance(style.SpaceAfter);
    }

    /// <summary>Gives the pages' content buffers back to the pool once the file has been written.</summary>
    public void ReleaseBuffers()
    {
        foreach (var page in Pages)
        {
            page.Content.Dispose();
        }
    }

    /// <summary>Draws the header and footer on every page (as artifacts), now that the page count is known, and closes every page's content.</summary>
    public void Finish(PageBand? header, PageBand? footer)
    {
        for (var i = 0; i < Pages.Count; i++)
        {
            var context = new PageContext(i + 1, Pages.Count);
            if (header is not null)
            {
                Pages[i].Owner = Artifact.Header;
                var lineTop = Setup.Height - (Setup.Margins.Top / 2) + (header.Style.LineHeight / 2);
                DrawBand(Pages[i], header, context, lineTop, ruleY: Top + 3);
            }

            if (footer is not null)
            {
                Pages[i].Owner = Artifact.Footer;
                var lineTop = (Setup.Margins.Bottom / 2) + (footer.Style.LineHeight / 2);
                DrawBand(Pages[i], footer, context, lineTop, ruleY: Bottom - 3);
            }

            Pages[i].Finish();
        }
    }

    private void DrawBand(PageCanvas page, PageBand band, PageContext context, double lineTop, double ruleY)
    {
        var style = band.Style;
        Piece(band.Left, TextAlignment.Left);
        Piece(band.Centre, TextAlignment.Centre);
        Piece(band.Right, TextAlignment.Right);
        if (band.Rule)
        {
            page.Line(Left, ruleY, Left + Width, ruleY, style.Colour, 0.5);
        }

        void Piece(Func<PageContext, string>? text, TextAlignment alignment)
        {
            if (text is null)
            {
                return;
            }

            var run = Shape(text(context) ?? string.Empty, style);
            var top = lineTop;
            foreach (var line in LineBreaker.Break(run, style.Size, Width))
            {
                page.TextLine(run, line, Left, Width, top, style with { Alignment = alignment });
                top -= style.LineHeight;
            }
        }
    }
}
