namespace ApprenticeTracker.Pdf.Tests;

public class PageSetupTests
{
    [Test]
    public void Landscape_puts_the_long_side_horizontal()
    {
        var setup = new PageSetup(PageSize.A4, PageOrientation.Landscape, Margins.All(36));

        Assert.Multiple(() =>
        {
            Assert.That(setup.Width, Is.EqualTo(841.89));
            Assert.That(setup.Height, Is.EqualTo(595.276));
            Assert.That(setup.ContentWidth, Is.EqualTo(841.89 - 72).Within(1e-9));
        });
    }

    [Test]
    public void Portrait_puts_the_long_side_vertical_whichever_way_the_size_was_given()
    {
        var setup = new PageSetup(new PageSize(792, 612), PageOrientation.Portrait, Margins.All(36));

        Assert.Multiple(() =>
        {
            Assert.That(setup.Width, Is.EqualTo(612));
            Assert.That(setup.Height, Is.EqualTo(792));
        });
    }

    [Test]
    public void Each_page_of_the_file_has_the_setups_size()
    {
        var setup = new PageSetup(PageSize.Letter, PageOrientation.Portrait, Margins.All(72));

        var rendered = new PdfDocument(setup).Paragraph("a").PageBreak().Paragraph("b").Render();
        Support.IndependentReaders.Check(rendered, 2);

        var text = System.Text.Encoding.Latin1.GetString(rendered.Content);

        Assert.That(System.Text.RegularExpressions.Regex.Matches(text, @"/MediaBox \[0 0 612 792\]"), Has.Count.EqualTo(2));
    }
}
