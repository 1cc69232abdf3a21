using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using ApprenticeTracker.Pdf.Fonts;
using ApprenticeTracker.Pdf.Images;
using ApprenticeTracker.Pdf.Layout;

namespace ApprenticeTracker.Pdf.Writing;

/// <summary>
/// Writes a laid-out document as a PDF 1.7 file (ISO 32000-1): objects in a fixed order with numbers
/// allocated in that order, a classic cross-reference table, and a trailer whose /ID is a hash of
/// everything before it, so identical input gives identical bytes.
/// </summary>
internal static class PdfFileWriter
{
    private const string Producer = "ApprenticeTracker.Pdf";

    /// <summary>
    /// zlib level for page content: content is repetitive operator text, which level 3 already shrinks
    /// nearly as well as level 6 at about half the time.
    /// </summary>
    private const int ContentLevel = 3;

    /// <summary>zlib level for everything else (font programs, images): binary data that gains from the default level.</summary>
    private const int DefaultLevel = 6;

    public static byte[] Write(LayoutEngine engine, DocumentInfo info)
    {
        var file = new ObjectWriter();
        var catalogId = file.Reserve();
        var pagesId = file.Reserve();
        var resourcesId = file.Reserve();
        var infoId = file.Reserve();
        var pageIds = new (int Page, int Content)[engine.Pages.Count];
        for (var i = 0; i < pageIds.Length; i++)
        {
            pageIds[i] = (file.Reserve(), file.Reserve());
        }

        FontUsage[] fonts = [.. new[] { engine.Regular, engine.Bold }.Where(f => f.IsUsed)];
        var fontIds = fonts.Select(_ => file.Reserve()).ToArray();
        var imageIds = engine.Images.Select(_ => file.Reserve()).ToArray();
        var outlineRoot = engine.Outline.Count > 0 ? file.Reserve() : 0;
        var outlineIds = engine.Outline.Select(_ => file.Reserve()).ToArray();

        var o = file.Begin(catalogId).Append("<< /Type /Catalog /Pages ").Ref(pagesId);
        if (outlineRoot != 0)
        {
            o.Append(" /Outlines ").Ref(outlineRoot).Append(" /PageMode /UseOutlines");
        }

        o.Append(" >>");
        file.End();

        o = file.Begin(pagesId).Append("<< /Type /Pages /Count ").Append(pageIds.Length).Append(" /Kids [");
        foreach (var (page, _) in pageIds)
        {
            o.Ref(page).Append(' ');
        }

        o.Append("] >>");
        file.End();

        // Subsetting and compression are most of the cost of writing; pages and fonts are independent, so
        // they are prepared in parallel. Each stream's bytes depend only on its own content, so output
        // stays deterministic.
        var contents = new byte[pageIds.Length][];
        var subsets = new FontSubset[fonts.Length];
        Parallel.For(0, contents.Length + fonts.Length, i =>
        {
            if (i < fonts.Length)
            {
                subsets[i] = FontSubset.Build(fonts[i]);
            }
            else
            {
                contents[i - fonts.Length] = Deflate(engine.Pages[i - fonts.Length].Content.Span, ContentLevel);
            }
        });

        var setup = engine.Setup;
        for (var i = 0; i < pageIds.Length; i++)
        {
            file.Begin(pageIds[i].Page).Append("<< /Type /Page /Parent ").Ref(pagesId)
                .Append(" /MediaBox [0 0 ").AppendNumber(setup.Width).Append(' ').AppendNumber(setup.Height)
                .Append("] /Resources ").Ref(resourcesId).Append(" /Contents ").Ref(pageIds[i].Content).Append(" >>");
            file.End();
            file.CompressedStream(pageIds[i].Content, string.Empty, contents[i]);
        }

        o = file.Begin(resourcesId).Append("<< /ProcSet [/PDF /Text /ImageB /ImageC]");
        if (fonts.Length > 0)
        {
            o.Append(" /Font <<");
            for (var i = 0; i < fonts.Length; i++)
            {
                o.Append(" /").Append(fonts[i].ResourceName).Append(' ').Ref(fontIds[i]);
            }

            o.Append(" >>");
        }

        if (imageIds.Length > 0)
        {
            o.Append(" /XObject <<");
            for (var i = 0; i < imageIds.Length; i++)
            {
                o.Append(" /Im").Append(i + 1).Append(' ').Ref(imageIds[i]);
            }

            o.Append(" >>");
        }

        o.Append(" >>");
        file.End();

        WriteInfo(file, infoId, info);
        for (var i = 0; i < fonts.Length; i++)
        {
            WriteFont(file, fontIds[i], fonts[i], subsets[i]);
        }

        for (var i = 0; i < imageIds.Length; i++)
        {
            WriteImage(file, imageIds[i], engine.Images[i]);
        }

        if (outlineRoot != 0)
        {
            WriteOutline(file, outlineRoot, outlineIds, engine.Outline, pageIds, engine.Left);
        }

        return file.Finish(catalogId, infoId);
    }

    private static void WriteInfo(ObjectWriter file, int id, DocumentInfo info)
    {
        var o = file.Begin(id).Append("<< /Producer (").Append(Producer).Append(')');
        Text("Title", info.Title);
        Text("Author", info.Author);
        Text("Subject", info.Subject);
        Text("Keywords", info.Keywords);
        Text("Creator", info.Creator);
        if (info.CreationDate is { } created)
        {
            o.Append(" /CreationDate ").AppendTextString(PdfStrings.Date(created));
        }

        if ((info.ModificationDate ?? info.CreationDate) is { } modified)
        {
            o.Append(" /ModDate ").AppendTextString(PdfStrings.Date(modified));
        }

        o.Append(" >>");
        file.End();

        void Text(string key, string? value)
        {
            if (value is not null)
            {
                o.Append(" /").Append(key).Append(' ').AppendTextString(value);
            }
        }
    }

    private static void WriteFont(ObjectWriter file, int type0Id, FontUsage usage, FontSubset subset)
    {
        var font = usage.Font;
        var name = subset.Name;
        var cidFontId = file.Reserve();
        var descriptorId = file.Reserve();
        var programId = file.Reserve();
        var toUnicodeId = file.Reserve();
        double Scale(double units) => units * 1000 / font.UnitsPerEm;

        file.Begin(type0Id).Append("<< /Type /Font /Subtype /Type0 /BaseFont /").Append(name)
            .Append(" /Encoding /Identity-H /DescendantFonts [").Ref(cidFontId).Append("] /ToUnicode ").Ref(toUnicodeId).Append(" >>");
        file.End();

        var o = file.Begin(cidFontId).Append("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /").Append(name)
            .Append(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ").Ref(descriptorId)
            .Append(" /CIDToGIDMap /Identity /DW ").AppendNumber(usage.Width(0)).Append(" /W [0 [");
        o.AppendNumber(usage.Width(0));
        foreach (var glyph in usage.UsedGlyphs)
        {
            o.Append(' ').AppendNumber(usage.Width(glyph));
        }

        o.Append("]] >>");
        file.End();

        var box = font.BoundingBox;
        file.Begin(descriptorId).Append("<< /Type /FontDescriptor /FontName /").Append(name)
            .Append(" /Flags 32 /FontBBox [").AppendNumber(Scale(box.XMin)).Append(' ').AppendNumber(Scale(box.YMin)).Append(' ')
            .AppendNumber(Scale(box.XMax)).Append(' ').AppendNumber(Scale(box.YMax))
            .Append("] /ItalicAngle 0 /Ascent ").AppendNumber(Scale(font.Ascender)).Append(" /Descent ").AppendNumber(Scale(font.Descender))
            .Append(" /CapHeight ").AppendNumber(Scale(font.CapHeight)).Append(" /StemV 80 /FontFile2 ").Ref(programId).Append(" >>");
        file.End();

        file.CompressedStream(programId, "/Length1 " + subset.ProgramLength.ToString(CultureInfo.InvariantCulture), subset.Program);
        file.CompressedStream(toUnicodeId, string.Empty, subset.ToUnicode);
    }

    /// <summary>A font's subset program and ToUnicode map, compressed, and the subset's name.</summary>
    private sealed record FontSubset(string Name, byte[] Program, int ProgramLength, byte[] ToUnicode)
    {
        public static FontSubset Build(FontUsage usage)
        {
            var order = TrueTypeSubsetter.GlyphOrder(usage.Font, usage.UsedGlyphs);
            var program = TrueTypeSubsetter.Build(usage.Font, order);
            return new FontSubset(
                SubsetTag(order) + "+" + usage.Font.PostScriptName,
                Deflate(program, DefaultLevel),
                program.Length,
                Deflate(PdfFileWriter.ToUnicode(usage.CodePoints).Span, DefaultLevel));
        }
    }

    /// <summary>
    /// Six capital letters derived from the subset's glyphs (PDF 1.7, 9.6.4): different subsets of one font
    /// get different names, and the same subset always gets the same name.
    /// </summary>
    private static string SubsetTag(List<ushort> order)
    {
        var bytes = new byte[order.Count * 2];
        for (var i = 0; i < order.Count; i++)
        {
            bytes[i * 2] = (byte)(order[i] >> 8);
            bytes[(i * 2) + 1] = (byte)order[i];
        }

        var hash = SHA256.HashData(bytes);
        return string.Create(6, hash, (span, h) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('A' + (h[i] % 26));
            }
        });
    }

    private static ByteBuffer ToUnicode(IReadOnlyList<int> codePoints)
    {
        var cmap = new ByteBuffer(256 + (codePoints.Count * 24));
        cmap.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        // A bfchar section holds at most 100 entries (PDF 1.7, 9.10.3, and the CMap specification).
        for (var start = 0; start < codePoints.Count; start += 100)
        {
            var count = Math.Min(100, codePoints.Count - start);
            cmap.Append(count).Append(" beginbfchar\n");
            for (var i = start; i < start + count; i++)
            {
                cmap.Append((byte)'<').AppendHex((ushort)(i + 1)).Append("> <");
                var codePoint = codePoints[i];
                if (codePoint >= 0x10000)
                {
                    var offset = codePoint - 0x10000;
                    cmap.AppendHex((ushort)(0xD800 + (offset >> 10))).AppendHex((ushort)(0xDC00 + (offset & 0x3FF)));
                }
                else
                {
                    cmap.AppendHex((ushort)codePoint);
                }

                cmap.Append(">\n");
            }

            cmap.Append("endbfchar\n");
        }

        cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap;
    }

    private static void WriteImage(ObjectWriter file, int id, ImageData image)
    {
        var maskId = image.Alpha is null ? 0 : file.Reserve();
        var dictionary = new ByteBuffer(160);
        dictionary.Append("/Type /XObject /Subtype /Image /Width ").Append(image.Width).Append(" /Height ").Append(image.Height)
            .Append(" /ColorSpace ").Append(image.ColourSpace).Append(" /BitsPerComponent 8");
        if (image.InvertedCmyk)
        {
            dictionary.Append(" /Decode [1 0 1 0 1 0 1 0]");
        }

        if (maskId != 0)
        {
            dictionary.Append(" /SMask ").Append(maskId).Append(" 0 R");
        }

        if (image.IsJpeg)
        {
            file.Stream(id, dictionary + " /Filter /DCTDecode", image.Data, compress: false);
        }
        else
        {
            file.Stream(id, dictionary.ToString(), image.Data);
        }

        if (image.Alpha is not null)
        {
            var mask = string.Create(CultureInfo.InvariantCulture,
                $"/Type /XObject /Subtype /Image /Width {image.Width} /Height {image.Height} /ColorSpace /DeviceGray /BitsPerComponent 8");
            file.Stream(maskId, mask, image.Alpha);
        }
    }

    private static void WriteOutline(
        ObjectWriter file, int rootId, int[] ids, List<OutlineEntry> entries, (int Page, int Content)[] pages, double left)
    {
        // Parent of each entry: the nearest earlier entry of a lower level (-1 for the root).
        var parents = new int[entries.Count];
        var stack = new Stack<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            while (stack.Count > 0 && entries[stack.Peek()].Level >= entries[i].Level)
            {
                stack.Pop();
            }

            parents[i] = stack.Count > 0 ? stack.Peek() : -1;
            stack.Push(i);
        }

        var children = new List<int>[entries.Count + 1];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = [];
        }

        for (var i = 0; i < entries.Count; i++)
        {
            children[parents[i] + 1].Add(i);
        }

        var descendants = new int[entries.Count];
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (parents[i] >= 0)
            {
                descendants[parents[i]] += descendants[i] + 1;
            }
        }

        var top = children[0];
        file.Begin(rootId).Append("<< /Type /Outlines /First ").Ref(ids[top[0]]).Append(" /Last ").Ref(ids[top[^1]])
            .Append(" /Count ").Append(entries.Count).Append(" >>");
        file.End();

        for (var i = 0; i < entries.Count; i++)
        {
            var siblings = children[parents[i] + 1];
            var position = siblings.IndexOf(i);
            var entry = entries[i];
            var o = file.Begin(ids[i]).Append("<< /Title ").AppendTextString(entry.Title)
                .Append(" /Parent ").Ref(parents[i] >= 0 ? ids[parents[i]] : rootId);
            if (position > 0)
            {
                o.Append(" /Prev ").Ref(ids[siblings[position - 1]]);
            }

            if (position < siblings.Count - 1)
            {
                o.Append(" /Next ").Ref(ids[siblings[position + 1]]);
            }

            var own = children[i + 1];
            if (own.Count > 0)
            {
                o.Append(" /First ").Ref(ids[own[0]]).Append(" /Last ").Ref(ids[own[^1]]).Append(" /Count ").Append(descendants[i]);
            }

            o.Append(" /Dest [").Ref(pages[entry.PageIndex].Page).Append(" /XYZ ").AppendNumber(left).Append(' ')
                .AppendNumber(entry.Top).Append(" null] >>");
            file.End();
        }
    }

    /// <summary>Numbers objects, records where each starts, and writes the cross-reference table and trailer.</summary>
    private sealed class ObjectWriter
    {
        private readonly ByteBuffer _out = new(64 * 1024);
        private readonly List<long> _offsets = [0];

        public ObjectWriter()
        {
            // The comment of four bytes above 127 tells transfer programs that the file is binary (PDF 1.7, 7.5.2).
            _out.Append("%PDF-1.7\n%").Append([0xE2, 0xE3, 0xCF, 0xD3]).Append((byte)'\n');
        }

        public int Reserve()
        {
            _offsets.Add(-1);
            return _offsets.Count - 1;
        }

        public ObjectWriter Begin(int id)
        {
            _offsets[id] = _out.Length;
            _out.Append(id).Append(" 0 obj\n");
            return this;
        }

        public void End() => _out.Append("\nendobj\n");

        public ObjectWriter Append(string ascii)
        {
            _out.Append(ascii);
            return this;
        }

        public ObjectWriter Append(char c)
        {
            _out.Append((byte)c);
            return this;
        }

        public ObjectWriter Append(int value)
        {
            _out.Append(value);
            return this;
        }

        public ObjectWriter AppendNumber(double value)
        {
            _out.AppendNumber(value);
            return this;
        }

        public ObjectWriter AppendTextString(string text)
        {
            _out.AppendTextString(text);
            return this;
        }

        public ObjectWriter Ref(int id)
        {
            _out.Append(id).Append(" 0 R");
            return this;
        }

        public void Stream(int id, string dictionary, ReadOnlySpan<byte> data, bool compress = true)
        {
            if (compress)
            {
                CompressedStream(id, dictionary, Deflate(data, DefaultLevel));
                return;
            }

            RawStream(id, dictionary, data);
        }

        public void CompressedStream(int id, string dictionary, ReadOnlySpan<byte> deflated) =>
            RawStream(id, dictionary + " /Filter /FlateDecode", deflated);

        private void RawStream(int id, string dictionary, ReadOnlySpan<byte> body)
        {
            Begin(id).Append("<< ").Append(dictionary).Append(" /Length ").Append(body.Length).Append(" >>\nstream\n");
            _out.Append(body);
            _out.Append("\nendstream");
            End();
        }

        public byte[] Finish(int catalogId, int infoId)
        {
            if (_offsets.Skip(1).Any(offset => offset < 0))
            {
                throw new InvalidOperationException("An object number was reserved but never written.");
            }

            var id = SHA256.HashData(_out.Span)[..16];
            var xref = _out.Length;
            _out.Append("xref\n0 ").Append(_offsets.Count).Append("\n0000000000 65535 f \n");
            for (var i = 1; i < _offsets.Count; i++)
            {
                _out.Append(_offsets[i].ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
            }

            _out.Append("trailer\n<< /Size ").Append(_offsets.Count).Append(" /Root ").Append(catalogId).Append(" 0 R /Info ")
                .Append(infoId).Append(" 0 R /ID [<");
            foreach (var b in id)
            {
                _out.AppendHexByte(b);
            }

            _out.Append("> <");
            foreach (var b in id)
            {
                _out.AppendHexByte(b);
            }

            _out.Append(">] >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
            return _out.ToArray();
        }
    }

    private static byte[] Deflate(ReadOnlySpan<byte> data, int level)
    {
        using var buffer = new MemoryStream(Math.Max(256, data.Length / 3));
        using (var zlib = new ZLibStream(buffer, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.ToArray();
    }
}
