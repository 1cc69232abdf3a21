using ApprenticeTracker.Pdf.Tests.Support;

namespace ApprenticeTracker.Pdf.Tests;

public class DeterminismTests
{
    internal static PdfDocument Report(string name = "Łucja Wójcik")
    {
        var document = new PdfDocument()
            .Footer(new PageBand { Right = page => $"Page {page.Number} of {page.Count}" })
            .Heading($"Progress review: {name}")
            .Paragraph(Samples.Lorem + Samples.Greek)
            .BulletList(Samples.Names)
            .Table([TableColumn.Auto(), TableColumn.Relative()], table =>
            {
                table.HeaderRow("Apprentice", "Notes");
                foreach (var n in Samples.Names)
                {
                    table.Row(n, Samples.Cyrillic);
                }
            })
            .Image(PngWriter.Write(1, 6, 8, [[10, 20, 30, 40]]))
            .Canvas(40, canvas => canvas.FillRectangle(0, 0, 100, 20, Colour.FromHex("#1d70b8")));
        document.Info.Title = "Progress review";
        document.Info.CreationDate = Samples.Created;
        return document;
    }

    [Test]
    public void The_report_these_tests_compare_is_accepted_by_the_independent_readers()
    {
        var report = IndependentReaders.Check(Report().Render(), 1);

        Assert.That(report.Text, Does.Contain("Progress review: Łucja Wójcik"));
    }

    [Test]
    public void The_same_input_gives_byte_identical_output()
    {
        var first = Report().Render().Content;
        var second = Report().Render().Content;

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Rendering_one_document_twice_gives_identical_output()
    {
        var document = Report();
        var first = document.Render().Content;

        var second = document.Render().Content;

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Different_content_gives_a_different_file_identifier()
    {
        Assert.That(FileId(Report("Ayşe Yılmaz").Render().Content), Is.Not.EqualTo(FileId(Report().Render().Content)));
    }

    [Test]
    public void A_document_without_a_creation_date_carries_no_dates()
    {
        var rendered = new PdfDocument().Paragraph("x").Render();
        IndependentReaders.Check(rendered, 1);

        var text = System.Text.Encoding.Latin1.GetString(rendered.Content);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("/CreationDate"));
            Assert.That(text, Does.Not.Contain("/ModDate"));
        });
    }

    private static string FileId(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var start = text.LastIndexOf("/ID [<", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0));
        return text.Substring(start + 6, 32);
    }
}
