using ApprenticeTracker.Pdf.Text;
using ApprenticeTracker.Pdf.Writing;

namespace ApprenticeTracker.Pdf.Layout;

/// <summary>
/// The content stream of one page under construction, in PDF coordinates (points, origin bottom left).
/// It remembers the colours, line width and font last set, so each is written only when it changes, and
/// keeps a text object open across consecutive lines of text, placing each line relative to the last:
/// content streams are most of what is compressed, so every byte saved here is time saved.
/// Everything drawn is marked content of its <see cref="Owner"/> (a structure element, with a marked-content
/// identifier numbered from 0 on each page, or an artifact); a sequence opened inside a text object is closed
/// inside it, and one opened outside is closed outside, so sequences and text objects nest properly.
/// </summary>
internal sealed class PageCanvas(int index)
{
    private Colour _fill = Colour.Black;
    private Colour _stroke = Colour.Black;
    private double _lineWidth = 1;
    private bool _inText;
    private string? _font;
    private double _fontSize;
    private double _lineX;
    private double _lineY;
    private ContentOwner? _open;
    private bool _openInText;

    public ByteBuffer Content { get; } = new(8192);

    /// <summary>The page's position in the document, from 0; also its key in the structure parent tree.</summary>
    public int Index { get; } = index;

    /// <summary>What content drawn from now on belongs to.</summary>
    public ContentOwner? Owner { get; set; }

    /// <summary>The structure element of each marked-content identifier on this page (the page's parent tree entry).</summary>
    public List<StructureElement> Marked { get; } = [];

    public void FillRectangle(double x, double y, double width, double height, Colour colour)
    {
        Prepare(text: false);
        SetFill(colour);
        Content.AppendNumber(x).Append(' ').AppendNumber(y).Append(' ').AppendNumber(width).Append(' ').AppendNumber(height).Append(" re f\n");
    }

    public void StrokeRectangle(double x, double y, double width, double height, Colour colour, double lineWidth)
    {
        Prepare(text: false);
        SetStroke(colour, lineWidth);
        Content.AppendNumber(x).Append(' ').AppendNumber(y).Append(' ').AppendNumber(width).Append(' ').AppendNumber(height).Append(" re S\n");
    }

    /// <summary>Adds a rectangle to the current path; <see cref="StrokePath"/> draws the path's outlines at once.</summary>
    public void RectanglePath(double x, double y, double width, double height)
    {
        Prepare(text: false);
        Content.AppendNumber(x).Append(' ').AppendNumber(y).Append(' ').AppendNumber(width).Append(' ').AppendNumber(height).Append(" re\n");
    }

    public void StrokePath(Colour colour, double lineWidth)
    {
        SetStroke(colour, lineWidth);
        Content.Append("S\n");
    }

    public void Line(double x1, double y1, double x2, double y2, Colour colour, double lineWidth)
    {
        Prepare(text: false);
        SetStroke(colour, lineWidth);
        Content.AppendNumber(x1).Append(' ').AppendNumber(y1).Append(" m ").AppendNumber(x2).Append(' ').AppendNumber(y2).Append(" l S\n");
    }

    public void Image(string name, double x, double y, double width, double height)
    {
        Prepare(text: false);
        Content.Append("q ").AppendNumber(width).Append(" 0 0 ").AppendNumber(height).Append(' ')
            .AppendNumber(x).Append(' ').AppendNumber(y).Append(" cm /").Append(name).Append(" Do Q\n");
    }

    /// <summary>
    /// Draws one broken line of text whose line box starts at <paramref name="top"/>, aligned within
    /// [<paramref name="left"/>, <paramref name="left"/> + <paramref name="width"/>].
    /// </summary>
    public void TextLine(GlyphRun run, Line line, double left, double width, double top, TextStyle style)
    {
        var x = style.Alignment switch
        {
            TextAlignment.Centre => left + ((width - line.Width) / 2),
            TextAlignment.Right => left + width - line.Width,
            _ => left,
        };
        var extraPerSpace = style.Alignment == TextAlignment.Justified && !line.EndsParagraph && line.Spaces > 0 && line.Width < width
            ? (width - line.Width) / line.Spaces
            : 0;
        Glyphs(run, line.Start, line.End, x, Baseline(run, top, style), style, extraPerSpace);
    }

    /// <summary>The baseline of a line box starting at <paramref name="top"/>: the leading is shared above and below the glyphs.</summary>
    public static double Baseline(GlyphRun run, double top, TextStyle style)
    {
        var font = run.Font.Font;
        var ascent = font.Ascender / (double)font.UnitsPerEm * style.Size;
        var descent = -font.Descender / (double)font.UnitsPerEm * style.Size;
        return top - ((style.LineHeight - ascent - descent) / 2) - ascent;
    }

    private void Glyphs(GlyphRun run, int start, int end, double x, double baseline, TextStyle style, double extraPerSpace)
    {
        if (end <= start)
        {
            return;
        }

        SetFill(style.Colour);
        Prepare(text: true);

        // The font is part of the graphics state, so it stays set across text objects.
        if (_font != run.Font.ResourceName || _fontSize != style.Size)
        {
            _font = run.Font.ResourceName;
            _fontSize = style.Size;
            Content.Append('/').Append(_font).Append(' ').AppendNumber(_fontSize).Append(" Tf\n");
        }

        Content.AppendNumber(x - _lineX).Append(' ').AppendNumber(baseline - _lineY).Append(" Td ");
        _lineX = x;
        _lineY = baseline;

        var cids = run.Cids;
        var kinds = run.Kinds;
        // TJ adjustments are in thousandths of the font size and move left when positive; Tw cannot be
        // used because it only widens the single-byte code 32, which two-byte CID encodings never use.
        var adjustment = -extraPerSpace * 1000 / style.Size;
        Content.Append(adjustment != 0 ? "[(" : "(");
        for (var i = start; i < end; i++)
        {
            if (kinds[i] == GlyphKind.LineBreak)
            {
                continue;
            }

            Content.AppendStringCode(cids[i]);
            if (adjustment != 0 && kinds[i] == GlyphKind.Space)
            {
                Content.Append(')').AppendNumber(adjustment).Append('(');
            }
        }

        Content.Append(adjustment != 0 ? ")] TJ\n" : ") Tj\n");
    }

    /// <summary>Closes the open text object and marked-content sequence, if any: the page is complete.</summary>
    public void Finish()
    {
        EndText();
        CloseMarked();
    }

    /// <summary>
    /// Gets the content stream ready for text (<paramref name="text"/> true) or for anything else: opens or closes the
    /// text object, and closes the open marked-content sequence and opens one for <see cref="Owner"/> if they differ.
    /// </summary>
    private void Prepare(bool text)
    {
        if (!text)
        {
            EndText();
        }

        if (_open is not null && !ReferenceEquals(_open, Owner))
        {
            if (!_openInText)
            {
                EndText();
            }

            CloseMarked();
        }

        if (text && !_inText)
        {
            Content.Append("BT\n");
            _inText = true;
            _lineX = 0;
            _lineY = 0;
        }

        if (_open is null)
        {
            OpenMarked();
        }
    }

    private void OpenMarked()
    {
        switch (Owner)
        {
            case StructureElement element:
                var mcid = Marked.Count;
                Marked.Add(element);
                element.Kids.Add(new MarkedContent(Index, mcid));
                Content.Append('/').Append(element.Type).Append(" <</MCID ").Append(mcid).Append(">> BDC\n");
                break;
            case Artifact artifact:
                Content.Append(artifact.Operator);
                break;
            default:
                throw new InvalidOperationException("Content was drawn without saying what it belongs to.");
        }

        _open = Owner;
        _openInText = _inText;
    }

    private void CloseMarked()
    {
        if (_open is not null)
        {
            Content.Append("EMC\n");
            _open = null;
        }
    }

    /// <summary>Closes the open text object, if any, and first the marked-content sequence opened inside it.</summary>
    private void EndText()
    {
        if (_inText)
        {
            if (_openInText)
            {
                CloseMarked();
            }

            Content.Append("ET\n");
            _inText = false;
        }
    }

    private void SetFill(Colour colour)
    {
        if (colour == _fill)
        {
            return;
        }

        _fill = colour;
        AppendColour(colour).Append(" rg\n");
    }

    private void SetStroke(Colour colour, double lineWidth)
    {
        if (colour != _stroke)
        {
            _stroke = colour;
            AppendColour(colour).Append(" RG\n");
        }

        if (lineWidth != _lineWidth)
        {
            _lineWidth = lineWidth;
            Content.AppendNumber(lineWidth).Append(" w\n");
        }
    }

    private ByteBuffer AppendColour(Colour colour) =>
        Content.AppendNumber(colour.Red / 255.0).Append(' ').AppendNumber(colour.Green / 255.0).Append(' ').AppendNumber(colour.Blue / 255.0);
}
