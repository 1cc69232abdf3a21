using ApprenticeTracker.Pdf.Tests.Support;

namespace ApprenticeTracker.Pdf.Tests;

/// <summary>Any string gives a valid file: hostile text is drawn, replaced or reported, never written raw.</summary>
public class RobustnessTests
{
    private static readonly string AllControlCharacters = new([.. Enumerable.Range(0, 32).Select(i => (char)i), '\u007F', '\u0085', '\u009F']);

    [Test]
    public void Control_characters_give_a_valid_file_and_are_reported_once_each()
    {
        var text = "start" + AllControlCharacters + "end" + AllControlCharacters;
        var document = new PdfDocument().Paragraph(text).Heading(text).Table([TableColumn.Auto()], t => t.Row(text));
        document.Info.Title = text;

        var rendered = document.Render();
        var report = IndependentReaders.Check(rendered);

        Assert.Multiple(() =>
        {
            Assert.That(report.Text, Does.Contain("start"));
            Assert.That(rendered.Warnings, Is.Unique);
            Assert.That(rendered.Warnings, Has.Some.Contain("U+0001"));
            Assert.That(rendered.Warnings, Has.None.Contain("U+000A"), "a line feed is a line break, not a missing character");
        });
    }

    [Test]
    public void Unpaired_surrogates_give_a_valid_file_and_a_warning()
    {
        var text = "a\uD800b\uDFFFc\uDBFF";
        var document = new PdfDocument().Paragraph(text).Heading(text);
        document.Info.Author = text;

        var rendered = document.Render();
        var report = IndependentReaders.Check(rendered, 1);

        Assert.Multiple(() =>
        {
            Assert.That(report.Text, Does.Contain("a\uFFFDb\uFFFDc\uFFFD"));
            Assert.That(rendered.Warnings, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void Right_to_left_text_gives_a_valid_file_with_its_letters()
    {
        const string hebrew = "שלום עולם";
        const string arabic = "مرحبا بالعالم";
        var document = new PdfDocument().Paragraph(hebrew).Paragraph("\u202B" + arabic + "\u202C").Paragraph("\u200F" + hebrew);

        var rendered = document.Render();
        var report = IndependentReaders.Check(rendered, 1);

        Assert.That(Strip(report.Text), Does.Contain("שלום").Or.Contain("םולש"));
    }

    [Test]
    public void Characters_the_font_lacks_are_shown_as_replacements_and_reported()
    {
        var rendered = new PdfDocument().Paragraph("学徒 progress: 中中中").Render();

        var report = IndependentReaders.Check(rendered, 1);

        Assert.Multiple(() =>
        {
            Assert.That(report.Text, Does.Contain("\uFFFD\uFFFD progress: \uFFFD\uFFFD\uFFFD"));
            Assert.That(rendered.Warnings, Has.Count.EqualTo(3));
            Assert.That(rendered.Warnings, Has.Some.Contain("U+4E2D"));
        });
    }

    [Test]
    public void Empty_strings_everywhere_give_a_valid_file()
    {
        var document = new PdfDocument()
            .Header(new PageBand { Left = _ => string.Empty })
            .Heading(string.Empty).Paragraph(string.Empty).BulletList([string.Empty]).BulletList([])
            .Table([TableColumn.Auto(), TableColumn.Relative()], t => t.HeaderRow(string.Empty, string.Empty).Row(string.Empty, string.Empty))
            .Table([TableColumn.Auto()], _ => { })
            .Canvas(10, c => c.Text(string.Empty, 0, 0));
        document.Info.Title = string.Empty;

        IndependentReaders.Check(document.Render(), 1);
    }

    [Test]
    public void An_empty_document_is_one_blank_page()
    {
        var rendered = new PdfDocument().Render();

        IndependentReaders.Check(rendered, 1);
        Assert.That(rendered.Warnings, Is.Empty);
    }

    [Test]
    public void Pdf_syntax_in_text_is_drawn_as_text()
    {
        const string hostile = @"(unbalanced \ ) ) >> endstream endobj %%EOF trailer << /Root 1 0 R >>";
        var document = new PdfDocument().Paragraph(hostile).Heading(hostile);
        document.Info.Title = hostile;
        document.Info.Keywords = hostile;

        var report = IndependentReaders.Check(document.Render(), 1);

        Assert.That(report.Text, Does.Contain(hostile));
    }

    [Test]
    public void A_single_word_far_wider_than_the_page_wraps_inside_a_narrow_cell()
    {
        var word = new string('W', 3000);
        var document = new PdfDocument().Paragraph(word).Table([TableColumn.Fixed(20), TableColumn.Relative()], t => t.Row(word, "x"));

        var report = IndependentReaders.Check(document.Render());

        Assert.That(report.Text.Count(c => c == 'W'), Is.EqualTo(6000));
    }

    [Test]
    public void Random_text_from_every_unicode_plane_gives_a_valid_file()
    {
        var random = new Random(5);
        string RandomText()
        {
            var builder = new System.Text.StringBuilder();
            var length = random.Next(0, 40);
            for (var i = 0; i < length; i++)
            {
                var kind = random.Next(4);
                if (kind == 0)
                {
                    builder.Append((char)random.Next(0, 0x10000));
                }
                else if (kind == 1)
                {
                    builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000) is var c && c is >= 0xD800 and <= 0xDFFF ? 0x10000 : c));
                }
                else
                {
                    builder.Append((char)random.Next(0x20, 0x500));
                }
            }

            return builder.ToString();
        }

        var document = new PdfDocument().Footer(new PageBand { Centre = _ => RandomText() });
        document.Info.Title = RandomText();
        for (var i = 0; i < 60; i++)
        {
            document.Heading(RandomText(), 1 + (i % 3)).Paragraph(RandomText(), TextStyle.Body with { Alignment = (TextAlignment)(i % 4) });
        }

        document.Table([TableColumn.Auto(), TableColumn.Relative()], t =>
        {
            for (var i = 0; i < 60; i++)
            {
                t.Row(RandomText(), RandomText());
            }
        });

        var rendered = document.Render();

        IndependentReaders.Check(rendered);
        Assert.That(rendered.Warnings, Is.Unique);
    }

    private static string Strip(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
