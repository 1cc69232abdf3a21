using ApprenticeTracker.Web.Features.Home;
using ApprenticeTracker.Web.Tests.Infrastructure;

namespace ApprenticeTracker.Web.Tests.Features.Home;

/// <summary>Component tests: bUnit renders the same markup as the server does.</summary>
public sealed class StandardDetailsTests
{
    [Test]
    public async Task Duties_are_shown_in_the_order_given_with_their_codes_as_row_headers()
    {
        var standard = Standard(route: "Health and science", status: null);

        var page = await RenderAsync(standard);

        var rowHeaders = page.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent).ToList();
        Assert.That(rowHeaders, Is.EqualTo(new[] { "D1", "D2" }));
    }

    [Test]
    public async Task A_standard_without_a_route_or_status_leaves_those_rows_out()
    {
        var standard = Standard(route: "", status: null);

        var page = await RenderAsync(standard);

        var terms = page.QuerySelectorAll("dt").Select(dt => dt.TextContent).ToList();
        Assert.That(terms, Is.EqualTo(new[] { "Reference", "Version", "Level", "Typical duration", "Imported" }));
    }

    [Test]
    public async Task The_import_date_is_written_as_people_read_dates()
    {
        var standard = Standard(route: "Health and science", status: "Approved for delivery");

        var page = await RenderAsync(standard);

        var imported = page.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Imported").NextElementSibling?.TextContent;
        Assert.That(imported, Is.EqualTo("21 Nov 2026"));
    }

    private static StandardSummary Standard(string route, string? status) => new()
    {
        Id = Guid.NewGuid(),
        ReferenceNumber = "ST0413",
        Version = "1.1",
        Title = "Healthcare science practitioner (integrated degree)",
        Level = 6,
        TypicalDurationMonths = 36,
        Route = route,
        Status = status,
        ImportedAt = new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero),
        Duties =
        [
            new DutySummary { Number = 1, Code = "D1", Statement = "First duty." },
            new DutySummary { Number = 2, Code = "D2", Statement = "Second duty." },
        ],
    };

    private static Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(StandardSummary standard) =>
        ComponentRendering.RenderAsync<StandardDetails>(new Dictionary<string, object?> { [nameof(StandardDetails.Standard)] = standard });
}
