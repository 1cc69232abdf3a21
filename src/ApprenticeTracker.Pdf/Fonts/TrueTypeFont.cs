using System.Buffers.Binary;
using System.Text;

namespace ApprenticeTracker.Pdf.Fonts;

/// <summary>
/// The parts of a TrueType (glyf-outline) font that a PDF writer needs: character to glyph mapping,
/// advance widths, vertical metrics, glyph outlines and the raw tables to copy into a subset.
/// Parsing validates offsets, so a malformed font fails here with <see cref="InvalidDataException"/>
/// rather than producing a corrupt PDF later. Instances are immutable and safe to share between threads.
/// </summary>
internal sealed class TrueTypeFont
{
    private readonly byte[] _data;
    private readonly Dictionary<string, (int Offset, int Length)> _tables = new(StringComparer.Ordinal);
    private readonly ushort[] _bmpToGlyph = new ushort[0x10000];
    private readonly Dictionary<int, ushort> _supplementaryToGlyph = [];
    private readonly ushort[] _advances;
    private readonly short[] _leftSideBearings;
    private readonly float[] _widths;
    private readonly uint[] _glyphOffsets;

    public TrueTypeFont(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        try
        {
            ReadTableDirectory();
            var head = Table("head");
            UnitsPerEm = ReadU16(head.Offset + 18);
            if (UnitsPerEm is < 16 or > 16384)
            {
                throw new InvalidDataException("The font's unitsPerEm is out of range.");
            }

            BoundingBox = (ReadI16(head.Offset + 36), ReadI16(head.Offset + 38), ReadI16(head.Offset + 40), ReadI16(head.Offset + 42));
            var longLoca = ReadI16(head.Offset + 50) == 1;

            GlyphCount = ReadU16(Table("maxp").Offset + 4);
            var hhea = Table("hhea");
            Ascender = ReadI16(hhea.Offset + 4);
            Descender = ReadI16(hhea.Offset + 6);
            LineGap = ReadI16(hhea.Offset + 8);
            var metricCount = ReadU16(hhea.Offset + 34);
            if (metricCount == 0 || metricCount > GlyphCount)
            {
                throw new InvalidDataException("The font's numberOfHMetrics is out of range.");
            }

            (_advances, _leftSideBearings) = ReadHorizontalMetrics(metricCount);
            _widths = [.. _advances.Select(advance => advance * 1000f / UnitsPerEm)];
            _glyphOffsets = ReadLocations(longLoca);
            ReadCharacterMap();
            ReadOs2();
            PostScriptName = ReadPostScriptName() ?? "Font";
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new InvalidDataException("The font file is truncated or malformed.", e);
        }
    }

    public int UnitsPerEm { get; }

    public int GlyphCount { get; }

    public short Ascender { get; }

    public short Descender { get; }

    public short LineGap { get; }

    public short CapHeight { get; private set; }

    /// <summary>OS/2 fsType: bit 1 set alone means the font may not be embedded.</summary>
    public ushort EmbeddingFlags { get; private set; }

    public (short XMin, short YMin, short XMax, short YMax) BoundingBox { get; }

    public string PostScriptName { get; }

    public IReadOnlyCollection<string> TableTags => _tables.Keys;

    /// <summary>The glyph for a Unicode scalar value, or 0 (.notdef) when the font has none.</summary>
    public ushort GlyphFor(int codePoint)
    {
        if ((uint)codePoint < 0x10000)
        {
            return _bmpToGlyph[codePoint];
        }

        return _supplementaryToGlyph.TryGetValue(codePoint, out var glyph) ? glyph : (ushort)0;
    }

    /// <summary>Advance width in font units.</summary>
    public ushort Advance(int glyph) => _advances[glyph];

    public short LeftSideBearing(int glyph) => _leftSideBearings[glyph];

    /// <summary>Advance width in thousandths of an em, the unit of PDF glyph space and of /W arrays.</summary>
    public float Width(int glyph) => _widths[glyph];

    /// <summary>The raw glyf entry of a glyph (empty for glyphs without outline, such as space).</summary>
    public ReadOnlySpan<byte> GlyphData(int glyph)
    {
        var glyf = Table("glyf");
        var start = _glyphOffsets[glyph];
        var end = _glyphOffsets[glyph + 1];
        return _data.AsSpan(glyf.Offset + (int)start, (int)(end - start));
    }

    /// <summary>The glyphs a composite glyph is built from (empty for a simple glyph).</summary>
    public IReadOnlyList<ushort> ComponentsOf(int glyph)
    {
        var data = GlyphData(glyph);
        var components = new List<ushort>();
        foreach (var offset in CompositeComponentOffsets(data))
        {
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]));
        }

        return components;
    }

    public bool HasTable(string tag) => _tables.ContainsKey(tag);

    public ReadOnlySpan<byte> TableData(string tag)
    {
        var (offset, length) = Table(tag);
        return _data.AsSpan(offset, length);
    }

    /// <summary>
    /// Offsets, within a glyf entry, of each component record of a composite glyph. Each record starts
    /// with flags (uint16) and the component's glyph index (uint16).
    /// </summary>
    internal static List<int> CompositeComponentOffsets(ReadOnlySpan<byte> glyph)
    {
        const int ArgsAreWords = 0x0001, HasScale = 0x0008, MoreComponents = 0x0020, HasXyScale = 0x0040, HasTwoByTwo = 0x0080;
        var offsets = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return offsets;
        }

        var position = 10;
        int flags;
        do
        {
            if (position + 4 > glyph.Length)
            {
                throw new InvalidDataException("A composite glyph record is truncated.");
            }

            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[position..]);
            offsets.Add(position);
            position += 4;
            position += (flags & ArgsAreWords) != 0 ? 4 : 2;
            if ((flags & HasScale) != 0)
            {
                position += 2;
            }
            else if ((flags & HasXyScale) != 0)
            {
                position += 4;
            }
            else if ((flags & HasTwoByTwo) != 0)
            {
                position += 8;
            }
        }
        while ((flags & MoreComponents) != 0);

        return offsets;
    }

    private (int Offset, int Length) Table(string tag) =>
        _tables.TryGetValue(tag, out var table) ? table : throw new InvalidDataException($"The font has no '{tag}' table.");

    private void ReadTableDirectory()
    {
        var version = ReadU32(0);
        if (version != 0x00010000 && version != 0x74727565)
        {
            throw new InvalidDataException("Not a TrueType font (only glyf outlines are supported).");
        }

        var count = ReadU16(4);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + (i * 16);
            var tag = Encoding.ASCII.GetString(_data, record, 4);
            var offset = (int)ReadU32(record + 8);
            var length = (int)ReadU32(record + 12);
            if (offset < 0 || length < 0 || (long)offset + length > _data.Length)
            {
                throw new InvalidDataException($"The font's '{tag}' table lies outside the file.");
            }

            _tables[tag] = (offset, length);
        }

        foreach (var required in new[] { "head", "hhea", "maxp", "hmtx", "loca", "glyf" })
        {
            Table(required);
        }
    }

    private (ushort[] Advances, short[] Bearings) ReadHorizontalMetrics(int metricCount)
    {
        var hmtx = Table("hmtx");
        var advances = new ushort[GlyphCount];
        var bearings = new short[GlyphCount];
        for (var i = 0; i < GlyphCount; i++)
        {
            if (i < metricCount)
            {
                advances[i] = ReadU16(hmtx.Offset + (i * 4));
                bearings[i] = ReadI16(hmtx.Offset + (i * 4) + 2);
            }
            else
            {
                advances[i] = advances[metricCount - 1];
                bearings[i] = ReadI16(hmtx.Offset + (metricCount * 4) + ((i - metricCount) * 2));
            }
        }

        return (advances, bearings);
    }

    private uint[] ReadLocations(bool longFormat)
    {
        var loca = Table("loca");
        var glyf = Table("glyf");
        var offsets = new uint[GlyphCount + 1];
        for (var i = 0; i <= GlyphCount; i++)
        {
            offsets[i] = longFormat ? ReadU32(loca.Offset + (i * 4)) : (uint)(ReadU16(loca.Offset + (i * 2)) * 2);
            if (offsets[i] > glyf.Length || (i > 0 && offsets[i] < offsets[i - 1]))
            {
                throw new InvalidDataException("The font's loca table is inconsistent with its glyf table.");
            }
        }

        return offsets;
    }

    /// <summary>Reads the Unicode character map. A font without one (such as a subset made for PDF) maps no characters.</summary>
    private void ReadCharacterMap()
    {
        if (!_tables.TryGetValue("cmap", out var cmap))
        {
            return;
        }

        var count = ReadU16(cmap.Offset + 2);
        int best = -1, bestScore = 0;
        for (var i = 0; i < count; i++)
        {
            var record = cmap.Offset + 4 + (i * 8);
            var platform = ReadU16(record);
            var encoding = ReadU16(record + 2);
            var offset = cmap.Offset + (int)ReadU32(record + 4);
            var format = ReadU16(offset);
            var score = (platform, encoding, format) switch
            {
                (3, 10, 12) => 4,
                (0, _, 12) => 3,
                (3, 1, 4) => 2,
                (0, _, 4) => 1,
                _ => 0,
            };
            if (score > bestScore)
            {
                (best, bestScore) = (offset, score);
            }
        }

        if (best < 0)
        {
            throw new InvalidDataException("The font has no Unicode character map.");
        }

        if (ReadU16(best) == 12)
        {
            ReadFormat12(best);
        }
        else
        {
            ReadFormat4(best);
        }
    }

    private void ReadFormat4(int offset)
    {
        var segments = ReadU16(offset + 6) / 2;
        var ends = offset + 14;
        var starts = ends + (segments * 2) + 2;
        var deltas = starts + (segments * 2);
        var rangeOffsets = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            var end = ReadU16(ends + (s * 2));
            var start = ReadU16(starts + (s * 2));
            var delta = ReadU16(deltas + (s * 2));
            var rangeOffset = ReadU16(rangeOffsets + (s * 2));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var address = rangeOffsets + (s * 2) + rangeOffset + ((c - start) * 2);
                    glyph = ReadU16(address);
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }

                Map(c, glyph);
            }
        }
    }

    private void ReadFormat12(int offset)
    {
        var groups = ReadU32(offset + 12);
        for (var g = 0; g < groups; g++)
        {
            var record = offset + 16 + (g * 12);
            var start = ReadU32(record);
            var end = Math.Min(ReadU32(record + 4), 0x10FFFF);
            var glyph = ReadU32(record + 8);
            for (var c = start; c <= end; c++, glyph++)
            {
                Map((int)c, (int)glyph);
            }
        }
    }

    private void Map(int codePoint, int glyph)
    {
        if (glyph <= 0 || glyph >= GlyphCount)
        {
            return;
        }

        if (codePoint < 0x10000)
        {
            _bmpToGlyph[codePoint] = (ushort)glyph;
        }
        else
        {
            _supplementaryToGlyph[codePoint] = (ushort)glyph;
        }
    }

    private void ReadOs2()
    {
        if (!_tables.TryGetValue("OS/2", out var os2))
        {
            CapHeight = Ascender;
            return;
        }

        var version = ReadU16(os2.Offset);
        EmbeddingFlags = ReadU16(os2.Offset + 8);
        CapHeight = version >= 2 && os2.Length >= 90 ? ReadI16(os2.Offset + 88) : Ascender;
    }

    private string? ReadPostScriptName()
    {
        if (!_tables.TryGetValue("name", out var name))
        {
            return null;
        }

        var count = ReadU16(name.Offset + 2);
        var strings = name.Offset + ReadU16(name.Offset + 4);
        for (var i = 0; i < count; i++)
        {
            var record = name.Offset + 6 + (i * 12);
            var platform = ReadU16(record);
            var nameId = ReadU16(record + 6);
            if (nameId != 6)
            {
                continue;
            }

            var length = ReadU16(record + 8);
            var start = strings + ReadU16(record + 10);
            var text = platform is 0 or 3
                ? Encoding.BigEndianUnicode.GetString(_data, start, length)
                : Encoding.Latin1.GetString(_data, start, length);
            var clean = new string(text.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
            if (clean.Length > 0)
            {
                return clean;
            }
        }

        return null;
    }

    private ushort ReadU16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(offset, 2));

    private short ReadI16(int offset) => BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(offset, 2));

    private uint ReadU32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(offset, 4));
}
