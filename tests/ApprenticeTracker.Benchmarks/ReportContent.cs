namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// The content of the representative report, independent of how it is rendered, so the PDF writer and
/// Chromium are timed on the same text, rows and charts.
/// </summary>
internal sealed class ReportContent
{
    private static readonly string[] Names =
    [
        "Łucja Wójcik", "Nguyễn Thị Hà", "Ayşe Yılmaz", "Siobhán Ó Súilleabháin", "Αλέξανδρος Παπαδόπουλος",
        "Дмитрий Иванов", "Oliver Smith", "Zoë Brontë", "Björn Ångström", "Chloé Lefèvre", "Jürgen Müller",
        "Małgorzata Kowalczyk", "Ólafur Þórsson", "Ioana Mărgărit", "Tomáš Dvořák", "Aisling Ní Bhriain",
    ];

    private static readonly string[] Duties =
    [
        "Maintain secure systems", "Gather requirements", "Test and debug", "Deploy to production", "Document decisions",
        "Review code", "Support users", "Plan work", "Manage data", "Improve processes",
    ];

    private const string Sentence =
        "The apprentice has shown steady progress against the knowledge, skills and behaviours of the standard, " +
        "with evidence reviewed by the employer and the training provider at each progress review. ";

    public ReportContent()
    {
        var random = new Random(20260131);
        for (var s = 0; s < 10; s++)
        {
            var paragraphs = new List<string>();
            for (var p = 0; p < 4; p++)
            {
                paragraphs.Add($"{Names[(s + p) % Names.Length]}: " + string.Concat(Enumerable.Repeat(Sentence, 3 + ((s + p) % 3))));
            }

            var bars = Duties.Select(d => (d, random.Next(10, 100))).ToList();
            Sections.Add(new Section($"{s + 1}. {Duties[s]}", paragraphs, bars));
        }

        for (var r = 0; r < 400; r++)
        {
            Rows.Add(new Row(
                Names[r % Names.Length],
                Duties[r % Duties.Length],
                new DateOnly(2025, 1, 1).AddDays(r).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
                random.Next(1, 40).ToString(System.Globalization.CultureInfo.InvariantCulture),
                r % 7 == 0 ? "Awaiting sign-off" : "Accepted"));
        }
    }

    public string Title => "End-point assessment readiness report";

    public string Subtitle => "Software Developer (ST0116), cohort September 2025";

    public IReadOnlyList<string> TitleNames => Names;

    public List<Section> Sections { get; } = [];

    public List<Row> Rows { get; } = [];

    internal sealed record Section(string Heading, List<string> Paragraphs, List<(string Label, int Percent)> Bars);

    internal sealed record Row(string Apprentice, string Duty, string Date, string Hours, string Status);
}
