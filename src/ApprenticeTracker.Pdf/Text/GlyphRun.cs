using ApprenticeTracker.Pdf.Fonts;

namespace ApprenticeTracker.Pdf.Text;

/// <summary>How a glyph takes part in line breaking.</summary>
internal enum GlyphKind : byte
{
    Normal,

    /// <summary>A space: a line may break after it, and it hangs (does not count) at the end of a line.</summary>
    Space,

    /// <summary>A hyphen: a line may break after it.</summary>
    BreakAfter,

    /// <summary>A forced line break; it has no glyph and is never drawn.</summary>
    LineBreak,
}

/// <summary>Text mapped to CIDs of one font, with advance widths in thousandths of an em.</summary>
internal sealed class GlyphRun
{
    private ushort[] _cids;
    private float[] _widths;
    private GlyphKind[] _kinds;

    public GlyphRun(FontUsage font, int capacity)
    {
        Font = font;
        capacity = Math.Max(capacity, 1);
        _cids = new ushort[capacity];
        _widths = new float[capacity];
        _kinds = new GlyphKind[capacity];
    }

    public FontUsage Font { get; }

    public int Count { get; private set; }

    public ReadOnlySpan<ushort> Cids => _cids.AsSpan(0, Count);

    public ReadOnlySpan<float> Widths => _widths.AsSpan(0, Count);

    public ReadOnlySpan<GlyphKind> Kinds => _kinds.AsSpan(0, Count);

    public void Add(ushort cid, float width, GlyphKind kind)
    {
        if (Count == _cids.Length)
        {
            Array.Resize(ref _cids, Count * 2);
            Array.Resize(ref _widths, Count * 2);
            Array.Resize(ref _kinds, Count * 2);
        }

        _cids[Count] = cid;
        _widths[Count] = width;
        _kinds[Count] = kind;
        Count++;
    }

    /// <summary>The widest stretch between forced line breaks, in thousandths of an em: the width the text needs unwrapped.</summary>
    public float NaturalWidth()
    {
        float widest = 0, current = 0;
        for (var i = 0; i < Count; i++)
        {
            if (_kinds[i] == GlyphKind.LineBreak)
            {
                current = 0;
                continue;
            }

            current += _widths[i];
            widest = Math.Max(widest, current);
        }

        return widest;
    }
}
