using ApprenticeTracker.Pdf.Text;
using ApprenticeTracker.Pdf.Writing;

namespace ApprenticeTracker.Pdf.Layout;

/// <summary>
/// The content stream of one page under construction, in PDF coordinates (points, origin bottom left).
/// It remembers the colours and line width last set, so each is written only when it changes.
/// </summary>
internal sealed class PageCanvas
{
    private Colour _fill = Colour.Black;
    private Colour _stroke = Colour.Black;
    private double _lineWidth = 1;

    public ByteBuffer Content { get; } = new(8192);

    public HashSet<string> Fonts { get; } = new(StringComparer.Ordinal);

    public void FillRectangle(double x, double y, double width, double height, Colour colour)
    {
        SetFill(colour);
        Content.AppendNumber(x).Append(' ').AppendNumber(y).Append(' ').AppendNumber(width).Append(' ').AppendNumber(height).Append(" re f\n");
    }

    public void StrokeRectangle(double x, double y, double width, double height, Colour colour, double lineWidth)
    {
        SetStroke(colour, lineWidth);
        Content.AppendNumber(x).Append(' ').AppendNumber(y).Append(' ').AppendNumber(width).Append(' ').AppendNumber(height).Append(" re S\n");
    }

    public void Line(double x1, double y1, double x2, double y2, Colour colour, double lineWidth)
    {
        SetStroke(colour, lineWidth);
        Content.AppendNumber(x1).Append(' ').AppendNumber(y1).Append(" m ").AppendNumber(x2).Append(' ').AppendNumber(y2).Append(" l S\n");
    }

    public void Image(string name, double x, double y, double width, double height)
    {
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
        Fonts.Add(run.Font.ResourceName);
        Content.Append("BT /").Append(run.Font.ResourceName).Append(' ').AppendNumber(style.Size).Append(" Tf ")
            .AppendNumber(x).Append(' ').AppendNumber(baseline).Append(" Td [(");
        var cids = run.Cids;
        var kinds = run.Kinds;
        // TJ adjustments are in thousandths of the font size and move left when positive; Tw cannot be
        // used because it only widens the single-byte code 32, which two-byte CID encodings never use.
        var adjustment = -extraPerSpace * 1000 / style.Size;
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

        Content.Append(")] TJ ET\n");
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
