using ApprenticeTracker.Pdf.Tests.Support;
using ApprenticeTracker.Reports.Tests.Support;

namespace ApprenticeTracker.Reports.Tests;

/// <summary>The EPA report as a tagged PDF (PDF/UA-1), read back by poppler and qpdf.</summary>
public class EpaReportTaggingTests
{
    private DemoWorld _world = null!;
    private EpaReport _report = null!;
    private byte[] _pdf = null!;

    [OneTimeSetUp]
    public async Task Render()
    {
        _world = await DemoWorld.CreateAsync();
        // Ayşe's report has every kind of content: sign-offs, a revoked one, evidence tables, feedback lists.
        _report = (await _world.Builder().BuildAsync(_world.EnrolmentOfName("Ayşe", "Yılmaz"), withThumbnails: true, CancellationToken.None))!;
        _pdf = EpaReportPdf.Render(_report).Content;
    }

    [OneTimeTearDown]
    public async Task TearDown() => await _world.DisposeAsync();

    [Test]
    public void Headings_follow_the_report_one_section_a_duty()
    {
        var tree = TaggedPdf.StructureText(_pdf);

        var h1 = tree.Children.Where(e => e.Role == "H1").Select(e => e.Text.ToString()).ToList();

        Assert.That(h1, Is.EqualTo(new[] { ReportTerms.ReportTitle, "Summary" }
            .Concat(_report.Duties.Select(d => $"{d.Code}: "))
            .Append("Progress reviews")
            .Append("Appendix: accepted evidence")).Using<string, string>((actual, expected) => actual.StartsWith(expected, StringComparison.Ordinal)));
        Assert.Multiple(() =>
        {
            Assert.That(tree.Role, Is.EqualTo("Document"));
            Assert.That(tree.Children.Where(e => e.Role == "H2").Select(e => e.Text.ToString()),
                Does.Contain("Evidence per duty").And.Contain(ReportTerms.GatewayReadiness).And.Contain("Sign-off"));
            Assert.That(tree.Children.Select(e => e.Role), Has.All.AnyOf("H1", "H2", "P", "L", "Table", "Figure"));
        });
    }

    [Test]
    public void Tables_have_header_cells_by_column_and_the_facts_tables_by_row()
    {
        var tree = TaggedPdf.Qpdf(_pdf).Root;
        var poppler = TaggedPdf.StructureText(_pdf);

        var tables = poppler.Children.Where(e => e.Role == "Table").ToList();
        var cover = tables[0];
        var evidence = tables.First(t => t.Children[0].Children.Select(c => c.Text.ToString()).SequenceEqual(["Date", "Title", "Type", "Status", "Decision"]));

        Assert.Multiple(() =>
        {
            Assert.That(cover.Children.Select(row => row.Shape), Has.All.EqualTo("TR(TH TD)"), "the cover's labels head their rows");
            Assert.That(cover.Children.Select(row => row.Children[0].Attributes["Scope"]), Has.All.EqualTo("Row"));
            Assert.That(cover.Children[0].Children[0].Text.ToString(), Is.EqualTo("Apprentice"));
            Assert.That(evidence.Children[0].Children.Select(c => c.Attributes["Scope"]), Has.All.EqualTo("Column"));
            Assert.That(evidence.Children.Skip(1).SelectMany(row => row.Children).Select(c => c.Role), Has.All.EqualTo("TD"));
            Assert.That(tree.Descendants().Where(e => e.Role == "TH").Select(e => e.Scope), Has.All.AnyOf("Row", "Column"));
        });
    }

    [Test]
    public void The_evidence_chart_says_each_duty_s_figures_in_words()
    {
        var figures = TaggedPdf.Qpdf(_pdf).Root.Descendants().Where(e => e.Role == "Figure").ToList();

        Assert.That(figures, Has.Count.EqualTo(1), "the chart; the progress bar beside its sentence is decoration");
        Assert.Multiple(() =>
        {
            foreach (var duty in _report.Progress.Duties)
            {
                Assert.That(figures[0].Alt, Does.Contain(
                    $"{duty.Duty.Code}: {duty.Accepted} accepted, {duty.Submitted} submitted, {duty.ReferredBack} referred back; {(duty.IsSignedOff ? "signed off" : "not signed off")}."));
            }

            Assert.That(_report.Progress.Duties.Sum(d => d.Accepted), Is.GreaterThan(0), "the figures are not all nought");
        });
    }

    [Test]
    public void Feedback_histories_are_lists_with_labels_and_bodies()
    {
        var tree = TaggedPdf.StructureText(_pdf);

        var lists = tree.Children.Where(e => e.Role == "L").ToList();

        Assert.That(_report.Appendix.Sum(a => a.Reviews.Count), Is.GreaterThan(0), "Ayşe's evidence has feedback");
        Assert.That(lists.SelectMany(l => l.Children).Count(), Is.EqualTo(_report.Appendix.Sum(a => a.Reviews.Count)));
        Assert.That(lists.SelectMany(l => l.Children).Select(item => item.Shape), Has.All.EqualTo("LI(Lbl LBody)"));
    }

    [Test]
    public void The_title_language_and_tagging_are_declared_and_the_footer_is_an_artifact()
    {
        using var file = new TemporaryFile(_pdf);

        var view = TaggedPdf.Qpdf(_pdf);
        var info = ExternalTool.Run("pdfinfo", file.Path);
        var metadata = ExternalTool.Run("pdfinfo", "-meta", file.Path);
        var tree = TaggedPdf.StructureText(_pdf);

        Assert.Multiple(() =>
        {
            Assert.That(view.Catalog.GetProperty("/Lang").GetString(), Is.EqualTo("u:en-GB"));
            Assert.That(view.Catalog.GetProperty("/ViewerPreferences").GetProperty("/DisplayDocTitle").GetBoolean(), Is.True);
            Assert.That(view.Catalog.GetProperty("/MarkInfo").GetProperty("/Marked").GetBoolean(), Is.True);
            Assert.That(view.Pages.Select(p => p.GetProperty("/StructParents").GetInt32()), Is.EqualTo(Enumerable.Range(0, view.Pages.Count)));
            Assert.That(info.Output, Does.Match(@"Tagged: +yes\n"));
            Assert.That(metadata.Output, Does.Contain($"<rdf:li xml:lang=\"x-default\">{ReportTerms.ReportTitle}: Ayşe Yılmaz</rdf:li>"));
            Assert.That(metadata.Output, Does.Contain("<pdfuaid:part>1</pdfuaid:part>"));
            Assert.That(tree.SquashedText, Does.Not.Contain("Page1of"), "the footer is page furniture");
            Assert.That(TaggedPdf.PageContents(_pdf).SelectMany(p => p.Unmarked), Is.Empty, "everything drawn is tagged or an artifact");
        });
    }

    [Test]
    public void The_tree_reads_in_the_order_the_pages_show()
    {
        var tree = TaggedPdf.StructureText(_pdf);
        var words = TaggedPdf.VisualWords(_pdf);

        TaggedPdf.AssertReadingOrderFollowsThePage(tree, words);
        Assert.That(tree.Descendants().Count(e => e.Text.Length > 0), Is.GreaterThan(100));
    }
}
