using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using ApprenticeTracker.Pdf.Fonts;
using ApprenticeTracker.Pdf.Images;
using ApprenticeTracker.Pdf.Layout;

namespace ApprenticeTracker.Pdf.Writing;

/// <summary>
/// Writes a laid-out document as a tagged PDF 1.7 file (ISO 32000-1) meeting PDF/UA-1 (ISO 14289-1): objects in a
/// fixed order with numbers allocated in that order, the structure tree's elements packed into compressed object
/// streams, and a cross-reference stream whose /ID is a hash of everything before it, so identical input gives
/// identical bytes.
/// </summary>
internal static class PdfFileWriter
{
    private const string Producer = "ApprenticeTracker.Pdf";

    /// <summary>
    /// zlib level for page content: content is repetitive operator text, which level 2 shrinks to within
    /// about 15% of level 6 in about a third of the time (measured on the benchmark report).
    /// </summary>
    private const int ContentLevel = 2;

    /// <summary>
    /// zlib level for everything else (font programs, images): binary data, where level 4 comes within about
    /// 5% of the default level 6 in about half the time.
    /// </summary>
    private const int DefaultLevel = 4;

    /// <summary>
    /// zlib level for the structure tree's object streams: short, repetitive dictionaries, where level 2 comes within
    /// a few per cent of level 4.
    /// </summary>
    private const int StructureLevel = 2;

    public static byte[] Write(LayoutEngine engine, DocumentInfo info)
    {
        using var file = new ObjectWriter();
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
        var metadataId = file.Reserve();
        var structureRootId = file.Reserve();
        var parentTreeId = file.Reserve();

        var o = file.Begin(catalogId).Append("<< /Type /Catalog /Pages ").Ref(pagesId);
        if (outlineRoot != 0)
        {
            o.Append(" /Outlines ").Ref(outlineRoot).Append(" /PageMode /UseOutlines");
        }

        o.Append(" /Lang ").AppendTextString(info.Language).Append(" /MarkInfo << /Marked true >> /StructTreeRoot ").Ref(structureRootId)
            .Append(" /ViewerPreferences << /DisplayDocTitle true >> /Metadata ").Ref(metadataId).Append(" >>");
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
        var structure = new StructureObjects(file, structureRootId, parentTreeId, engine, pageIds);
        var packed = new (int[] Ids, int First, byte[] Data)[structure.Streams];
        Parallel.For(0, fonts.Length + packed.Length + contents.Length, i =>
        {
            if (i < fonts.Length)
            {
                subsets[i] = FontSubset.Build(fonts[i]);
            }
            else if (i < fonts.Length + packed.Length)
            {
                packed[i - fonts.Length] = structure.Pack(i - fonts.Length);
            }
            else
            {
                contents[i - fonts.Length - packed.Length] = Deflate(engine.Pages[i - fonts.Length - packed.Length].Content.Span, ContentLevel);
            }
        });

        var setup = engine.Setup;
        for (var i = 0; i < pageIds.Length; i++)
        {
            file.Begin(pageIds[i].Page).Append("<< /Type /Page /Parent ").Ref(pagesId)
                .Append(" /MediaBox [0 0 ").AppendNumber(setup.Width).Append(' ').AppendNumber(setup.Height)
                .Append("] /Resources ").Ref(resourcesId).Append(" /Contents ").Ref(pageIds[i].Content)
                .Append(" /StructParents ").Append(i).Append(" /Tabs /S >>");
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

        WriteMetadata(file, metadataId, info);
        foreach (var (ids, first, data) in packed)
        {
            var streamId = file.Reserve();
            for (var i = 0; i < ids.Length; i++)
            {
                file.InStream(ids[i], streamId, i);
            }

            file.CompressedStream(streamId, string.Create(CultureInfo.InvariantCulture, $"/Type /ObjStm /N {ids.Length} /First {first}"), data);
        }

        return file.Finish(catalogId, infoId);
    }

    /// <summary>
    /// The structure tree (PDF 1.7, 14.7): its root, the document element and everything under it in reading order,
    /// and the parent tree that leads from each page's marked content back to its element. Elements are small and
    /// many (one per table cell), so they are packed into object streams (PDF 1.7, 7.5.7) of up to
    /// <see cref="PerStream"/> objects, each serialised and compressed independently, in parallel with the pages.
    /// </summary>
    private sealed class StructureObjects
    {
        private const int PerStream = 400;
        private readonly List<StructureElement> _elements = [];
        private readonly int _rootId;
        private readonly int _parentTreeId;
        private readonly LayoutEngine _engine;
        private readonly (int Page, int Content)[] _pages;

        public StructureObjects(ObjectWriter file, int rootId, int parentTreeId, LayoutEngine engine, (int Page, int Content)[] pages)
        {
            _rootId = rootId;
            _parentTreeId = parentTreeId;
            _engine = engine;
            _pages = pages;
            Collect(engine.Document);
            foreach (var element in _elements)
            {
                element.Id = file.Reserve();
            }

            // The root and the parent tree come first, in the first stream.
            Streams = (_elements.Count + 2 + PerStream - 1) / PerStream;

            void Collect(StructureElement element)
            {
                _elements.Add(element);
                foreach (var kid in element.Kids)
                {
                    if (kid is StructureElement child)
                    {
                        Collect(child);
                    }
                }
            }
        }

        public int Streams { get; }

        /// <summary>Serialises and compresses the objects of stream <paramref name="index"/>: their numbers, where the first starts, and the compressed data.</summary>
        public (int[] Ids, int First, byte[] Data) Pack(int index)
        {
            var start = index * PerStream;
            var count = Math.Min(PerStream, _elements.Count + 2 - start);
            var ids = new int[count];
            var offsets = new int[count];
            using var body = new ByteBuffer(count * 64);
            for (var i = 0; i < count; i++)
            {
                offsets[i] = body.Length;
                var position = start + i;
                ids[i] = position switch { 0 => _rootId, 1 => _parentTreeId, _ => _elements[position - 2].Id };
                switch (position)
                {
                    case 0:
                        body.Append("<< /Type /StructTreeRoot /K ").Ref(_engine.Document.Id).Append(" /ParentTree ").Ref(_parentTreeId)
                            .Append(" /ParentTreeNextKey ").Append(_pages.Length).Append(" >>");
                        break;
                    case 1:
                        ParentTree(body);
                        break;
                    default:
                        Element(body, _elements[position - 2]);
                        break;
                }

                body.Append('\n');
            }

            using var data = new ByteBuffer(body.Length + (count * 12));
            for (var i = 0; i < count; i++)
            {
                data.Append(ids[i]).Append(' ').Append(offsets[i]).Append(' ');
            }

            var first = data.Length;
            data.Append(body.Span);
            return (ids, first, Deflate(data.Span, StructureLevel));
        }

        private void ParentTree(ByteBuffer o)
        {
            o.Append("<< /Nums [");
            foreach (var page in _engine.Pages)
            {
                o.Append(page.Index).Append(" [");
                foreach (var element in page.Marked)
                {
                    o.Ref(element.Id).Append(' ');
                }

                o.Append("] ");
            }

            o.Append("] >>");
        }

        private void Element(ByteBuffer o, StructureElement element)
        {
            // /Type /StructElem is optional (PDF 1.7, table 323) and left out: there is one of these per table cell.
            o.Append("<< /S /").Append(element.Type).Append(" /P ").Ref(element.Parent?.Id ?? _rootId);
            var kids = element.Kids;
            var pageIndex = -1;
            foreach (var kid in kids)
            {
                if (kid is MarkedContent content)
                {
                    pageIndex = content.PageIndex;
                    o.Append(" /Pg ").Ref(_pages[pageIndex].Page);
                    break;
                }
            }

            if (kids.Count > 0)
            {
                o.Append(kids.Count > 1 ? " /K [" : " /K ");
                for (var k = 0; k < kids.Count; k++)
                {
                    if (k > 0)
                    {
                        o.Append(' ');
                    }

                    switch (kids[k])
                    {
                        case StructureElement child:
                            o.Ref(child.Id);
                            break;
                        case MarkedContent { PageIndex: var kidPage, Mcid: var mcid } when kidPage == pageIndex:
                            o.Append(mcid);
                            break;
                        case MarkedContent { PageIndex: var kidPage, Mcid: var mcid }:
                            o.Append("<< /Type /MCR /Pg ").Ref(_pages[kidPage].Page).Append(" /MCID ").Append(mcid).Append(" >>");
                            break;
                    }
                }

                if (kids.Count > 1)
                {
                    o.Append(']');
                }
            }

            if (element.Alt is not null)
            {
                o.Append(" /Alt ").AppendTextString(element.Alt);
            }

            if (element.Scope is not null)
            {
                o.Append(" /A << /O /Table /Scope /").Append(element.Scope).Append(" >>");
            }

            if (element.BoundingBox is var (left, bottom, right, top))
            {
                o.Append(" /A << /O /Layout /Placement /Block /BBox [").AppendNumber(left).Append(' ').AppendNumber(bottom).Append(' ')
                    .AppendNumber(right).Append(' ').AppendNumber(top).Append("] >>");
            }

            o.Append(" >>");
        }
    }

    /// <summary>
    /// The XMP metadata packet (ISO 16684-1) that PDF/UA asks for: the title and the PDF/UA part, with the other
    /// document information repeated as it is in the information dictionary. Left uncompressed, as is usual, so that
    /// tools that do not read PDF can still find it.
    /// </summary>
    private static void WriteMetadata(ObjectWriter file, int id, DocumentInfo info)
    {
        var xml = new System.Text.StringBuilder(1024);
        xml.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
            .Append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" ")
            .Append("xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
            .Append("<pdfuaid:part>1</pdfuaid:part>\n<pdf:Producer>").Append(Producer).Append("</pdf:Producer>\n");
        if (info.Title is not null)
        {
            xml.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Xml(info.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        }

        if (info.Author is not null)
        {
            xml.Append("<dc:creator><rdf:Seq><rdf:li>").Append(Xml(info.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        }

        if (info.Subject is not null)
        {
            xml.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Xml(info.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        }

        Property("pdf:Keywords", info.Keywords);
        Property("xmp:CreatorTool", info.Creator);
        Property("xmp:CreateDate", info.CreationDate is { } created ? XmpDate(created) : null);
        Property("xmp:ModifyDate", (info.ModificationDate ?? info.CreationDate) is { } modified ? XmpDate(modified) : null);
        xml.Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        file.Stream(id, "/Type /Metadata /Subtype /XML", System.Text.Encoding.UTF8.GetBytes(xml.ToString()), compress: false);

        void Property(string name, string? value)
        {
            if (value is not null)
            {
                xml.Append('<').Append(name).Append('>').Append(Xml(value)).Append("</").Append(name).Append(">\n");
            }
        }

        static string Xml(string text) => System.Security.SecurityElement.Escape(text);

        static string XmpDate(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
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

    /// <summary>
    /// A font's subset program and ToUnicode map, compressed, and the subset's name. Documents made one after another
    /// often use the same glyphs in the same order (reports of one kind, the same report again), so the last few
    /// subsets are kept, by font and by the glyphs and characters they map, and reused: subsetting and compressing a
    /// font is the largest single cost of a short document. A subset is never changed once built.
    /// </summary>
    private sealed record FontSubset(string Name, byte[] Program, int ProgramLength, byte[] ToUnicode)
    {
        private const int Kept = 32;
        private static readonly ConcurrentDictionary<string, FontSubset> Recent = new(StringComparer.Ordinal);

        public static FontSubset Build(FontUsage usage)
        {
            var key = Key(usage);
            if (Recent.TryGetValue(key, out var subset))
            {
                return subset;
            }

            var order = TrueTypeSubsetter.GlyphOrder(usage.Font, usage.UsedGlyphs);
            var program = TrueTypeSubsetter.Build(usage.Font, order);
            subset = new FontSubset(
                SubsetTag(order) + "+" + usage.Font.PostScriptName,
                Deflate(program, DefaultLevel),
                program.Length,
                CompressedToUnicode(usage.CodePoints));
            if (Recent.Count >= Kept)
            {
                Recent.Clear();
            }

            Recent.TryAdd(key, subset);
            return subset;
        }

        /// <summary>The font's name, then each glyph used, in the order of their codes, with the character it stands for.</summary>
        private static string Key(FontUsage usage)
        {
            var glyphs = usage.UsedGlyphs;
            var codePoints = usage.CodePoints;
            var name = usage.Font.PostScriptName;
            return string.Create(name.Length + (glyphs.Count * 3), (name, glyphs, codePoints), static (span, state) =>
            {
                state.name.AsSpan().CopyTo(span);
                var i = state.name.Length;
                for (var g = 0; g < state.glyphs.Count; g++)
                {
                    span[i++] = (char)state.glyphs[g];
                    span[i++] = (char)(state.codePoints[g] >> 16);
                    span[i++] = (char)state.codePoints[g];
                }
            });
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

    private static byte[] CompressedToUnicode(IReadOnlyList<int> codePoints)
    {
        using var cmap = ToUnicode(codePoints);
        return Deflate(cmap.Span, DefaultLevel);
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
        using var dictionary = new ByteBuffer(160);
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
    private sealed class ObjectWriter : IDisposable
    {
        private const int InitialObjects = 4096;

        private readonly ByteBuffer _out = new(64 * 1024);

        /// <summary>
        /// Where each object is: its offset in the file, or (for an object in an object stream) the negated number of
        /// that stream; -1 until written.
        /// </summary>
        /// <remarks>
        /// Sized for a report of a few hundred pages, whose structure tree has thousands of elements, so that the list
        /// is not copied again and again as it grows.
        /// </remarks>
        private readonly List<long> _offsets = new(InitialObjects) { 0 };

        /// <summary>For an object in an object stream, its index there (by object number, like the offsets).</summary>
        private readonly List<ushort> _indexInStream = new(InitialObjects) { 0 };

        public ObjectWriter()
        {
            // The comment of four bytes above 127 tells transfer programs that the file is binary (PDF 1.7, 7.5.2).
            _out.Append("%PDF-1.7\n%").Append([0xE2, 0xE3, 0xCF, 0xD3]).Append((byte)'\n');
        }

        public void Dispose() => _out.Dispose();

        public int Reserve()
        {
            _offsets.Add(-1);
            _indexInStream.Add(0);
            return _offsets.Count - 1;
        }

        public ByteBuffer Buffer => _out;

        /// <summary>Records that object <paramref name="id"/> is the <paramref name="index"/>th of object stream <paramref name="streamId"/>.</summary>
        public void InStream(int id, int streamId, int index)
        {
            _offsets[id] = -streamId;
            _indexInStream[id] = checked((ushort)index);
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

        /// <summary>
        /// Writes the cross-reference stream (PDF 1.7, 7.5.8), which, unlike a table, can point into object streams,
        /// and the end of the file. Each entry is a type byte, four bytes of offset or object stream number, and two
        /// of generation or index.
        /// </summary>
        public byte[] Finish(int catalogId, int infoId)
        {
            var xrefId = Reserve();
            _offsets[xrefId] = _out.Length;
            if (_offsets.Skip(1).Any(offset => offset == -1))
            {
                throw new InvalidOperationException("An object number was reserved but never written.");
            }

            var id = SHA256.HashData(_out.Span)[..16];
            var entries = new byte[_offsets.Count * 7];
            entries[5] = 0xFF;
            entries[6] = 0xFF;
            for (var i = 1; i < _offsets.Count; i++)
            {
                var entry = entries.AsSpan(i * 7, 7);
                var inStream = _offsets[i] < 0;
                entry[0] = inStream ? (byte)2 : (byte)1;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(entry[1..], (uint)Math.Abs(_offsets[i]));
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(entry[5..], inStream ? _indexInStream[i] : (ushort)0);
            }

            var xref = _out.Length;
            var deflated = Deflate(entries, DefaultLevel);
            _out.Append(xrefId).Append(" 0 obj\n<< /Type /XRef /Size ").Append(_offsets.Count).Append(" /W [1 4 2] /Root ").Append(catalogId)
                .Append(" 0 R /Info ").Append(infoId).Append(" 0 R /ID [<");
            foreach (var b in id)
            {
                _out.AppendHexByte(b);
            }

            _out.Append("> <");
            foreach (var b in id)
            {
                _out.AppendHexByte(b);
            }

            _out.Append(">] /Filter /FlateDecode /Length ").Append(deflated.Length).Append(" >>\nstream\n").Append(deflated)
                .Append("\nendstream\nendobj\nstartxref\n").Append(xref).Append("\n%%EOF\n");
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
