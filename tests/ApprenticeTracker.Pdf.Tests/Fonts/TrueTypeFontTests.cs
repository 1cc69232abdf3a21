using ApprenticeTracker.Pdf.Fonts;

namespace ApprenticeTracker.Pdf.Tests.Fonts;

/// <summary>
/// Expected values were read from DejaVuSans.ttf with a separate, minimal parser (Python struct), not
/// with the code under test.
/// </summary>
public class TrueTypeFontTests
{
    private static TrueTypeFont Font => StandardFonts.Regular;

    [TestCase('A', 36)]
    [TestCase(' ', 3)]
    [TestCase('Ł', 259)]
    [TestCase('Ж', 939)]
    [TestCase('Ω', 830)]
    [TestCase('\uFFFD', 5372)]
    public void Characters_map_to_the_glyph_ids_of_the_fonts_character_map(char character, int glyph)
    {
        Assert.That(Font.GlyphFor(character), Is.EqualTo(glyph));
    }

    [Test]
    public void Vietnamese_precomposed_letters_map_to_their_glyphs()
    {
        Assert.That(Font.GlyphFor('ễ'), Is.EqualTo(2499));
    }

    [TestCase(36, 1401)]
    [TestCase(3, 651)]
    [TestCase(939, 2206)]
    public void Advance_widths_come_from_the_horizontal_metrics(int glyph, int advance)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Font.UnitsPerEm, Is.EqualTo(2048));
            Assert.That(Font.Advance(glyph), Is.EqualTo(advance));
        });
    }

    [Test]
    public void A_character_the_font_lacks_maps_to_glyph_zero()
    {
        Assert.That(Font.GlyphFor('中'), Is.Zero);
    }

    [Test]
    public void A_composite_glyph_lists_the_glyphs_it_is_built_from()
    {
        var eAcute = Font.GlyphFor('é');

        Assert.Multiple(() =>
        {
            Assert.That(eAcute, Is.EqualTo(171));
            Assert.That(Font.ComponentsOf(eAcute), Is.EqualTo(new ushort[] { 72, 118 }));
            Assert.That(Font.ComponentsOf(Font.GlyphFor('A')), Is.Empty);
        });
    }

    [Test]
    public void The_bundled_fonts_allow_embedding()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StandardFonts.Regular.EmbeddingFlags & 0x2, Is.Zero);
            Assert.That(StandardFonts.Bold.EmbeddingFlags & 0x2, Is.Zero);
            Assert.That(StandardFonts.Regular.PostScriptName, Is.EqualTo("DejaVuSans"));
            Assert.That(StandardFonts.Bold.PostScriptName, Is.EqualTo("DejaVuSans-Bold"));
        });
    }

    [Test]
    public void The_bundled_fonts_cover_latin_extended_greek_and_cyrillic()
    {
        var text = string.Concat(Support.Samples.Names) + Support.Samples.Greek + Support.Samples.Cyrillic + "ĀāĂăĄąĆćŻżŽžŐőŰűȘșȚț";
        foreach (var font in new[] { StandardFonts.Regular, StandardFonts.Bold })
        {
            var missing = text.Normalize().Where(c => font.GlyphFor(c) == 0).Distinct().ToArray();

            Assert.That(missing, Is.Empty, font.PostScriptName);
        }
    }

    [Test]
    public void A_truncated_font_is_refused_as_invalid_data()
    {
        var data = StandardFonts.ReadResource("DejaVuSans.ttf")[..4000];

        Assert.That(() => new TrueTypeFont(data), Throws.InstanceOf<InvalidDataException>());
    }

    [Test]
    public void Data_that_is_not_a_truetype_font_is_refused_as_invalid_data()
    {
        Assert.That(() => new TrueTypeFont("%PDF-1.7 not a font at all"u8.ToArray()), Throws.InstanceOf<InvalidDataException>());
    }
}
