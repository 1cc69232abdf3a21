using System.Reflection;
using System.Text.RegularExpressions;
using ApprenticeTracker.Web.Features.Home;
using ApprenticeTracker.Web.Tests.Support;

namespace ApprenticeTracker.Web.Tests.Features;

/// <summary>
/// Each feature owns its addresses as a <c>&lt;Feature&gt;Routes</c> class (decision 110): a page links with
/// <c>href="@EvidenceRoutes.Detail(item.Id)"</c>, never with <c>href="/evidence/@item.Id"</c>, so that renaming an
/// address is one change and a link cannot point at a page that no longer exists.
/// </summary>
public sealed partial class RouteLiteralTests
{
    [Test]
    public void Every_routes_class_yields_at_least_one_first_segment()
    {
        Assert.That(AppRouteFirstSegments(), Is.SupersetOf(new[] { "evidence", "provider", "assessor", "Account", "off-the-job" }));
    }

    [Test]
    public void The_check_finds_a_literal_link_to_an_app_route()
    {
        const string markup = """
            <a href="/provider/enrolments/@row.EnrolmentId">@row.Name</a>
            <form method="get" action="/evidence">
            <a href="/">Home</a>
            <a href="@ProviderRoutes.Dashboard">Dashboard</a>
            <base href="/" />
            <link rel="stylesheet" href="/@Assets["css/site.css"]" />
            """;

        var found = LiteralAppLinks(markup, AppRouteFirstSegments());

        Assert.That(found, Is.EqualTo(new[] { "href=\"/provider/enrolments/@row.EnrolmentId\"", "action=\"/evidence\"", "href=\"/\"" }));
    }

    [Test]
    public void No_razor_file_under_src_links_to_an_app_route_by_a_literal_address()
    {
        var source = Path.Combine(LaunchedApp.RepositoryRoot, "src");
        var segments = AppRouteFirstSegments();

        var found = Directory.EnumerateFiles(source, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LiteralAppLinks(File.ReadAllText(file), segments)
                .Select(link => $"{Path.GetRelativePath(source, file)}: {link}"))
            .ToList();

        Assert.That(found, Is.Empty, "Link through the feature's Routes class instead.");
    }

    /// <summary>The first segment of every address a <c>*Routes</c> class of the web project declares.</summary>
    private static HashSet<string> AppRouteFirstSegments() =>
        typeof(HomeRoutes).Assembly.GetTypes()
            .Where(type => type.IsAbstract && type.IsSealed && type.Name.EndsWith("Routes", StringComparison.Ordinal))
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => ((string)field.GetRawConstantValue()!).TrimStart('/').Split('/', '?', '{')[0])
            .Where(segment => segment.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Each <c>href</c>, <c>action</c> or <c>formaction</c> whose value starts with an app address written out: the home
    /// page "/" or "/segment…" where the segment is an app route's. A page's <c>&lt;base href="/"&gt;</c> and static
    /// assets (<c>/@Assets[…]</c>) are not links to a route.
    /// </summary>
    private static IEnumerable<string> LiteralAppLinks(string razor, HashSet<string> segments) =>
        LinkAttribute().Matches(razor)
            .Where(match => !razor[(razor.LastIndexOf('<', match.Index) + 1)..].StartsWith("base", StringComparison.OrdinalIgnoreCase))
            .Where(match =>
            {
                var value = match.Groups["value"].Value;
                if (value == "/" || value.StartsWith("/?", StringComparison.Ordinal) || value.StartsWith("/#", StringComparison.Ordinal))
                {
                    return true;
                }

                var segment = value.TrimStart('/').Split('/', '?', '#', '@', '.')[0];
                return segments.Contains(segment);
            })
            .Select(match => match.Groups["attribute"].Value);

    [GeneratedRegex("""\s(?<attribute>(?:href|action|formaction)="(?<value>/[^"]*)")""")]
    private static partial Regex LinkAttribute();
}
