using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ApprenticeTracker.Pdf.Tests.Support;

namespace ApprenticeTracker.Pdf.Tests;

/// <summary>Checks of the file syntax that do not need an external reader.</summary>
public class FileStructureTests
{
    private static string Latin1(byte[] pdf) => Encoding.Latin1.GetString(pdf);

    [Test]
    public void The_file_starts_with_a_pdf_1_7_header_and_a_binary_comment_and_ends_with_eof()
    {
        var pdf = DeterminismTests.Report().Render().Content;

        Assert.Multiple(() =>
        {
            Assert.That(Latin1(pdf[..9]), Is.EqualTo("%PDF-1.7\n"));
            Assert.That(pdf[10..14], Has.All.GreaterThan(127));
            Assert.That(Latin1(pdf), Does.EndWith("%%EOF\n"));
        });
    }

    [Test]
    public void Every_cross_reference_entry_points_at_its_object()
    {
        var pdf = DeterminismTests.Report().Render().Content;
        var text = Latin1(pdf);

        // A cross-reference stream: entries of a type byte, four bytes of offset (or object stream), two of index.
        var startxref = int.Parse(Regex.Match(text, @"startxref\n(\d+)\n%%EOF\n$").Groups[1].Value);
        var header = Regex.Match(text[startxref..], @"^(\d+) 0 obj\n<< /Type /XRef /Size (\d+) /W \[1 4 2\] .* /Length (\d+) >>\nstream\n");
        Assert.That(header.Success, Is.True, "startxref points at a cross-reference stream");
        var count = int.Parse(header.Groups[2].Value);
        var start = startxref + header.Length;
        using var zlib = new ZLibStream(new MemoryStream(pdf[start..(start + int.Parse(header.Groups[3].Value))]), CompressionMode.Decompress);
        using var entries = new MemoryStream();
        zlib.CopyTo(entries);
        var table = entries.ToArray();
        long Field(int id, int offset, int length) => table.Skip((id * 7) + offset).Take(length).Aggregate(0L, (value, b) => (value << 8) | b);

        Assert.That(table, Has.Length.EqualTo(count * 7));
        Assert.That(Field(0, 0, 1), Is.Zero, "object 0 is free");
        Assert.Multiple(() =>
        {
            var inStreams = 0;
            for (var id = 1; id < count; id++)
            {
                if (Field(id, 0, 1) == 1)
                {
                    Assert.That(text[(int)Field(id, 1, 4)..], Does.StartWith($"{id} 0 obj\n"), $"object {id}");
                    continue;
                }

                Assert.That(Field(id, 0, 1), Is.EqualTo(2), $"object {id} is in the file or in an object stream");
                var stream = (int)Field(id, 1, 4);
                Assert.That(Field(stream, 0, 1), Is.EqualTo(1), $"object {id}'s object stream {stream} is in the file");
                Assert.That(text[(int)Field(stream, 1, 4)..], Does.Match($@"^{stream} 0 obj\n<< /Type /ObjStm /N \d+ /First \d+"));
                inStreams++;
            }

            Assert.That(inStreams, Is.GreaterThan(0), "the structure tree is in object streams");
        });
    }

    [Test]
    public void Every_stream_length_matches_its_data()
    {
        var text = Latin1(DeterminismTests.Report().Render().Content);

        var streams = Regex.Matches(text, @"/Length (\d+) >>\nstream\n");
        Assert.That(streams, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (Match stream in streams)
            {
                var end = stream.Index + stream.Length + int.Parse(stream.Groups[1].Value);
                Assert.That(text[end..], Does.StartWith("\nendstream\nendobj\n"));
            }
        });
    }

    [Test]
    public void Page_content_streams_are_flate_compressed()
    {
        var text = Latin1(DeterminismTests.Report().Render().Content);

        var contentIds = Regex.Matches(text, @"/Contents (\d+) 0 R").Select(m => m.Groups[1].Value).ToList();

        Assert.That(contentIds, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var id in contentIds)
            {
                Assert.That(text, Does.Match($@"\n{id} 0 obj\n<<  /Filter /FlateDecode /Length \d+ >>"));
            }
        });
    }

    [Test]
    public void Compressed_page_content_uses_the_embedded_fonts()
    {
        var rendered = new PdfDocument().Paragraph("Hello").Render();
        IndependentReaders.Check(rendered, 1);
        var pdf = rendered.Content;
        var text = Latin1(pdf);
        var match = Regex.Match(text, @"/Contents (\d+) 0 R");
        var stream = Regex.Match(text, $@"\n{match.Groups[1].Value} 0 obj\n<<  /Filter /FlateDecode /Length (\d+) >>\nstream\n");
        var start = stream.Index + stream.Length;
        using var zlib = new ZLibStream(new MemoryStream(pdf[start..(start + int.Parse(stream.Groups[1].Value))]), CompressionMode.Decompress);
        using var reader = new StreamReader(zlib, Encoding.Latin1);

        Assert.That(reader.ReadToEnd(), Does.Match(@"^BT\n/P <</MCID 0>> BDC\n/F1 10 Tf\n[\d.]+ [\d.]+ Td \(.+\) Tj\nEMC\nET\n$"));
    }

    [Test]
    public void Non_ascii_information_is_written_as_utf16_with_a_byte_order_mark()
    {
        var document = new PdfDocument().Paragraph("x");
        document.Info.Title = "Łucja";
        document.Info.Author = "Plain (ASCII)";

        var rendered = document.Render();
        IndependentReaders.Check(rendered, 1);

        var text = Latin1(rendered.Content);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("/Title <FEFF0141007500630006A0061>".Replace("0006A", "006A", StringComparison.Ordinal)));
            Assert.That(text, Does.Contain(@"/Author (Plain \(ASCII\))"));
            Assert.That(text, Does.Contain("/Producer (ApprenticeTracker.Pdf)"));
        });
    }

    [Test]
    public void Document_information_is_read_back_by_pdfinfo()
    {
        var document = new PdfDocument().Paragraph("x");
        document.Info.Title = "Łucja Wójcik: progress (draft)";
        document.Info.Author = "Αλέξανδρος";
        document.Info.Subject = "EPA";
        document.Info.CreationDate = new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);
        var rendered = document.Render();
        IndependentReaders.Check(rendered, 1);
        using var file = new TemporaryFile(rendered.Content);

        var info = ExternalTool.Run("pdfinfo", "-isodates", file.Path);

        Assert.Multiple(() =>
        {
            Assert.That(info.Output, Does.Match(@"Title: +Łucja Wójcik: progress \(draft\)\n"));
            Assert.That(info.Output, Does.Match(@"Author: +Αλέξανδρος\n"));
            Assert.That(info.Output, Does.Match(@"Subject: +EPA\n"));
            Assert.That(info.Output, Does.Match(@"CreationDate: +2026-01-31T09:30:00(Z|\+00)"));
            Assert.That(info.Output, Does.Match(@"Producer: +ApprenticeTracker.Pdf\n"));
        });
    }

    [Test]
    public void Fonts_are_type0_with_identity_encoding_and_a_cid_font_with_widths()
    {
        var rendered = new PdfDocument().Paragraph("Ab").Render();
        IndependentReaders.Check(rendered, 1);

        var text = Latin1(rendered.Content);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Match(@"/Subtype /Type0 /BaseFont /[A-Z]{6}\+DejaVuSans /Encoding /Identity-H"));
            Assert.That(text, Does.Contain("/Subtype /CIDFontType2"));
            Assert.That(text, Does.Contain("/CIDToGIDMap /Identity"));
            Assert.That(text, Does.Match(@"/W \[0 \[600.098 684.082 634.766\]\]"), "1229, 1401 and 1300 of 2048 font units: .notdef, A and b in thousandths of an em");
            Assert.That(text, Does.Contain("/FontFile2"));
        });
    }
}
