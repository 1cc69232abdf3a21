using ApprenticeTracker.Pdf.Fonts;
using ApprenticeTracker.Pdf.Text;

namespace ApprenticeTracker.Pdf.Tests.Text;

public class ShapingTests
{
    private readonly List<string> _warnings = [];
    private FontUsage _font = null!;

    [SetUp]
    public void CreateFont()
    {
        _warnings.Clear();
        _font = new FontUsage(StandardFonts.Regular, "F1", [], _warnings.Add);
    }

    private int[] CodePointsDrawn(GlyphRun run) => [.. run.Cids.ToArray().Select(cid => _font.CodePoints[cid - 1])];

    [Test]
    public void Each_glyph_gets_one_cid_in_order_of_first_use()
    {
        var run = _font.Shape("abab");

        Assert.Multiple(() =>
        {
            Assert.That(run.Cids.ToArray(), Is.EqualTo(new ushort[] { 1, 2, 1, 2 }));
            Assert.That(_font.UsedGlyphs, Is.EqualTo(new[] { StandardFonts.Regular.GlyphFor('a'), StandardFonts.Regular.GlyphFor('b') }));
        });
    }

    [Test]
    public void A_character_the_font_lacks_is_drawn_as_the_replacement_character_and_reported_once()
    {
        var run = _font.Shape("中 and 中 again");
        _font.Shape("中");

        Assert.Multiple(() =>
        {
            Assert.That(CodePointsDrawn(run)[0], Is.EqualTo(0xFFFD));
            Assert.That(run.Count, Is.EqualTo("中 and 中 again".Length));
            Assert.That(_warnings, Has.Count.EqualTo(1));
            Assert.That(_warnings[0], Does.Contain("U+4E2D"));
        });
    }

    // Given as numbers: attribute strings cannot carry unpaired surrogates.
    [TestCase(0x0001, "U+0001")]
    [TestCase(0x007F, "U+007F")]
    [TestCase(0x0085 + 1, "U+0086")]
    [TestCase(0xD800, "U+D800")]
    [TestCase(0xDC00, "U+DC00")]
    public void Control_characters_and_unpaired_surrogates_are_replaced_and_reported(int character, string reported)
    {
        var run = _font.Shape("a" + (char)character + "b");

        Assert.Multiple(() =>
        {
            Assert.That(CodePointsDrawn(run), Is.EqualTo(new[] { 'a', 0xFFFD, 'b' }));
            Assert.That(_warnings.Single(), Does.Contain(reported));
        });
    }

    [Test]
    public void A_surrogate_pair_is_one_character()
    {
        var run = _font.Shape("\U0001F600");

        Assert.That(run.Count, Is.EqualTo(1));
    }

    [Test]
    public void A_tab_is_drawn_as_a_space()
    {
        Assert.That(CodePointsDrawn(_font.Shape("a\tb")), Is.EqualTo(new[] { 'a', ' ', 'b' }));
    }

    [Test]
    public void Format_characters_the_font_lacks_are_invisible_and_not_reported()
    {
        Assert.That(StandardFonts.Regular.GlyphFor(0x2067), Is.Zero, "precondition: DejaVu Sans has no glyph for U+2067");

        var run = _font.Shape("a\u2067b\u2069");

        Assert.Multiple(() =>
        {
            Assert.That(CodePointsDrawn(run), Is.EqualTo(new[] { 'a', 'b' }));
            Assert.That(_warnings, Is.Empty);
        });
    }

    [Test]
    public void A_letter_typed_with_a_combining_accent_uses_the_precomposed_glyph()
    {
        var run = _font.Shape("e\u0301");

        Assert.That(CodePointsDrawn(run), Is.EqualTo(new[] { 'é' }));
    }

    [Test]
    public void Spaces_and_hyphens_are_break_opportunities()
    {
        var run = _font.Shape("a b-c");

        Assert.That(run.Kinds.ToArray(), Is.EqualTo(new[] { GlyphKind.Normal, GlyphKind.Space, GlyphKind.Normal, GlyphKind.BreakAfter, GlyphKind.Normal }));
    }

    [Test]
    public void A_no_break_space_is_not_a_break_opportunity()
    {
        Assert.That(_font.Shape("a\u00A0b").Kinds.ToArray(), Has.None.EqualTo(GlyphKind.Space));
    }
}
