using ApprenticeTracker.Pdf.Tests.Support;

namespace ApprenticeTracker.Pdf.Tests;

/// <summary>Tagged PDF (PDF/UA-1) as independent readers see it: poppler's structure text and word boxes, and qpdf's objects.</summary>
public class TaggingTests
{
    private const string ChartText = "Duties signed off: 7 of 10 (70%).";
    private const string ImageText = "A red square.";

    private static readonly PageSetup Setup = PageSetup.A4Portrait;

    /// <summary>One of every block, with a running header and footer.</summary>
    private static PdfDocument Sample()
    {
        var document = new PdfDocument(Setup)
            .Header(new PageBand { Left = _ => "Running header", Rule = true })
            .Footer(new PageBand { Right = page => $"Page {page.Number} of {page.Count}" })
            .Heading("Progress review: Łucja Wójcik")
            .Paragraph("Łucja has completed 7 of 10 duties.")
            .BulletList(["Evidence accepted", "Gateway booked"])
            .Heading("Duties", 2)
            .Canvas(30, canvas => canvas
                .FillRectangle(0, 0, canvas.Width * 0.7, 12, Colour.FromHex("#1d70b8"))
                .Text("70%", canvas.Width, 16, TextStyle.Body with { Alignment = TextAlignment.Right }), ChartText)
            .Canvas(4, canvas => canvas.FillRectangle(0, 0, canvas.Width, 2, Colour.LightGrey))
            .Heading("Evidence", 3)
            .Table([TableColumn.Auto(), TableColumn.Relative()], table =>
            {
                table.HeaderRow("Duty", "Status");
                table.Row("D1", "Accepted");
                table.Row("D2", "Referred back");
            })
            .Table([TableColumn.Fixed(100), TableColumn.Relative()], table =>
            {
                table.RowHeaders = true;
                table.Row("Employer", "Northbridge Trust");
            })
            .HorizontalRule()
            .Image(PngWriter.Write(2, 2, 8, [[255, 0, 0, 255, 0, 0], [255, 0, 0, 255, 0, 0]]), 20, alternativeText: ImageText)
            .Paragraph("The end.");
        document.Info.Title = "Progress review: Łucja Wójcik";
        return document;
    }

    [Test]
    public void Poppler_reads_headings_paragraphs_a_list_tables_and_figures_in_order()
    {
        var rendered = Sample().Render();
        IndependentReaders.Check(rendered, 1);

        var root = TaggedPdf.StructureText(rendered.Content);

        Assert.That(root.Shape, Is.EqualTo(
            "Document(H1 P L(LI(Lbl LBody) LI(Lbl LBody)) H2 Figure H3 Table(TR(TH TH) TR(TD TD) TR(TD TD)) Table(TR(TH TD)) Figure P)"));
        var texts = root.Descendants().Where(e => e.Text.Length > 0).Select(e => (e.Role, e.Text.ToString())).ToList();
        Assert.That(texts, Is.EqualTo(new[]
        {
            ("H1", "Progress review: Łucja Wójcik"), ("P", "Łucja has completed 7 of 10 duties."),
            ("Lbl", "•"), ("LBody", "Evidence accepted"), ("Lbl", "•"), ("LBody", "Gateway booked"),
            ("H2", "Duties"), ("Figure", "70%"), ("H3", "Evidence"),
            ("TH", "Duty"), ("TH", "Status"), ("TD", "D1"), ("TD", "Accepted"), ("TD", "D2"), ("TD", "Referred back"),
            ("TH", "Employer"), ("TD", "Northbridge Trust"), ("P", "The end."),
        }));
    }

    [Test]
    public void Header_cells_carry_their_scope_and_figures_their_alternative_text()
    {
        var rendered = Sample().Render();

        var tree = TaggedPdf.Qpdf(rendered.Content).Root;
        var poppler = TaggedPdf.StructureText(rendered.Content);

        Assert.Multiple(() =>
        {
            Assert.That(tree.Descendants().Where(e => e.Role == "TH").Select(e => e.Scope), Is.EqualTo(new[] { "Column", "Column", "Row" }));
            Assert.That(poppler.Descendants().Where(e => e.Role == "TH").Select(e => e.Attributes["Scope"]), Is.EqualTo(new[] { "Column", "Column", "Row" }));
            Assert.That(tree.Descendants().Where(e => e.Role == "Figure").Select(e => e.Alt), Is.EqualTo(new[] { ChartText, ImageText }),
                "the chart and the image; the decorative rule drawn on a canvas without text is not a figure");
            Assert.That(tree.Descendants().Where(e => e.Role != "Figure").Select(e => e.Alt), Has.All.Null);
        });
    }

    [Test]
    public void The_catalog_names_the_language_marks_the_file_and_asks_readers_to_show_the_title()
    {
        var rendered = Sample().Render();
        using var file = new TemporaryFile(rendered.Content);

        var view = TaggedPdf.Qpdf(rendered.Content);
        var info = ExternalTool.Run("pdfinfo", file.Path);
        var metadata = ExternalTool.Run("pdfinfo", "-meta", file.Path);

        Assert.Multiple(() =>
        {
            Assert.That(view.Catalog.GetProperty("/Lang").GetString(), Is.EqualTo("u:en-GB"));
            Assert.That(view.Catalog.GetProperty("/MarkInfo").GetProperty("/Marked").GetBoolean(), Is.True);
            Assert.That(view.Catalog.GetProperty("/ViewerPreferences").GetProperty("/DisplayDocTitle").GetBoolean(), Is.True);
            Assert.That(view.Root.Role, Is.EqualTo("Document"));
            Assert.That(view.Pages.Select(p => p.GetProperty("/StructParents").GetInt32()), Is.EqualTo(new[] { 0 }));
            Assert.That(view.Pages.Select(p => p.GetProperty("/Tabs").GetString()), Has.All.EqualTo("/S"));
            Assert.That(info.Output, Does.Match(@"Tagged: +yes\n"));
            Assert.That(metadata.Output, Does.Contain("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Progress review: Łucja Wójcik</rdf:li>"));
            Assert.That(metadata.Output, Does.Contain("<pdfuaid:part>1</pdfuaid:part>"));
        });
    }

    [Test]
    public void Another_language_is_written_to_the_catalog()
    {
        var document = new PdfDocument().Paragraph("Croeso");
        document.Info.Language = "cy";

        var view = TaggedPdf.Qpdf(document.Render().Content);

        Assert.That(view.Catalog.GetProperty("/Lang").GetString(), Is.EqualTo("u:cy"));
    }

    [Test]
    public void Everything_drawn_is_either_tagged_or_an_artifact_and_page_furniture_is_an_artifact()
    {
        var rendered = Sample().Render();

        var pages = TaggedPdf.PageContents(rendered.Content);
        var tree = TaggedPdf.StructureText(rendered.Content);

        Assert.Multiple(() =>
        {
            Assert.That(pages.SelectMany(p => p.Unmarked), Is.Empty, "no text, path or image outside marked content");
            Assert.That(pages[0].Content, Does.Contain("/Artifact <</Type /Pagination /Subtype /Footer>> BDC"));
            Assert.That(pages[0].Content, Does.Contain("/Artifact <</Type /Pagination /Subtype /Header>> BDC"));
            Assert.That(tree.SquashedText, Does.Not.Contain("Page1of1").And.Not.Contain("Runningheader"));
        });
    }

    [Test]
    public void The_tree_reads_in_the_order_the_page_shows()
    {
        var rendered = Sample().Render();

        var tree = TaggedPdf.StructureText(rendered.Content);
        var words = TaggedPdf.VisualWords(rendered.Content);

        // The page between the margins, where the header and footer are not.
        var body = words.Where(w => w.Top > Setup.Margins.Top && w.Top < Setup.Height - Setup.Margins.Bottom);
        Assert.That(tree.SquashedText, Is.EqualTo(TaggedPdf.Squash(string.Concat(body.Select(w => w.Word)))));
        TaggedPdf.AssertReadingOrderFollowsThePage(tree, words);
    }

    [Test]
    public void The_parent_tree_leads_from_each_marked_sequence_back_to_its_element()
    {
        var view = TaggedPdf.Qpdf(Sample().Render().Content);

        var marked = view.Root.Descendants().SelectMany(e => e.Content.Select(c => (c.Page, c.Mcid, e.Role))).ToList();

        Assert.That(marked, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(marked.Select(m => (m.Page, m.Mcid)), Is.Unique);
            Assert.That(view.ParentTree[0], Has.Count.EqualTo(marked.Count));
            foreach (var (page, mcid, role) in marked)
            {
                Assert.That(view.ParentTree[page - 1][mcid], Is.EqualTo(role), $"page {page}, MCID {mcid}");
            }
        });
    }

    [Test]
    public void A_table_over_two_pages_has_one_header_row_in_the_tree_and_a_repeated_header_as_an_artifact()
    {
        var document = new PdfDocument().Table([TableColumn.Auto(), TableColumn.Relative()], table =>
        {
            table.HeaderRow("Duty", "Status");
            for (var i = 1; i <= 60; i++)
            {
                table.Row($"D{i}", i % 2 == 0 ? "Accepted" : "Submitted");
            }
        });
        var rendered = document.Render();
        IndependentReaders.Check(rendered, 2);

        var tree = TaggedPdf.StructureText(rendered.Content);
        var words = TaggedPdf.VisualWords(rendered.Content);

        Assert.Multiple(() =>
        {
            Assert.That(words.Where(w => w.Word == "Duty").Select(w => w.Page), Is.EqualTo(new[] { 1, 2 }), "the header is drawn on both pages");
            Assert.That(tree.Descendants().Count(e => e.Role == "TH"), Is.EqualTo(2), "but read once");
            Assert.That(tree.Descendants().Count(e => e.Role == "TR"), Is.EqualTo(61));
        });
        TaggedPdf.AssertReadingOrderFollowsThePage(tree, words);
    }

    [Test]
    public void A_paragraph_over_two_pages_is_one_element_with_content_on_both()
    {
        var text = string.Join(' ', Enumerable.Range(1, 1000).Select(i => $"w{i}"));
        var rendered = new PdfDocument().Paragraph(text).Render();

        var tree = TaggedPdf.Qpdf(rendered.Content).Root;
        var poppler = TaggedPdf.StructureText(rendered.Content);

        Assert.Multiple(() =>
        {
            Assert.That(tree.Children.Select(c => c.Role), Is.EqualTo(new[] { "P" }));
            Assert.That(tree.Children[0].Content.Select(c => c.Page).Distinct(), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(poppler.SquashedText, Is.EqualTo(TaggedPdf.Squash(text)));
        });
    }
}
