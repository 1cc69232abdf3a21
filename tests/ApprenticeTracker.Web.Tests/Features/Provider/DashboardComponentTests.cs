using System.Text;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>The heat map, the coverage chart and the CSV writer, rendered from models made here.</summary>
public sealed class DashboardComponentTests
{
    private static readonly DutyColumn[] Duties = [new(1, "D1", "First duty."), new(2, "D2", "Second duty."), new(3, "D3", "Third duty.")];

    [Test]
    public async Task Each_heat_map_cell_shows_a_symbol_and_says_its_meaning_in_words()
    {
        var row = Row("Łucja Wójcik", new Dictionary<int, DutyCell>
        {
            [1] = new(true, 2, 0, 0),
            [2] = new(false, 3, 1, 0),
            [3] = new(false, 0, 1, 1),
        });

        var page = await ComponentRendering.RenderAsync<DutyHeatMap>(new() { [nameof(DutyHeatMap.Duties)] = Duties, [nameof(DutyHeatMap.Rows)] = new[] { row } });

        var cells = page.QuerySelectorAll("td.heat-cell").ToList();
        Assert.That(cells.Select(c => c.ClassList.Single(name => name != "heat-cell")), Is.EqualTo(new[] { "heat-signed-off", "heat-accepted", "heat-submitted" }));
        Assert.That(cells.Select(c => c.QuerySelector("[aria-hidden=true]")!.TextContent), Is.EqualTo(new[] { "✓", "●3", "○2" }));
        Assert.That(cells.Select(c => c.QuerySelector(".visually-hidden")!.TextContent), Is.EqualTo(new[]
        {
            "D1: Signed off (2 accepted)", "D2: 3 accepted, 1 submitted", "D3: 1 submitted, 1 referred back",
        }));
    }

    [Test]
    public async Task A_duty_without_evidence_reads_no_evidence_and_headers_have_scopes()
    {
        var row = Row("Tereza Dvořáková", new Dictionary<int, DutyCell>());

        var page = await ComponentRendering.RenderAsync<DutyHeatMap>(new() { [nameof(DutyHeatMap.Duties)] = Duties, [nameof(DutyHeatMap.Rows)] = new[] { row } });

        Assert.That(page.QuerySelectorAll("td.heat-none"), Has.Length.EqualTo(3));
        Assert.That(page.QuerySelector("td.heat-none .visually-hidden")!.TextContent, Is.EqualTo("D1: No evidence"));
        Assert.That(page.QuerySelectorAll("thead th").Select(th => th.GetAttribute("scope")), Has.All.EqualTo("col"));
        Assert.That(page.QuerySelector("tbody th")!.GetAttribute("scope"), Is.EqualTo("row"));
        Assert.That(page.QuerySelector("thead abbr[title='Second duty.']")!.TextContent, Is.EqualTo("D2"));
    }

    [Test]
    public async Task The_coverage_chart_draws_each_share_as_a_bar_of_proportional_width()
    {
        DutyCoverage[] coverage = [new(1, "D1", 1, 2, 4, 4), new(2, "D2", 0, 0, 2, 4)];

        var page = await ComponentRendering.RenderAsync<DutyCoverageChart>(new() { [nameof(DutyCoverageChart.Coverage)] = coverage });

        var svg = page.QuerySelector("svg[role=img]")!;
        var widths = svg.QuerySelectorAll("rect.bar").Select(r => r.GetAttribute("width")).ToList();
        Assert.That(widths, Is.EqualTo(new[] { "150", "300", "600", "0", "0", "300" }));
        Assert.That(svg.QuerySelector("title")!.TextContent, Does.StartWith("Duty coverage of 4 apprentices").And.Contain("D1 25% signed off"));
        Assert.That(svg.GetAttribute("aria-label"), Is.EqualTo(svg.QuerySelector("title")!.TextContent));
        Assert.That(svg.QuerySelectorAll("rect.bar title")[0].TextContent, Is.EqualTo("D1: 25% signed off (1 of 4)"));
    }

    [Test]
    public async Task The_coverage_chart_has_a_table_with_the_same_figures()
    {
        DutyCoverage[] coverage = [new(1, "D1", 1, 2, 4, 4)];

        var page = await ComponentRendering.RenderAsync<DutyCoverageChart>(new() { [nameof(DutyCoverageChart.Coverage)] = coverage });

        var cells = page.QuerySelectorAll(".coverage-table tbody td").Select(td => td.TextContent).ToList();
        Assert.That(cells, Is.EqualTo(new[] { "25% (1)", "50% (2)", "100% (4)" }));
    }

    [Test]
    public void The_csv_writer_neutralises_cells_that_a_spreadsheet_would_run_as_formulas()
    {
        var rows = new[]
        {
            Row("=HYPERLINK(\"http://evil.example\",\"x\")", new Dictionary<int, DutyCell>()),
            Row("+44 caller", new Dictionary<int, DutyCell>()) with { Employer = "@SUM(A1:A2)", Cohort = "-1" },
        };
        using var stream = new MemoryStream();

        DashboardCsv.Write(stream, Duties, rows, new DateOnly(2026, 12, 7));

        var lines = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n");
        Assert.That(lines[1], Does.StartWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","));
        Assert.That(lines[2], Does.StartWith("\"'+44 caller\",,\"'-1\",\"'@SUM(A1:A2)\","), "the apprentice, an empty ULN, the cohort and the employer");
    }

    private static DashboardRow Row(string name, IReadOnlyDictionary<int, DutyCell> cells) =>
        new(Guid.NewGuid(), name, "September 2025", "Northbridge Teaching Hospitals", ["Grace Adeyemi"], EnrolmentStatus.Active,
            cells.Values.Count(c => c.SignedOff), 3, new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), cells, new DateOnly(2025, 9, 1));

    private static Task<IHtmlDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent =>
        ComponentRendering.RenderAsync<TComponent>(parameters);
}
