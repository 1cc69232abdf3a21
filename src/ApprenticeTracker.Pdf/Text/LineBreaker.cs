namespace ApprenticeTracker.Pdf.Text;

/// <summary>One line of a broken run: glyphs [Start, End), trailing spaces excluded.</summary>
/// <param name="Start">First glyph of the line.</param>
/// <param name="End">One past the last glyph drawn.</param>
/// <param name="Width">Width in points of the glyphs drawn.</param>
/// <param name="Spaces">Spaces inside the line, which justification widens.</param>
/// <param name="EndsParagraph">True for the last line before a forced break or the end of the text; such lines are never justified.</param>
internal readonly record struct Line(int Start, int End, double Width, int Spaces, bool EndsParagraph);

/// <summary>
/// Greedy line breaking: a line ends at the last space or hyphen that fits; a word wider than the line
/// is broken between glyphs, and every line holds at least one glyph so that breaking always ends.
/// </summary>
internal static class LineBreaker
{
    public static List<Line> Break(GlyphRun run, double fontSize, double maxWidth)
    {
        var widths = run.Widths;
        var kinds = run.Kinds;
        var scale = fontSize / 1000.0;
        var limit = maxWidth / scale;

        // About as many lines as the text is wide over the line, so that the list is allocated once, not grown.
        var lines = new List<Line>((int)Math.Min(1024, (run.NaturalWidth() / Math.Max(limit, 1) * 1.15) + 1));
        var count = run.Count;
        var start = 0;
        while (true)
        {
            var i = start;
            double width = 0;
            var lastBreak = -1;
            var forced = false;
            while (i < count)
            {
                if (kinds[i] == GlyphKind.LineBreak)
                {
                    forced = true;
                    break;
                }

                if (kinds[i] != GlyphKind.Space && width + widths[i] > limit + 1e-6 && i > start)
                {
                    break;
                }

                width += widths[i];
                if (kinds[i] is GlyphKind.Space or GlyphKind.BreakAfter)
                {
                    lastBreak = i + 1;
                }

                i++;
            }

            int end, next;
            var endsParagraph = forced || i >= count;
            if (endsParagraph)
            {
                end = i;
                next = forced ? i + 1 : i;
            }
            else if (lastBreak > start && HasInk(kinds, start, lastBreak))
            {
                end = lastBreak;
                next = lastBreak;
            }
            else
            {
                end = i;
                next = i;
            }

            lines.Add(Measure(run, start, end, scale, endsParagraph));
            if (next >= count && !forced)
            {
                break;
            }

            start = next;
            if (!endsParagraph)
            {
                // A wrapped line's successor starts at its first word, not at the spaces that caused the wrap.
                while (start < count && kinds[start] == GlyphKind.Space)
                {
                    start++;
                }
            }

            if (start >= count && !forced)
            {
                break;
            }
        }

        return lines;
    }

    private static bool HasInk(ReadOnlySpan<GlyphKind> kinds, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (kinds[i] != GlyphKind.Space)
            {
                return true;
            }
        }

        return false;
    }

    private static Line Measure(GlyphRun run, int start, int end, double scale, bool endsParagraph)
    {
        var kinds = run.Kinds;
        while (end > start && kinds[end - 1] == GlyphKind.Space)
        {
            end--;
        }

        double width = 0;
        var spaces = 0;
        for (var i = start; i < end; i++)
        {
            width += run.Widths[i];
            if (kinds[i] == GlyphKind.Space)
            {
                spaces++;
            }
        }

        return new Line(start, end, width * scale, spaces, endsParagraph);
    }
}
