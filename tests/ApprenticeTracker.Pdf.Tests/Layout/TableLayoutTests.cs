using ApprenticeTracker.Pdf.Tests.Support;

namespace ApprenticeTracker.Pdf.Tests.Layout;

public class TableLayoutTests
{
    private static PdfDocument TableOf(int rows, Action<Table>? configure = null, Func<int, TableRow>? row = null) =>
        new PdfDocument().Table([TableColumn.Fixed(60), TableColumn.Relative(2), TableColumn.Auto()], table =>
        {
            configure?.Invoke(table);
            table.HeaderRow("Number", "Apprentice", "Status");
            for (var i = 1; i <= rows; i++)
            {
                table.Row(row?.Invoke(i) ?? new TableRow([$"R{i}", Samples.Names[i % Samples.Names.Length], i % 3 == 0 ? "Awaiting sign-off" : "Accepted"]));
            }
        });

    [Test]
    public void The_header_row_is_repeated_at_the_top_of_every_page()
    {
        var rendered = TableOf(200).Render();

        var report = IndependentReaders.Check(rendered);

        Assert.That(rendered.PageCount, Is.GreaterThan(3));
        Assert.Multiple(() =>
        {
            foreach (var page in report.Pages)
            {
                Assert.That(page.TrimStart(), Does.StartWith("Number"), "the header opens every page");
            }
        });
    }

    [Test]
    public void Every_row_appears_once_in_order()
    {
        var report = IndependentReaders.Check(TableOf(200).Render());

        var numbers = report.Text.Split('\n').Where(l => l.StartsWith('R') && int.TryParse(l[1..], out _)).Select(l => int.Parse(l[1..]));

        Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, 200)));
    }

    [Test]
    public void A_row_kept_together_moves_whole_to_the_next_page()
    {
        var tall = string.Join('\n', Enumerable.Range(1, 12).Select(l => $"line{l}"));
        var rendered = TableOf(30, row: i => new TableRow([$"R{i}", $"start{i}\n{tall}\nend{i}", "x"])).Render();

        var report = IndependentReaders.Check(rendered);

        Assert.That(rendered.PageCount, Is.GreaterThan(1));
        Assert.Multiple(() =>
        {
            for (var i = 1; i <= 30; i++)
            {
                var startPage = report.Pages.ToList().FindIndex(p => p.Contains($"start{i}\n", StringComparison.Ordinal));
                var endPage = report.Pages.ToList().FindIndex(p => p.Contains($"end{i}\n", StringComparison.Ordinal));
                Assert.That(endPage, Is.EqualTo(startPage).And.Not.EqualTo(-1), $"row {i}");
            }
        });
    }

    [Test]
    public void Rows_allowed_to_split_continue_on_the_next_page_below_the_header()
    {
        var tall = string.Join('\n', Enumerable.Range(1, 12).Select(l => $"line{l}"));
        var rendered = TableOf(30, table => table.RowsKeepTogether = false, i => new TableRow([$"R{i}", $"start{i}\n{tall}\nend{i}", "x"])).Render();

        var report = IndependentReaders.Check(rendered);
        var split = Enumerable.Range(1, 30).Count(i =>
            report.Pages.ToList().FindIndex(p => p.Contains($"start{i}\n", StringComparison.Ordinal)) !=
            report.Pages.ToList().FindIndex(p => p.Contains($"end{i}\n", StringComparison.Ordinal)));

        Assert.That(split, Is.GreaterThan(0));
    }

    [Test]
    public void A_row_taller_than_a_page_splits_across_pages_and_keeps_every_line()
    {
        var lines = Enumerable.Range(1, 150).Select(l => $"L{l}").ToArray();
        var document = new PdfDocument().Table([TableColumn.Relative(), TableColumn.Relative()], table =>
        {
            table.HeaderRow("Evidence", "Notes");
            table.Row("short", string.Join('\n', lines));
            table.Row("after", "the tall row");
        });

        var rendered = document.Render();
        var report = IndependentReaders.Check(rendered);
        var found = report.Text.Split('\n').Where(l => l.StartsWith('L')).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(rendered.PageCount, Is.GreaterThanOrEqualTo(3));
            Assert.That(found, Is.EqualTo(lines));
            Assert.That(report.Pages[1].TrimStart(), Does.StartWith("Evidence"));
        });
    }

    [Test]
    public void Ten_thousand_rows_make_a_valid_file_with_the_header_on_its_last_page()
    {
        var rendered = TableOf(10_000).Render();

        var report = IndependentReaders.Check(rendered);

        Assert.Multiple(() =>
        {
            Assert.That(rendered.PageCount, Is.GreaterThan(200));
            Assert.That(report.Pages[^1].TrimStart(), Does.StartWith("Number"));
            Assert.That(report.Pages[^1], Does.Contain("R10000"));
        });
    }

    [Test]
    public void Fixed_widths_wider_than_the_page_are_scaled_to_fit()
    {
        var document = new PdfDocument().Table([TableColumn.Fixed(5000), TableColumn.Fixed(5000)], t => t.Row("left", "right"));

        var rendered = document.Render();
        var pixels = IndependentReaders.Render(rendered.Content, 1);

        IndependentReaders.Check(rendered, 1);
        Assert.That(pixels[(int)PageSetup.A4Portrait.Width - 40, 70], Is.EqualTo(((byte)255, (byte)255, (byte)255)), "nothing drawn in the right margin");
    }

    [Test]
    public void Cells_shade_with_their_own_row_or_alternate_background()
    {
        var red = new Colour(200, 0, 0);
        var document = new PdfDocument().Table([TableColumn.Relative()], table =>
        {
            table.BorderWidth = 0;
            table.HeaderBackground = null;
            table.AlternateRowBackground = new Colour(0, 0, 200);
            table.Row("first");
            table.Row("second");
            table.Row(new TableRow([new TableCell("third", background: red)]));
        });

        var rendered = document.Render();
        IndependentReaders.Check(rendered, 1);
        var pixels = IndependentReaders.Render(rendered.Content, 1);
        var x = (int)PageSetup.A4Portrait.Width - 70;
        var top = (int)PageSetup.A4Portrait.Margins.Top;
        var rowHeight = 9 * 1.2 + 8;

        Assert.Multiple(() =>
        {
            Assert.That(pixels[x, top + (int)(rowHeight * 0.5)], Is.EqualTo(((byte)255, (byte)255, (byte)255)), "first row unshaded");
            Assert.That(pixels[x, top + (int)(rowHeight * 1.5)], Is.EqualTo(((byte)0, (byte)0, (byte)200)), "second row alternate");
            Assert.That(pixels[x, top + (int)(rowHeight * 2.5)], Is.EqualTo(((byte)200, (byte)0, (byte)0)), "third row's cell background");
        });
    }

    [Test]
    public void Fixed_auto_and_relative_columns_start_where_their_widths_say()
    {
        var left = PageSetup.A4Portrait.Margins.Left;
        var content = PageSetup.A4Portrait.ContentWidth;
        var document = new PdfDocument().Table([TableColumn.Fixed(100), TableColumn.Auto(), TableColumn.Relative(1), TableColumn.Relative(3)], table =>
        {
            table.CellPadding = 5;
            table.Row("first", "second", "third", "fourth");
        });
        var autoWidth = DocumentWidth("second", 9) + 10;

        var rendered = document.Render();
        IndependentReaders.Check(rendered, 1);

        var words = IndependentReaders.Words(rendered.Content).ToDictionary(w => w.Word, w => w.Left);

        var remaining = content - 100 - autoWidth;
        Assert.Multiple(() =>
        {
            Assert.That(words["first"], Is.EqualTo(left + 5).Within(0.5));
            Assert.That(words["second"], Is.EqualTo(left + 100 + 5).Within(0.5));
            Assert.That(words["third"], Is.EqualTo(left + 100 + autoWidth + 5).Within(0.5));
            Assert.That(words["fourth"], Is.EqualTo(left + 100 + autoWidth + (remaining / 4) + 5).Within(0.5));
        });
    }

    [Test]
    public void Right_aligned_columns_end_their_text_at_the_padding()
    {
        var left = PageSetup.A4Portrait.Margins.Left;
        var document = new PdfDocument().Table([TableColumn.Fixed(200) with { Alignment = TextAlignment.Right }], table =>
        {
            table.CellPadding = 5;
            table.Row("42");
        });

        var rendered = document.Render();
        IndependentReaders.Check(rendered, 1);

        var words = IndependentReaders.Words(rendered.Content);

        Assert.That(words.Single().Left, Is.EqualTo(left + 200 - 5 - DocumentWidth("42", 9)).Within(0.5));
    }

    /// <summary>The width of text in DejaVu Sans, from the font's advance widths (2048 units per em).</summary>
    private static double DocumentWidth(string text, double size) =>
        text.Sum(c => Pdf.Fonts.StandardFonts.Regular.Advance(Pdf.Fonts.StandardFonts.Regular.GlyphFor(c))) * size / 2048;
}
