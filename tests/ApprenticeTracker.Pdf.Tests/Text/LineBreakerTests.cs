using ApprenticeTracker.Pdf.Fonts;
using ApprenticeTracker.Pdf.Text;

namespace ApprenticeTracker.Pdf.Tests.Text;

public class LineBreakerTests
{
    private const double Size = 10;
    private FontUsage _font = null!;

    [SetUp]
    public void CreateFont() => _font = new FontUsage(StandardFonts.Regular, "F1", [], _ => { });

    private string[] Break(string text, double width)
    {
        var run = _font.Shape(text);
        return [.. LineBreaker.Break(run, Size, width).Select(line => Text(run, line))];
    }

    private double WidthOf(string text) => LineBreaker.Break(_font.Shape(text), Size, double.MaxValue)[0].Width;

    /// <summary>Maps the CIDs of a line back to characters, through the font's record of what each CID stands for.</summary>
    private string Text(GlyphRun run, Line line)
    {
        var characters = new List<string>();
        for (var i = line.Start; i < line.End; i++)
        {
            if (run.Kinds[i] != GlyphKind.LineBreak)
            {
                characters.Add(char.ConvertFromUtf32(_font.CodePoints[run.Cids[i] - 1]));
            }
        }

        return string.Concat(characters);
    }

    [Test]
    public void Text_that_fits_stays_on_one_line()
    {
        Assert.That(Break("apprentice progress", 500), Is.EqualTo(new[] { "apprentice progress" }));
    }

    [Test]
    public void Lines_break_at_the_last_space_that_fits()
    {
        var width = WidthOf("one two three") + 1;

        Assert.That(Break("one two three four five", width), Is.EqualTo(new[] { "one two three", "four five" }));
    }

    [Test]
    public void A_word_longer_than_the_line_breaks_inside_the_word()
    {
        var width = WidthOf("abcdefgh") + 0.1;

        Assert.That(Break("abcdefghijklmnop", width), Is.EqualTo(new[] { "abcdefgh", "ijklmnop" }));
    }

    [Test]
    public void A_long_word_after_short_ones_starts_a_new_line_before_it_is_broken()
    {
        var width = WidthOf("abcdefgh") + 0.1;

        Assert.That(Break("ab abcdefghijkl", width), Is.EqualTo(new[] { "ab", "abcdefgh", "ijkl" }));
    }

    [Test]
    public void Spaces_at_the_end_of_a_line_do_not_count_towards_its_width()
    {
        var run = _font.Shape("word      ");

        var line = LineBreaker.Break(run, Size, WidthOf("word") + 0.1).Single();

        Assert.Multiple(() =>
        {
            Assert.That(line.Width, Is.EqualTo(WidthOf("word")).Within(1e-9));
            Assert.That(line.End, Is.EqualTo(4));
        });
    }

    [Test]
    public void A_wrapped_line_does_not_start_with_the_spaces_that_ended_the_previous_one()
    {
        var width = WidthOf("alpha") + 1;

        Assert.That(Break("alpha     beta", width), Is.EqualTo(new[] { "alpha", "beta" }));
    }

    [Test]
    public void A_line_may_break_after_a_hyphen()
    {
        var width = Math.Max(WidthOf("end-point"), WidthOf("assessment")) + 1;

        Assert.That(Break("end-point assessment", width), Is.EqualTo(new[] { "end-point", "assessment" }));
        Assert.That(Break("end-point", WidthOf("end-p")), Is.EqualTo(new[] { "end-", "point" }));
    }

    [TestCase("first\nsecond")]
    [TestCase("first\r\nsecond")]
    [TestCase("first\rsecond")]
    [TestCase("first\u2028second")]
    public void A_line_break_character_starts_a_new_line(string text)
    {
        Assert.That(Break(text, 500), Is.EqualTo(new[] { "first", "second" }));
    }

    [Test]
    public void Only_the_line_before_a_forced_break_or_the_end_ends_a_paragraph()
    {
        var width = WidthOf("aaa bbb") + 1;
        var lines = LineBreaker.Break(_font.Shape("aaa bbb ccc\nddd"), Size, width);

        Assert.That(lines.Select(l => l.EndsParagraph), Is.EqualTo(new[] { false, true, true }));
    }

    [Test]
    public void Empty_text_is_one_empty_line()
    {
        var lines = LineBreaker.Break(_font.Shape(string.Empty), Size, 100);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(1));
            Assert.That(lines[0].Width, Is.Zero);
        });
    }

    [Test]
    public void Every_line_holds_at_least_one_glyph_even_when_nothing_fits()
    {
        Assert.That(Break("abc", 0), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void No_line_is_wider_than_the_limit_unless_it_is_a_single_glyph()
    {
        var text = string.Concat(Enumerable.Repeat(Support.Samples.Lorem + Support.Samples.Greek + " supercalifragilistic ", 5));
        var run = _font.Shape(text);
        foreach (var width in new[] { 3.0, 17, 40, 95.5, 180, 333 })
        {
            var lines = LineBreaker.Break(run, Size, width);

            Assert.That(lines.Where(l => l.End - l.Start > 1).Select(l => l.Width), Has.All.LessThanOrEqualTo(width + 1e-6), $"width {width}");
        }
    }

    [Test]
    public void Breaking_keeps_every_non_space_glyph_in_order()
    {
        var text = Support.Samples.Lorem + "Łucja-Wójcik Nguyễn Thị Hà";
        var run = _font.Shape(text);

        var lines = LineBreaker.Break(run, Size, 60);
        var rejoined = string.Concat(lines.Select(l => Text(run, l))).Replace(" ", string.Empty, StringComparison.Ordinal);

        Assert.That(rejoined, Is.EqualTo(text.Replace(" ", string.Empty, StringComparison.Ordinal)));
    }
}
