using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ApprenticeTracker.Pdf;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// Issues 5 and 18's benchmark: the same representative report written by ApprenticeTracker.Pdf and printed by
/// headless Chromium, both as tagged PDF, Chromium both started afresh for each document (cold) and kept open
/// (warm). The last line of output is the result, in issue 18's exact format.
/// </summary>
internal static class PdfBenchmark
{
    /// <summary>
    /// Warm-up lasts at least this many runs and this long, so that the JIT has promoted the hot methods to
    /// optimised code (tiered compilation waits for 30 calls and then compiles in the background).
    /// </summary>
    private const int WarmUpRuns = 50;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);
    private const int MeasuredRuns = 50;
    private const int ChromiumRuns = 5;
    private const int WarmChromiumWarmUpRuns = 3;
    private const int WarmChromiumRuns = 10;
    private const string Chromium = "/usr/bin/chromium";
    private static readonly DateTimeOffset Created = new(2026, 1, 31, 9, 0, 0, TimeSpan.Zero);
    private static readonly Colour Blue = Colour.FromHex("#1d70b8");

    public static int Run()
    {
        // Other work on the machine stretches wall-clock times, so the conditions are part of the result.
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        Console.WriteLine($"Machine: {Environment.ProcessorCount} processors, load average {load}");
        var content = new ReportContent();
        var outputDirectory = Directory.CreateTempSubdirectory("apprenticetracker-benchmark-");

        var pdf = Build(content).Render();
        var pdfPath = Path.Combine(outputDirectory.FullName, "report.pdf");
        File.WriteAllBytes(pdfPath, pdf.Content);
        Console.WriteLine($"PDF writer: {pdf.PageCount} pages, {pdf.Content.Length} bytes, {pdf.Warnings.Count} warnings, written to {pdfPath}");

        var warmUp = Stopwatch.StartNew();
        var warmUpRuns = 0;
        while (warmUpRuns < WarmUpRuns || warmUp.Elapsed < WarmUpTime)
        {
            Build(content).Render();
            warmUpRuns++;
        }

        var timings = new List<double>(MeasuredRuns);
        using var process = Process.GetCurrentProcess();
        var processorTime = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        for (var i = 0; i < MeasuredRuns; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Build(content).Render();
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var allocatedPerDocument = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)MeasuredRuns;
        collections = GC.CollectionCount(0) - collections;
        process.Refresh();
        var cpuPerDocument = (process.TotalProcessorTime - processorTime).TotalMilliseconds / MeasuredRuns;

        var median = Median(timings);
        Console.WriteLine(Invariant($"PDF writer: {MeasuredRuns} runs after {warmUpRuns} warm-up runs, min {timings.Min():0.00} ms, median {median:0.00} ms, max {timings.Max():0.00} ms"));
        // Processor time is far less affected than elapsed time by other work competing for the processors.
        Console.WriteLine(Invariant($"PDF writer: processor time per document, all threads and the garbage collector included, {cpuPerDocument:0.00} ms"));
        Console.WriteLine(Invariant($"PDF writer: {allocatedPerDocument / 1048576:0.00} MB allocated per document, {collections} collections of generation 0 in {MeasuredRuns} documents ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC)"));

        var htmlPath = Path.Combine(outputDirectory.FullName, "report.html");
        File.WriteAllText(htmlPath, Html(content), Encoding.UTF8);
        var chromiumMedian = File.Exists(Chromium) ? TimeChromium(htmlPath, outputDirectory.FullName) : null;
        var warmMedian = File.Exists(Chromium) ? TimeWarmChromium(htmlPath, outputDirectory.FullName) : null;
        var sizeKb = pdf.Content.Length / 1024.0;
        var chromiumPart = chromiumMedian is { } c
            ? Invariant($"chromium_median_ms={c:0.00} ratio={c / median:0.0}")
            : "chromium_median_ms=none ratio=none";
        var warmPart = warmMedian is { } w
            ? Invariant($"warm_chromium_median_ms={w:0.00} warm_ratio={w / median:0.0}")
            : "warm_chromium_median_ms=none warm_ratio=none";
        Console.WriteLine(Invariant($"PDF writer median_ms={median:0.00} {chromiumPart} {warmPart} size_kb={sizeKb:0.0}"));
        return 0;
    }

    /// <summary>The report as ApprenticeTracker.Pdf builds it: title page, 10 sections with a bar chart each, then the table.</summary>
    internal static PdfDocument Build(ReportContent content)
    {
        var document = new PdfDocument(PageSetup.A4Portrait)
            .Header(new PageBand { Left = _ => content.Title, Right = _ => content.Subtitle, Rule = true })
            .Footer(new PageBand { Right = page => $"Page {page.Number} of {page.Count}" });
        document.Info.Title = content.Title;
        document.Info.Subject = content.Subtitle;
        document.Info.Author = "ApprenticeTracker";
        document.Info.CreationDate = Created;

        var centred = TextStyle.Body with { Alignment = TextAlignment.Centre };
        document
            .Spacer(180)
            .Paragraph(content.Title, centred with { Size = 26, Weight = FontWeight.Bold, SpaceAfter = 16 })
            .Paragraph(content.Subtitle, centred with { Size = 14, SpaceAfter = 40 })
            .Paragraph(string.Join(" · ", content.TitleNames), centred with { Colour = Colour.Grey });

        var justified = TextStyle.Body with { Alignment = TextAlignment.Justified };
        foreach (var section in content.Sections)
        {
            document.PageBreak().Heading(section.Heading);
            foreach (var paragraph in section.Paragraphs)
            {
                document.Paragraph(paragraph, justified);
            }

            document.Heading("Progress by duty", 2).Canvas(section.Bars.Count * 16, canvas => BarChart(canvas, section.Bars), BarChartText(section.Bars));
        }

        document.PageBreak().Heading("Evidence log");
        document.Table(
            [TableColumn.Auto(), TableColumn.Relative(), TableColumn.Auto(), TableColumn.Auto() with { Alignment = TextAlignment.Right }, TableColumn.Auto()],
            table =>
            {
                table.AlternateRowBackground = new Colour(245, 245, 245);
                table.CellPadding = 2.5;
                table.HeaderRow("Apprentice", "Duty", "Date", "Hours", "Status");
                foreach (var row in content.Rows)
                {
                    table.Row(row.Apprentice, row.Duty, row.Date, row.Hours, row.Status);
                }
            });
        return document;
    }

    private static void BarChart(Canvas canvas, List<(string Label, int Percent)> bars)
    {
        const double LabelWidth = 150, BarHeight = 11, Pitch = 16;
        var barSpace = canvas.Width - LabelWidth - 40;
        var labelStyle = TextStyle.Body with { Size = 8 };
        for (var i = 0; i < bars.Count; i++)
        {
            var y = i * Pitch;
            canvas.Text(bars[i].Label, 0, y, labelStyle)
                .FillRectangle(LabelWidth, y, barSpace, BarHeight, Colour.LightGrey)
                .FillRectangle(LabelWidth, y, barSpace * bars[i].Percent / 100, BarHeight, Blue)
                .Text(Invariant($"{bars[i].Percent}%"), LabelWidth + barSpace + 4, y, labelStyle);
        }
    }

    /// <summary>The bar chart in words, the same in the PDF's alternative text and the HTML's label.</summary>
    private static string BarChartText(List<(string Label, int Percent)> bars) =>
        "Progress by duty: " + string.Join(", ", bars.Select(bar => Invariant($"{bar.Label} {bar.Percent}%"))) + ".";

    /// <summary>
    /// Times one Chromium kept open, printing the same HTML as a tagged PDF through the DevTools protocol, after a few
    /// prints to warm it: each document is a navigation to the file, its load, and <c>Page.printToPDF</c>.
    /// </summary>
    private static double? TimeWarmChromium(string htmlPath, string directory)
    {
        var page = new Uri(htmlPath);
        try
        {
            var started = Stopwatch.GetTimestamp();
            using var browser = DevToolsBrowser.StartAsync(Chromium).GetAwaiter().GetResult();
            Console.WriteLine(Invariant($"Warm Chromium: started and connected in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms"));
            byte[] printed = [];
            for (var i = 0; i < WarmChromiumWarmUpRuns; i++)
            {
                printed = browser.PrintAsync(page).GetAwaiter().GetResult();
            }

            var output = Path.Combine(directory, "chromium-warm.pdf");
            File.WriteAllBytes(output, printed);
            Console.WriteLine($"Warm Chromium: {printed.Length} bytes, written to {output}");

            var timings = new List<double>(WarmChromiumRuns);
            for (var i = 0; i < WarmChromiumRuns; i++)
            {
                started = Stopwatch.GetTimestamp();
                printed = browser.PrintAsync(page).GetAwaiter().GetResult();
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var median = Median(timings);
            Console.WriteLine(Invariant($"Warm Chromium: {WarmChromiumRuns} runs after {WarmChromiumWarmUpRuns} warm-up prints, min {timings.Min():0.00} ms, median {median:0.00} ms, max {timings.Max():0.00} ms"));
            return median;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Net.WebSockets.WebSocketException or OperationCanceledException or System.Text.Json.JsonException)
        {
            Console.WriteLine($"Warm Chromium: {exception.Message}; not counted.");
            return null;
        }
    }

    private static double? TimeChromium(string htmlPath, string directory)
    {
        var timings = new List<double>();
        for (var i = 0; i < ChromiumRuns; i++)
        {
            var profile = Directory.CreateTempSubdirectory("apprenticetracker-chromium-");
            var output = Path.Combine(directory, $"chromium-{i}.pdf");
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}",
                $"--print-to-pdf={output}", new Uri(htmlPath).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            // Chromium's own print header and footer (title, date, address, page numbers) are left on: they
            // stand in for the writer's running header and "Page X of Y" footer.
            var started = Stopwatch.GetTimestamp();
            using (var process = Process.Start(start)!)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
                {
                    process.Kill(entireProcessTree: true);
                    Console.WriteLine("Chromium: timed out after 2 minutes; not counted.");
                    return null;
                }

                Task.WaitAll(stdout, stderr);
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            profile.Delete(recursive: true);
            if (!File.Exists(output))
            {
                Console.WriteLine("Chromium: produced no PDF; not counted.");
                return null;
            }

            timings.Add(elapsed);
            Console.WriteLine(Invariant($"Chromium run {i + 1}: {elapsed:0} ms, {new FileInfo(output).Length} bytes"));
        }

        var median = Median(timings);
        Console.WriteLine(Invariant($"Chromium: {ChromiumRuns} runs, median {median:0.00} ms"));
        return median;
    }

    private static string Html(ReportContent content)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(E(content.Title)).Append("</title><style>")
            .Append("@page{size:A4;margin:2cm}body{font-family:'DejaVu Sans',sans-serif;font-size:10pt}p{text-align:justify}")
            .Append("table{border-collapse:collapse;width:100%;font-size:9pt}thead{display:table-header-group}tr{break-inside:avoid}")
            .Append("th,td{border:0.5pt solid #808080;padding:2.5pt;text-align:left}th{background:#e6e6e6}tr:nth-child(even) td{background:#f5f5f5}")
            .Append(".bar{display:flex;align-items:center;height:16px;font-size:8pt}.label{width:150px}.track{flex:1;background:#e6e6e6;height:11px}")
            .Append(".fill{background:#1d70b8;height:11px}.title{text-align:center;margin-top:180pt}.break{break-before:page}</style></head><body>")
            .Append("<div class=\"title\"><h1>").Append(E(content.Title)).Append("</h1><p>").Append(E(content.Subtitle)).Append("</p><p>")
            .Append(E(string.Join(" · ", content.TitleNames))).Append("</p></div>");
        foreach (var section in content.Sections)
        {
            html.Append("<h2 class=\"break\">").Append(E(section.Heading)).Append("</h2>");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<p>").Append(E(paragraph)).Append("</p>");
            }

            // A picture with its words, as the PDF writer's Figure and alternative text.
            html.Append("<h3>Progress by duty</h3><div role=\"img\" aria-label=\"").Append(E(BarChartText(section.Bars))).Append("\">");
            foreach (var (label, percent) in section.Bars)
            {
                html.Append(Invariant($"<div class=\"bar\"><span class=\"label\">{E(label)}</span><div class=\"track\"><div class=\"fill\" style=\"width:{percent}%\"></div></div><span>{percent}%</span></div>"));
            }

            html.Append("</div>");
        }

        html.Append("<h2 class=\"break\">Evidence log</h2><table><thead><tr><th>Apprentice</th><th>Duty</th><th>Date</th><th>Hours</th><th>Status</th></tr></thead><tbody>");
        foreach (var row in content.Rows)
        {
            html.Append("<tr><td>").Append(E(row.Apprentice)).Append("</td><td>").Append(E(row.Duty)).Append("</td><td>").Append(E(row.Date))
                .Append("</td><td>").Append(E(row.Hours)).Append("</td><td>").Append(E(row.Status)).Append("</td></tr>");
        }

        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
