using System.Net;
using System.Text.RegularExpressions;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Hosting;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Home;

namespace ApprenticeTracker.Web.Tests.Hosting;

/// <summary>
/// Every route the app maps, read from its endpoint data source so that a new page cannot be left out, answers
/// signed out and signed in as each role with the security headers and no-store, and no page carries inline script
/// or style that the Content-Security-Policy would block.
/// </summary>
public sealed partial class SecurityHeadersTests : SeededAppFixture
{
    /// <summary>
    /// Routes whose purpose is to answer 404: the not-found page, and the static files' fallback for a file that is not
    /// there (mapped in Development and the tests, which serve the build's static web assets).
    /// </summary>
    private static readonly string[] NotFoundByDesign = ["/not-found", "{**path:file}"];

    [Test]
    public async Task Every_route_answers_every_role_with_the_security_headers_and_no_store()
    {
        var routes = Routes().ToList();
        var problems = new List<string>();
        var reached = new HashSet<string>(StringComparer.Ordinal);

        foreach (var role in new string?[] { null, DemoDataSeeder.ApprenticeEmail, DemoDataSeeder.AssessorEmail, DemoDataSeeder.ProviderEmail })
        {
            using var client = role is null ? Factory.CreateBrowser() : await SignInAsync(role);
            var values = await RouteValuesAsync(role);
            foreach (var (pattern, method) in routes)
            {
                var url = Fill(pattern, values);
                using var response = method == HttpMethods.Get
                    ? await client.GetAsync(url)
                    : await client.PostAsync(url, new FormUrlEncodedContent([]));
                var who = $"{method} {url} as {role ?? "signed out"} ({(int)response.StatusCode})";
                problems.AddRange(HeaderProblems(response, expectNoStore: true).Select(p => $"{who}: {p}"));
                problems.AddRange((await InlineContent(response)).Select(p => $"{who}: {p}"));
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    reached.Add(pattern);
                }
            }
        }

        Assert.That(routes, Has.Count.GreaterThan(30), "the endpoints were enumerated");
        Assert.That(problems, Is.Empty);
        Assert.That(routes.Select(r => r.Pattern).Except(reached).Except(NotFoundByDesign), Is.Empty, "every route was reached by some role with real ids");
    }

    [Test]
    public async Task Static_files_carry_the_security_headers_and_keep_their_caching()
    {
        using var client = Factory.CreateBrowser();
        var home = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));
        var assets = home.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        var problems = new List<string>();

        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(asset);
            problems.AddRange(HeaderProblems(response, expectNoStore: false).Select(p => $"{asset}: {p}"));
            if (response.Headers.CacheControl?.NoStore == true)
            {
                problems.Add($"{asset}: no-store on a static file");
            }
        }

        Assert.That(assets, Has.Count.GreaterThanOrEqualTo(4));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task A_progress_bar_s_width_class_is_defined_for_every_whole_percent()
    {
        using var client = Factory.CreateBrowser();
        var home = await AppFactory.ParseAsync(await client.GetAsync(HomeRoutes.Home));
        var siteCss = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.Contains("/css/site.", StringComparison.Ordinal));

        var css = await client.GetStringAsync(siteCss);

        var defined = WidthClass().Matches(css).Select(m => (Class: int.Parse(m.Groups[1].Value), Width: int.Parse(m.Groups[2].Value))).ToList();
        Assert.That(defined.Select(d => d.Class), Is.EqualTo(Enumerable.Range(0, 101)));
        Assert.That(defined, Has.All.Matches<(int Class, int Width)>(d => d.Class == d.Width));
    }

    /// <summary>What is wrong with a response's headers; empty when nothing is.</summary>
    private static IEnumerable<string> HeaderProblems(HttpResponseMessage response, bool expectNoStore)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

        if (Header("Content-Security-Policy") != SecurityHeaders.ContentSecurityPolicy)
        {
            yield return $"Content-Security-Policy is '{Header("Content-Security-Policy")}'";
        }

        if (Header("Permissions-Policy") != SecurityHeaders.PermissionsPolicy)
        {
            yield return $"Permissions-Policy is '{Header("Permissions-Policy")}'";
        }

        if (Header("X-Content-Type-Options") != "nosniff")
        {
            yield return $"X-Content-Type-Options is '{Header("X-Content-Type-Options")}'";
        }

        if (Header("Referrer-Policy") != "strict-origin-when-cross-origin")
        {
            yield return $"Referrer-Policy is '{Header("Referrer-Policy")}'";
        }

        if (Header("X-Frame-Options") != "DENY")
        {
            yield return $"X-Frame-Options is '{Header("X-Frame-Options")}'";
        }

        if (Header("Server") is { } server)
        {
            yield return $"Server is '{server}'";
        }

        if (expectNoStore && response.Headers.CacheControl?.NoStore != true)
        {
            yield return $"Cache-Control is '{response.Headers.CacheControl}'";
        }
    }

    /// <summary>Inline script or style in an HTML page, which the Content-Security-Policy would block.</summary>
    private static async Task<IEnumerable<string>> InlineContent(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return [];
        }

        var page = await AppFactory.ParseAsync(response);
        return page.QuerySelectorAll("script:not([src])").Select(e => "an inline script: " + e.OuterHtml)
            .Concat(page.QuerySelectorAll("style").Select(e => "a style element: " + e.OuterHtml))
            .Concat(page.QuerySelectorAll("[style]").Select(e => "a style attribute: " + e.GetAttribute("style")))
            .Concat(page.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
                .Select(a => "an event-handler attribute: " + a.Name))
            .ToList();
    }

    /// <summary>Every route of the app but the static files, with the method to ask it with (GET where it answers GET).</summary>
    private IEnumerable<(string Pattern, string Method)> Routes()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null);
        return endpoints
            .Select(e => (Pattern: e.RoutePattern.RawText!, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get]))
            .Select(e => (e.Pattern, Method: e.Methods.Contains(HttpMethods.Get) ? HttpMethods.Get : e.Methods[0]))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal);
    }

    private static string Fill(string pattern, Func<string, string, string> values) =>
        RouteParameter().Replace(pattern, m => values(pattern, m.Groups[1].Value));

    /// <summary>
    /// Real ids for a route's parameters, of records the role may see where it has any: the demo apprentice's own
    /// enrolment and evidence; for everyone else an enrolment of the demo assessor's, in the demo provider's scope.
    /// </summary>
    private async Task<Func<string, string, string>> RouteValuesAsync(string? role)
    {
        var enrolmentId = role == DemoDataSeeder.ApprenticeEmail
            ? await Factory.QueryAsync(db => db.Enrolments.Where(e => db.Apprentices.Any(a => a.Id == e.ApprenticeId && a.Email == DemoDataSeeder.ApprenticeEmail)).Select(e => e.Id).FirstAsync())
            : await Factory.QueryAsync(async db =>
            {
                var mine = await Factory.EnrolmentsOfAsync();
                return await db.Enrolments.Where(e => mine.Contains(e.Id) && e.SignOffs.Any() && db.EvidenceItems.Any(i => i.EnrolmentId == e.Id && i.Status == EvidenceStatus.Submitted))
                    .OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            });
        var enrolment = await Factory.QueryAsync(db => db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => new { e.CohortId, e.StandardId }).SingleAsync());
        var record = await Factory.QueryAsync(async db => new
        {
            Item = await db.EvidenceItems.Where(i => i.EnrolmentId == enrolmentId)
                .OrderBy(i => db.Attachments.Any(a => a.EvidenceItemId == i.Id) ? 0 : 1).ThenBy(i => i.Status == EvidenceStatus.Draft ? 0 : 1).ThenBy(i => i.Id)
                .Select(i => i.Id).FirstAsync(),
            Submitted = await db.EvidenceItems.Where(i => i.EnrolmentId == enrolmentId && i.Status == EvidenceStatus.Submitted).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(),
            SignOff = await db.DutySignOffs.Where(s => s.EnrolmentId == enrolmentId).OrderBy(s => s.RevokedAt == null ? 0 : 1).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(),
            UnsignedDuty = await db.Duties.Where(d => d.StandardId == enrolment.StandardId
                    && !db.DutySignOffs.Any(s => s.EnrolmentId == enrolmentId && s.DutyId == d.Id && s.RevokedAt == null))
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(),
        });
        var attachmentId = await Factory.QueryAsync(db => db.Attachments.Where(a => a.EvidenceItemId == record.Item).Select(a => (Guid?)a.Id).FirstOrDefaultAsync());

        return (pattern, name) => name.ToUpperInvariant() switch
        {
            "CODE" => "403",
            "PATH" => "no-such-file.css",
            "ENROLMENTID" => enrolmentId.ToString(),
            "ID" when pattern.StartsWith("/provider/enrolments", StringComparison.Ordinal) => enrolmentId.ToString(),
            "ID" => record.Item.ToString(),
            "EVIDENCEID" => (record.Submitted ?? record.Item).ToString(),
            "ATTACHMENTID" => (attachmentId ?? Guid.Empty).ToString(),
            "DUTYID" => (record.UnsignedDuty ?? Guid.Empty).ToString(),
            "SIGNOFFID" => (record.SignOff ?? Guid.Empty).ToString(),
            "COHORTID" => (enrolment.CohortId ?? Guid.Empty).ToString(),
            _ => throw new InvalidOperationException($"No demo value for the route parameter '{name}' of {pattern}: add one here."),
        };
    }

    [GeneratedRegex(@"\{\**([A-Za-z]+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\.width-percent-(\d+)\s*\{\s*width:\s*(\d+)%;\s*\}")]
    private static partial Regex WidthClass();
}
