using ApprenticeTracker.Pdf.Tests.Support;

namespace ApprenticeTracker.Pdf.Tests;

/// <summary>Documents of every kind the library makes, judged by qpdf and poppler.</summary>
public class IndependentReaderTests
{
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Test]
    public void Non_latin_text_is_embedded_and_extracted_as_written()
    {
        var document = new PdfDocument().Heading("Apprentices").BulletList(Samples.Names).Paragraph(Samples.Greek).Paragraph(Samples.Cyrillic)
            .Paragraph("Bold: " + string.Join(", ", Samples.Names), TextStyle.Body with { Weight = FontWeight.Bold });

        var report = IndependentReaders.Check(document.Render(), 1);

        Assert.Multiple(() =>
        {
            foreach (var text in Samples.Names.Append(Samples.Greek).Append(Samples.Cyrillic))
            {
                Assert.That(report.Text, Does.Contain(text));
            }
        });
    }

    [Test]
    public void Characters_outside_the_basic_plane_are_extracted_through_surrogate_pairs()
    {
        Assert.That(Pdf.Fonts.StandardFonts.Regular.GlyphFor(0x1F600), Is.Not.Zero, "precondition: DejaVu Sans draws U+1F600");

        var rendered = new PdfDocument().Paragraph("smile: \U0001F600").Render();
        var report = IndependentReaders.Check(rendered, 1);

        Assert.Multiple(() =>
        {
            Assert.That(report.Text, Does.Contain("smile: \U0001F600"));
            Assert.That(rendered.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Justified_text_fills_the_line_and_still_extracts_word_by_word()
    {
        var text = string.Concat(Enumerable.Repeat(Samples.Lorem, 6));
        var document = new PdfDocument().Paragraph(text, TextStyle.Body with { Alignment = TextAlignment.Justified });

        var report = IndependentReaders.Check(document.Render(), 1);

        Assert.That(string.Join(' ', report.Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), Does.Contain(text.Trim()));
    }

    [Test]
    public void Justified_lines_end_at_the_right_margin_except_the_last()
    {
        var setup = PageSetup.A4Portrait;
        var text = string.Concat(Enumerable.Repeat(Samples.Lorem, 4)).Trim();
        var document = new PdfDocument(setup).Paragraph(text, TextStyle.Body with { Alignment = TextAlignment.Justified });

        var rendered = document.Render();
        IndependentReaders.Check(rendered, 1);

        var lines = IndependentReaders.Words(rendered.Content).GroupBy(w => Math.Round(w.Top)).Select(g => g.Max(w => w.Right)).ToList();

        Assert.That(lines, Has.Count.GreaterThan(3));
        Assert.Multiple(() =>
        {
            Assert.That(lines.SkipLast(1), Has.All.EqualTo(setup.Margins.Left + setup.ContentWidth).Within(0.5));
            Assert.That(lines[^1], Is.LessThan(setup.Margins.Left + setup.ContentWidth - 10));
        });
    }

    [Test]
    public void Centred_and_right_aligned_lines_sit_where_their_alignment_says()
    {
        var setup = PageSetup.A4Portrait;
        var document = new PdfDocument(setup)
            .Paragraph("centred", TextStyle.Body with { Alignment = TextAlignment.Centre })
            .Paragraph("right", TextStyle.Body with { Alignment = TextAlignment.Right });

        var rendered = document.Render();
        IndependentReaders.Check(rendered, 1);

        var words = IndependentReaders.Words(rendered.Content).ToDictionary(w => w.Word);

        Assert.Multiple(() =>
        {
            Assert.That((words["centred"].Left + words["centred"].Right) / 2, Is.EqualTo(setup.Margins.Left + (setup.ContentWidth / 2)).Within(0.5));
            Assert.That(words["right"].Right, Is.EqualTo(setup.Margins.Left + setup.ContentWidth).Within(0.5));
        });
    }

    [TestCase(TextAlignment.Left)]
    [TestCase(TextAlignment.Centre)]
    [TestCase(TextAlignment.Right)]
    [TestCase(TextAlignment.Justified)]
    public void Every_alignment_produces_a_valid_file(TextAlignment alignment)
    {
        var document = new PdfDocument().Paragraph(Samples.Lorem + Samples.Lorem, TextStyle.Body with { Alignment = alignment });

        var report = IndependentReaders.Check(document.Render(), 1);

        Assert.That(Squash(report.Text), Is.EqualTo(Squash(Samples.Lorem + Samples.Lorem)));
    }

    [Test]
    public void A_paragraph_longer_than_a_page_continues_on_the_next_pages()
    {
        var words = Enumerable.Range(1, 1500).Select(i => $"w{i}");
        var document = new PdfDocument().Paragraph(string.Join(' ', words));

        var rendered = document.Render();
        var report = IndependentReaders.Check(rendered);

        Assert.Multiple(() =>
        {
            Assert.That(rendered.PageCount, Is.GreaterThan(1));
            Assert.That(report.Pages[0], Does.StartWith("w1 w2"));
            Assert.That(report.Pages[^1].TrimEnd(), Does.EndWith("w1500"));
            Assert.That(Squash(report.Text), Is.EqualTo(string.Concat(words)));
        });
    }

    [Test]
    public void Footers_number_the_pages_out_of_the_total()
    {
        var document = new PdfDocument()
            .Header(new PageBand { Left = _ => "EPA report: Siobhán Ó Súilleabháin", Rule = true })
            .Footer(new PageBand { Centre = page => $"Page {page.Number} of {page.Count}", Rule = true })
            .Paragraph("one").PageBreak().Paragraph("two").PageBreak().Paragraph("three");

        var report = IndependentReaders.Check(document.Render(), 3);

        Assert.Multiple(() =>
        {
            for (var page = 1; page <= 3; page++)
            {
                Assert.That(report.Pages[page - 1], Does.Contain($"Page {page} of 3"));
                Assert.That(report.Pages[page - 1], Does.Contain("EPA report: Siobhán Ó Súilleabháin"));
            }
        });
    }

    [Test]
    public void A_page_break_on_an_empty_page_adds_no_page()
    {
        var document = new PdfDocument().PageBreak().Paragraph("one").PageBreak().PageBreak().Paragraph("two");

        IndependentReaders.Check(document.Render(), 2);
    }

    [Test]
    public void Headings_become_bookmarks_nested_by_level_and_pointing_at_their_pages()
    {
        var document = new PdfDocument()
            .Heading("Łucja Wójcik").Heading("Duties", 2).Paragraph("x").Heading("Behaviours", 2)
            .PageBreak().Heading("Nguyễn Thị Hà").Heading("Skills", 3);

        var rendered = document.Render();
        IndependentReaders.Check(rendered, 2);
        var bookmarks = IndependentReaders.Bookmarks(rendered.Content);

        Assert.That(bookmarks, Is.EqualTo(new[]
        {
            new Bookmark("Łucja Wójcik", 1, [new Bookmark("Duties", 1, []), new Bookmark("Behaviours", 1, [])]),
            new Bookmark("Nguyễn Thị Hà", 2, [new Bookmark("Skills", 2, [])]),
        }).Using<Bookmark>(SameBookmark));
    }

    [Test]
    public void A_heading_is_not_left_alone_at_the_bottom_of_a_page()
    {
        var setup = PageSetup.A4Portrait;
        var document = new PdfDocument(setup).Spacer(setup.ContentHeight - 30).Heading("Section two").Paragraph("First line of section two.");

        var report = IndependentReaders.Check(document.Render(), 2);

        Assert.Multiple(() =>
        {
            Assert.That(report.Pages[0], Does.Not.Contain("Section two"));
            Assert.That(report.Pages[1], Does.Contain("Section two"));
        });
    }

    [Test]
    public void Canvas_drawings_rules_and_spacers_render_on_landscape_letter_pages()
    {
        var setup = new PageSetup(PageSize.Letter, PageOrientation.Landscape, Margins.All(36));
        var blue = Colour.FromHex("#1d70b8");
        var document = new PdfDocument(setup)
            .Paragraph("Progress by duty")
            .Canvas(60, canvas => canvas
                .FillRectangle(0, 0, canvas.Width * 0.75, 20, blue)
                .StrokeRectangle(0, 0, canvas.Width, 20, Colour.Black, 0.5)
                .Line(0, 40, canvas.Width, 40, Colour.Grey, 2)
                .Text("75%", canvas.Width, 24, TextStyle.Body with { Alignment = TextAlignment.Right }))
            .HorizontalRule()
            .Spacer(20)
            .Paragraph("After");

        var rendered = document.Render();
        var report = IndependentReaders.Check(rendered, 1);
        using var file = new TemporaryFile(rendered.Content);
        var info = ExternalTool.Run("pdfinfo", file.Path);
        var pixels = IndependentReaders.Render(rendered.Content, 1);

        Assert.Multiple(() =>
        {
            Assert.That(info.Output, Does.Match(@"Page size: +792 x 612 pts \(letter\)"));
            Assert.That(report.Text, Does.Contain("75%"));
            var bar = pixels[100, 36 + 20 + 10];
            Assert.That((bar.R, bar.G, bar.B), Is.EqualTo(((byte)0x1d, (byte)0x70, (byte)0xb8)), "the bar is filled blue");
        });
    }

    private static bool SameBookmark(Bookmark a, Bookmark b) =>
        a.Title == b.Title && a.Page == b.Page && a.Children.Count == b.Children.Count && a.Children.Zip(b.Children).All(p => SameBookmark(p.First, p.Second));
}
