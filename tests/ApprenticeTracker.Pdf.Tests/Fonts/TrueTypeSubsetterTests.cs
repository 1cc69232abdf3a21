using System.Buffers.Binary;
using ApprenticeTracker.Pdf.Fonts;

namespace ApprenticeTracker.Pdf.Tests.Fonts;

public class TrueTypeSubsetterTests
{
    private static TrueTypeFont Font => StandardFonts.Regular;

    private static (List<ushort> Order, TrueTypeFont Subset) SubsetOf(string text)
    {
        var glyphs = text.Select(c => Font.GlyphFor(c));
        var order = TrueTypeSubsetter.GlyphOrder(Font, glyphs);
        return (order, new TrueTypeFont(TrueTypeSubsetter.Build(Font, order)));
    }

    [Test]
    public void The_subset_holds_notdef_then_the_requested_glyphs_in_order_of_first_use()
    {
        var (order, subset) = SubsetOf("BAAB");

        Assert.Multiple(() =>
        {
            Assert.That(order, Is.EqualTo(new ushort[] { 0, Font.GlyphFor('B'), Font.GlyphFor('A') }));
            Assert.That(subset.GlyphCount, Is.EqualTo(3));
        });
    }

    [Test]
    public void Components_of_composite_glyphs_are_added_to_the_subset()
    {
        var (order, subset) = SubsetOf("é");

        Assert.Multiple(() =>
        {
            Assert.That(order, Is.EqualTo(new ushort[] { 0, 171, 72, 118 }));
            Assert.That(subset.GlyphCount, Is.EqualTo(4));
        });
    }

    [Test]
    public void Component_references_are_renumbered_to_the_subsets_glyph_ids()
    {
        var (_, subset) = SubsetOf("é");

        Assert.Multiple(() =>
        {
            Assert.That(subset.ComponentsOf(1), Is.EqualTo(new ushort[] { 2, 3 }));
            Assert.That(subset.GlyphData(2).ToArray(), Is.EqualTo(Font.GlyphData(72).ToArray()), "first component outline");
            Assert.That(subset.GlyphData(3).ToArray(), Is.EqualTo(Font.GlyphData(118).ToArray()), "second component outline");
        });
    }

    [Test]
    public void A_component_already_requested_is_not_added_twice()
    {
        var (order, _) = SubsetOf("eé");

        Assert.That(order, Is.EqualTo(new ushort[] { 0, 72, 171, 118 }));
    }

    [Test]
    public void Advance_widths_and_side_bearings_survive_subsetting()
    {
        var (order, subset) = SubsetOf("Łucja Wójcik Дмитрий Ω");

        for (var newId = 0; newId < order.Count; newId++)
        {
            Assert.Multiple(() =>
            {
                Assert.That(subset.Advance(newId), Is.EqualTo(Font.Advance(order[newId])), $"advance of glyph {order[newId]}");
                Assert.That(subset.LeftSideBearing(newId), Is.EqualTo(Font.LeftSideBearing(order[newId])), $"bearing of glyph {order[newId]}");
            });
        }
    }

    [Test]
    public void The_subset_carries_the_tables_a_pdf_font_program_needs_and_no_character_map()
    {
        var (_, subset) = SubsetOf("abc");

        Assert.That(subset.TableTags, Is.SupersetOf(new[] { "head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm" }));
    }

    [Test]
    public void The_subset_file_checksum_adjustment_is_correct()
    {
        var file = TrueTypeSubsetter.Build(Font, TrueTypeSubsetter.GlyphOrder(Font, "Hello".Select(c => Font.GlyphFor(c))));

        uint sum = 0;
        for (var i = 0; i < file.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(i)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(file.Length % 4, Is.Zero);
            Assert.That(sum, Is.EqualTo(0xB1B0AFBA));
        });
    }

    [Test]
    public void The_subset_is_much_smaller_than_the_font()
    {
        var file = TrueTypeSubsetter.Build(Font, TrueTypeSubsetter.GlyphOrder(Font, "The quick brown fox".Select(c => Font.GlyphFor(c))));

        Assert.That(file, Has.Length.LessThan(10_000));
    }

    [Test]
    public void A_glyph_id_outside_the_font_is_refused()
    {
        Assert.That(() => TrueTypeSubsetter.GlyphOrder(Font, [60000]),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("glyphs"));
    }
}
