using ApprenticeTracker.Pdf.Writing;

namespace ApprenticeTracker.Pdf.Tests.Writing;

public class PdfStringsTests
{
    private static string TextString(string text) => new ByteBuffer().AppendTextString(text).ToString();

    [Test]
    public void Printable_ascii_is_a_literal_string_with_parentheses_and_backslashes_escaped()
    {
        Assert.That(TextString(@"Report (draft) \ v2"), Is.EqualTo(@"(Report \(draft\) \\ v2)"));
    }

    [Test]
    public void Other_text_is_utf16_big_endian_with_a_byte_order_mark()
    {
        Assert.That(TextString("Łu"), Is.EqualTo("<FEFF01410075>"));
    }

    [Test]
    public void Control_characters_force_the_utf16_form_so_no_raw_control_byte_is_written()
    {
        Assert.That(TextString("a\nb"), Is.EqualTo("<FEFF0061000A0062>"));
    }

    [Test]
    public void A_surrogate_pair_is_kept_and_an_unpaired_surrogate_becomes_the_replacement_character()
    {
        Assert.That(TextString("\U0001F600\uD800"), Is.EqualTo("<FEFFD83DDE00FFFD>"));
    }

    [Test]
    public void An_empty_string_is_an_empty_literal()
    {
        Assert.That(TextString(string.Empty), Is.EqualTo("()"));
    }

    [Test]
    public void Dates_carry_their_offset_from_utc()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PdfStrings.Date(new DateTimeOffset(2026, 1, 31, 9, 30, 5, TimeSpan.FromHours(1))), Is.EqualTo("D:20260131093005+01'00'"));
            Assert.That(PdfStrings.Date(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromMinutes(-330))), Is.EqualTo("D:20260701000000-05'30'"));
        });
    }
}
