using ApprenticeTracker.Pdf.Writing;

namespace ApprenticeTracker.Pdf.Tests.Writing;

public class ByteBufferTests
{
    [TestCase(0.0, "0")]
    [TestCase(-0.0, "0")]
    [TestCase(-0.0004, "0")]
    [TestCase(12.0, "12")]
    [TestCase(-3.5, "-3.5")]
    [TestCase(595.276, "595.276")]
    [TestCase(1.23456, "1.235")]
    [TestCase(0.1, "0.1")]
    [TestCase(0.05, "0.05")]
    [TestCase(2.0005, "2.001")]
    [TestCase(1e-12, "0")]
    [TestCase(123456789.5, "123456789.5")]
    [TestCase(double.NaN, "0")]
    [TestCase(double.PositiveInfinity, "0")]
    public void Numbers_are_written_in_pdf_syntax_with_at_most_three_decimals(double value, string expected)
    {
        var buffer = new ByteBuffer();

        buffer.AppendNumber(value);

        Assert.That(buffer.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Numbers_do_not_depend_on_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
        try
        {
            Assert.That(new ByteBuffer().AppendNumber(1.5).Append(' ').Append(-1200).ToString(), Is.EqualTo("1.5 -1200"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [TestCase((ushort)0x0041, new byte[] { 0x00, 0x41 })]
    [TestCase((ushort)0x2829, new byte[] { 0x5C, 0x28, 0x5C, 0x29 })]
    [TestCase((ushort)0x5C0D, new byte[] { 0x5C, 0x5C, 0x5C, (byte)'r' })]
    [TestCase((ushort)0x0A00, new byte[] { 0x5C, (byte)'n', 0x00 })]
    public void Glyph_codes_in_literal_strings_escape_delimiters_backslashes_and_line_ends(ushort code, byte[] expected)
    {
        var buffer = new ByteBuffer();

        buffer.AppendStringCode(code);

        Assert.That(buffer.ToArray(), Is.EqualTo(expected));
    }
}
