using System.IO.Compression;
using System.Text.RegularExpressions;
using ApprenticeTracker.Pdf.Tests.Support;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Reports.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Reports.Tests;

/// <summary>Reports judged by independent readers: poppler's pdftotext and pdfinfo, and qpdf.</summary>
public partial class EpaReportPdfTests
{
    private DemoWorld _world = null!;
    private string _folder = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _world = await DemoWorld.CreateAsync();
        _folder = Path.Combine(Path.GetTempPath(), "epa-report-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        await _world.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task The_text_holds_every_duty_statement_the_name_in_its_own_letters_and_the_sign_offs()
    {
        var report = await BuildAsync(_world.EnrolmentOf(DemoDataSeeder.ApprenticeEmail));
        var pdf = EpaReportPdf.Render(report);

        var text = Normalise(PdfToText(pdf.Content));

        Assert.That(pdf.Warnings, Is.Empty);
        foreach (var duty in report.Duties)
        {
            Assert.That(text, Does.Contain(Normalise(duty.Statement)), duty.Code);
        }

        var signOff = report.Duties.First(d => d.IsSignedOff).SignOff!;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Łucja Wójcik"));
            Assert.That(text, Does.Contain($"Unique learner number {report.Uln}"));
            Assert.That(text, Does.Contain($"by Grace Adeyemi on {Domain.Common.Dates.Display(signOff.SignedAt)}"));
            Assert.That(text, Does.Contain(ReportTerms.NotSignedOff));
            Assert.That(text, Does.Contain("Łucja Wójcik · ST0413 v1.1 · Page 1 of " + pdf.PageCount));
        });
    }

    [Test]
    public async Task Pdfinfo_reads_the_page_count_and_the_document_information()
    {
        var pdf = EpaReportPdf.Render(await BuildAsync(_world.EnrolmentOf(DemoDataSeeder.ApprenticeEmail)));
        var path = Write(pdf.Content, "info.pdf");

        var info = ExternalTool.Run("pdfinfo", path);

        Assert.That(info.ExitCode, Is.Zero, info.Error);
        Assert.That(pdf.PageCount, Is.GreaterThan(12), "Cover, summary, ten duties and the appendix.");
        Assert.Multiple(() =>
        {
            Assert.That(info.Output, Does.Match($@"Pages:\s+{pdf.PageCount}\b"));
            Assert.That(info.Output, Does.Contain("End-point assessment report: Łucja Wójcik"));
            Assert.That(info.Output, Does.Match(@"Author:\s+University of Northbridge"));
            Assert.That(info.Output, Does.Contain("ST0413 v1.1"));
        });
    }

    [Test]
    public async Task A_revoked_sign_off_prints_its_reason()
    {
        var report = await BuildAsync(_world.EnrolmentOfName("Ayşe", "Yılmaz"));

        var text = Normalise(PdfToText(EpaReportPdf.Render(report).Content));

        Assert.That(text, Does.Contain("Revoked sign-off"));
        Assert.That(text, Does.Contain("More evidence of leading the work is needed."));
    }

    [Test]
    public async Task An_interlaced_png_attachment_is_drawn_in_the_appendix()
    {
        var report = await BuildAsync(_world.EnrolmentOfName("Ayşe", "Yılmaz"));
        Assert.That(report.Appendix, Is.Not.Empty, "the demo apprentice has accepted evidence");
        var png = PngWriter.Write(2, 2, 8, [[255, 0, 0, 0, 255, 0], [0, 0, 255, 255, 255, 0]], interlaced: true);
        var attachment = new AttachmentRecord("ward-board.png", png.Length, new string('0', 64), "image/png", png);
        var withImage = report with
        {
            Appendix = [report.Appendix[0] with { Attachments = [.. report.Appendix[0].Attachments, attachment] }, .. report.Appendix.Skip(1)],
        };

        var before = ImagesDrawn(EpaReportPdf.Render(report).Content);
        var pdf = EpaReportPdf.Render(withImage).Content;

        Assert.Multiple(() =>
        {
            Assert.That(ImagesDrawn(pdf), Is.EqualTo(before + 1));
            Assert.That(PdfToText(pdf), Does.Not.Contain("could not be shown"));
        });
    }

    [Test]
    public async Task Qpdf_finds_no_fault_in_the_report_of_any_demo_apprentice()
    {
        ExternalTool.Require("qpdf");
        await using var db = _world.CreateDbContext();
        var enrolments = await db.Enrolments.Select(e => e.Id).ToListAsync();
        var builder = _world.Builder();

        var failures = new List<string>();
        foreach (var id in enrolments)
        {
            var report = (await builder.BuildAsync(id, withThumbnails: true, CancellationToken.None))!;
            var path = Write(EpaReportPdf.Render(report).Content, $"{id:N}.pdf");
            var check = ExternalTool.Run("qpdf", "--check", path);
            if (check.ExitCode != 0 || !check.Output.Contains("No syntax or stream encoding errors found", StringComparison.Ordinal))
            {
                failures.Add($"{report.ApprenticeName}: {check.Output} {check.Error}");
            }
        }

        Assert.That(enrolments, Has.Count.GreaterThan(20));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task The_zip_export_holds_one_valid_report_per_enrolment_with_safe_names()
    {
        await using var db = _world.CreateDbContext();
        var targets = await db.Enrolments
            .Join(db.Apprentices, e => e.ApprenticeId, a => a.Id, (e, a) => new ReportTarget(e.Id, a.GivenName + " " + a.FamilyName))
            .Take(3).ToListAsync();
        var export = new EpaReportExport(_world, _world.Builder());
        using var output = new MemoryStream();

        await export.WriteZipAsync(targets, output, CancellationToken.None);

        output.Position = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Read);
        Assert.That(zip.Entries.Select(e => e.Name), Is.EquivalentTo(targets.Select(t => EpaReportExport.FileName(t.ApprenticeName, t.EnrolmentId))));
        using var first = zip.Entries[0].Open();
        var header = new byte[5];
        first.ReadExactly(header);
        Assert.That(System.Text.Encoding.ASCII.GetString(header), Is.EqualTo("%PDF-"));
    }

    [TestCase("Łucja Wójcik", "Łucja-Wójcik-")]
    [TestCase("Siobhán Ó Súilleabháin", "Siobhán-Ó-Súilleabháin-")]
    [TestCase("../../etc/passwd", "etc-passwd-")]
    [TestCase("   ", "apprentice-")]
    public void File_names_keep_letters_and_replace_everything_else(string name, string expectedStart)
    {
        var id = Guid.Parse("0a1b2c3d-0000-0000-0000-000000000000");

        var fileName = EpaReportExport.FileName(name, id);

        Assert.That(fileName, Is.EqualTo(expectedStart + "0a1b2c3d-epa-report.pdf"));
    }

    private async Task<EpaReport> BuildAsync(Guid enrolmentId) =>
        await _world.Builder().BuildAsync(enrolmentId, withThumbnails: true, CancellationToken.None)
        ?? throw new AssertionException("No report was built.");

    private string PdfToText(byte[] pdf)
    {
        var path = Write(pdf, Guid.NewGuid().ToString("N") + ".pdf");
        var result = ExternalTool.Run("pdftotext", "-enc", "UTF-8", path, "-");
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        return result.Output;
    }

    /// <summary>How many times images are drawn, as poppler's pdfimages lists them (soft masks not counted).</summary>
    private int ImagesDrawn(byte[] pdf)
    {
        var result = ExternalTool.Run("pdfimages", "-list", Write(pdf, Guid.NewGuid().ToString("N") + ".pdf"));
        Assert.That(result.ExitCode, Is.Zero, result.Error);
        return result.Output.Split('\n').Count(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, "image", ..]);
    }

    private string Write(byte[] content, string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Text as pdftotext gives it has lines broken where the layout broke them; compare with single spaces.</summary>
    private static string Normalise(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
