using NUnit.Framework.Constraints;

namespace ApprenticeTracker.Pdf.Tests;

public class ArgumentValidationTests
{
    private static EqualStringConstraint RefusedNaming(string parameter) =>
        Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(parameter);

    [TestCase(-10)]
    [TestCase(0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void A_column_width_that_is_not_positive_and_finite_is_refused_naming_it(double width)
    {
        Assert.That(() => TableColumn.Fixed(width), RefusedNaming("width"));
    }

    [Test]
    public void A_relative_column_weight_of_zero_is_refused_naming_it()
    {
        Assert.That(() => TableColumn.Relative(0), RefusedNaming("weight"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Empty_alternative_text_is_refused_naming_it(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new PdfDocument().Canvas(10, _ => { }, text), RefusedNaming("alternativeText"));
            Assert.That(() => new PdfDocument().Image(Support.PngWriter.Write(1, 2, 8, [[0, 0, 0]]), alternativeText: text), RefusedNaming("alternativeText"));
        });
    }

    [TestCase("")]
    [TestCase("en_GB")]
    [TestCase("englishman-GB")]
    [TestCase("12-GB")]
    public void A_language_that_is_not_a_language_tag_is_refused(string language)
    {
        Assert.That(() => new PdfDocument().Info.Language = language, RefusedNaming("value"));
    }

    [Test]
    public void A_table_without_columns_is_refused()
    {
        Assert.That(() => new PdfDocument().Table([], _ => { }), RefusedNaming("columns"));
    }

    [Test]
    public void A_row_with_the_wrong_number_of_cells_is_refused_naming_the_cells()
    {
        Assert.That(() => new PdfDocument().Table([TableColumn.Auto(), TableColumn.Auto()], t => t.Row("only one")), RefusedNaming("cells"));
    }

    [Test]
    public void A_null_cell_is_refused()
    {
        Assert.That(() => new PdfDocument().Table([TableColumn.Auto()], t => t.Row((string)null!)), RefusedNaming("cells"));
    }

    [Test]
    public void Negative_cell_padding_is_refused()
    {
        Assert.That(() => new PdfDocument().Table([TableColumn.Auto()], t => t.CellPadding = -1), RefusedNaming("value"));
    }

    [TestCase(0)]
    [TestCase(7)]
    public void A_heading_level_outside_1_to_6_is_refused_naming_it(int level)
    {
        Assert.That(() => new PdfDocument().Heading("Title", level), RefusedNaming("level"));
    }

    [Test]
    public void Null_paragraph_text_is_refused_naming_it()
    {
        Assert.That(() => new PdfDocument().Paragraph(null!), RefusedNaming("text"));
    }

    [Test]
    public void A_null_list_item_is_refused()
    {
        Assert.That(() => new PdfDocument().BulletList(["a", null!]), RefusedNaming("items"));
    }

    [TestCase(-1)]
    [TestCase(double.NaN)]
    public void A_spacer_height_that_is_negative_or_not_a_number_is_refused(double height)
    {
        Assert.That(() => new PdfDocument().Spacer(height), RefusedNaming("height"));
    }

    [Test]
    public void A_canvas_taller_than_the_content_area_is_refused_naming_its_height()
    {
        var document = new PdfDocument(PageSetup.A4Portrait);

        Assert.That(() => document.Canvas(PageSetup.A4Portrait.ContentHeight + 1, _ => { }), RefusedNaming("height"));
    }

    [Test]
    public void A_canvas_rectangle_with_a_negative_width_is_refused_naming_it()
    {
        Assert.That(() => new PdfDocument().Canvas(50, c => c.FillRectangle(0, 0, -5, 10, Colour.Black)), RefusedNaming("width"));
    }

    [Test]
    public void A_canvas_coordinate_that_is_not_finite_is_refused_naming_it()
    {
        Assert.That(() => new PdfDocument().Canvas(50, c => c.Line(0, double.NaN, 10, 10, Colour.Black)), RefusedNaming("y1"));
    }

    [TestCase(0)]
    [TestCase(-12)]
    [TestCase(501)]
    public void A_font_size_outside_the_range_is_refused_naming_it(double size)
    {
        Assert.That(() => TextStyle.Body with { Size = size }, RefusedNaming("Size"));
    }

    [Test]
    public void Margins_that_leave_no_room_for_content_are_refused()
    {
        Assert.That(() => new PageSetup(PageSize.A4, PageOrientation.Portrait, Margins.All(280)), RefusedNaming("margins"));
    }

    [Test]
    public void A_negative_margin_is_refused_naming_it()
    {
        Assert.That(() => new Margins(10, -1, 10, 10), RefusedNaming("right"));
    }

    [Test]
    public void A_page_smaller_than_an_inch_is_refused()
    {
        Assert.That(() => new PageSize(20, 800), RefusedNaming("width"));
    }

    [TestCase("#12345")]
    [TestCase("blue")]
    [TestCase("#GGGGGG")]
    public void A_colour_that_is_not_six_hex_digits_is_refused(string hex)
    {
        Assert.That(() => Colour.FromHex(hex), RefusedNaming("hex"));
    }

    [Test]
    public void A_valid_colour_is_parsed()
    {
        Assert.That(Colour.FromHex("#1d70B8"), Is.EqualTo(new Colour(0x1D, 0x70, 0xB8)));
    }
}
