using System.Buffers.Binary;
using System.Text;
using ApprenticeTracker.Pdf.Writing;

namespace ApprenticeTracker.Pdf.Fonts;

/// <summary>
/// Builds a TrueType font holding only the given glyphs, renumbered in the order given, followed by
/// any glyphs that composite glyphs are built from (component references are rewritten to the new
/// numbers). The result carries the tables a PDF CIDFontType2 program needs (PDF 1.7, 9.9: head,
/// hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm) plus OS/2 and a table-less post; cmap and name are
/// left out because a CID font with an Identity CIDToGIDMap addresses glyphs directly.
/// </summary>
internal static class TrueTypeSubsetter
{
    private static readonly string[] CopiedTables = ["OS/2", "cvt ", "fpgm", "prep"];

    /// <summary>
    /// The glyph order of the subset: .notdef, then <paramref name="glyphs"/> (duplicates ignored), then
    /// components of composite glyphs not already present. The new glyph id is the index in this list.
    /// </summary>
    public static List<ushort> GlyphOrder(TrueTypeFont font, IEnumerable<ushort> glyphs)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(glyphs);
        var order = new List<ushort> { 0 };
        var seen = new HashSet<ushort> { 0 };
        foreach (var glyph in glyphs)
        {
            if (glyph >= font.GlyphCount)
            {
                throw new ArgumentOutOfRangeException(nameof(glyphs), glyph, "The font has no glyph with this id.");
            }

            if (seen.Add(glyph))
            {
                order.Add(glyph);
            }
        }

        // Components can themselves be composites, so keep scanning the growing list.
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var component in font.ComponentsOf(order[i]))
            {
                if (component < font.GlyphCount && seen.Add(component))
                {
                    order.Add(component);
                }
            }
        }

        return order;
    }

    /// <summary>Writes the subset font file for a glyph order made by <see cref="GlyphOrder"/>.</summary>
    public static byte[] Build(TrueTypeFont font, IReadOnlyList<ushort> order)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(order);
        var newIds = new Dictionary<ushort, ushort>(order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            newIds[order[i]] = (ushort)i;
        }

        var glyf = new ByteBuffer(order.Count * 128);
        var loca = new byte[(order.Count + 1) * 4];
        var hmtx = new byte[order.Count * 4];
        for (var i = 0; i < order.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(i * 4), (uint)glyf.Length);
            var old = order[i];
            var data = font.GlyphData(old);
            var start = glyf.Length;
            glyf.Append(data);
            RenumberComponents(glyf, start, data, newIds);
            while (glyf.Length % 4 != 0)
            {
                glyf.Append(0);
            }

            BinaryPrimitives.WriteUInt16BigEndian(hmtx.AsSpan(i * 4), font.Advance(old));
            BinaryPrimitives.WriteInt16BigEndian(hmtx.AsSpan((i * 4) + 2), font.LeftSideBearing(old));
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(order.Count * 4), (uint)glyf.Length);

        var head = font.TableData("head").ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);

        var hhea = font.TableData("hhea").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)order.Count);

        var maxp = font.TableData("maxp").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)order.Count);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = glyf.ToArray(),
            ["head"] = head,
            ["hhea"] = hhea,
            ["hmtx"] = hmtx,
            ["loca"] = loca,
            ["maxp"] = maxp,
            ["post"] = PostFormat3(font),
        };
        foreach (var tag in CopiedTables)
        {
            if (font.HasTable(tag))
            {
                tables[tag] = font.TableData(tag).ToArray();
            }
        }

        return Assemble(tables);
    }

    private static void RenumberComponents(ByteBuffer glyf, int start, ReadOnlySpan<byte> data, Dictionary<ushort, ushort> newIds)
    {
        var offsets = TrueTypeFont.CompositeComponentOffsets(data);
        if (offsets.Count == 0)
        {
            return;
        }

        var copy = data.ToArray();
        foreach (var offset in offsets)
        {
            var old = BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(offset + 2));
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(offset + 2), newIds.TryGetValue(old, out var id) ? id : (ushort)0);
        }

        glyf.Truncate(start);
        glyf.Append(copy);
    }

    /// <summary>A post table of format 3: metrics from the original, no glyph names.</summary>
    private static byte[] PostFormat3(TrueTypeFont font)
    {
        var post = new byte[32];
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);
        if (font.HasTable("post"))
        {
            font.TableData("post")[4..16].CopyTo(post.AsSpan(4));
        }

        return post;
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = (1 << entrySelector) * 16;
        var headerLength = 12 + (count * 16);
        var total = headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var file = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(file, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(10), (ushort)((count * 16) - searchRange));

        var record = 12;
        var offset = headerLength;
        var headOffset = -1;
        foreach (var (tag, data) in tables)
        {
            Encoding.ASCII.GetBytes(tag, file.AsSpan(record, 4));
            data.CopyTo(file.AsSpan(offset));
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(record + 4), Checksum(file.AsSpan(offset, (data.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(record + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(record + 12), (uint)data.Length);
            if (tag == "head")
            {
                headOffset = offset;
            }

            record += 16;
            offset += (data.Length + 3) & ~3;
        }

        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(file)));
        return file;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (i < data.Length)
        {
            Span<byte> tail = stackalloc byte[4];
            tail.Clear();
            data[i..].CopyTo(tail);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(tail));
        }

        return sum;
    }
}
