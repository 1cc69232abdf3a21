using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Provider;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>
/// The dashboard's figures come from the duty evidence counts the database keeps; these tests count the same things
/// afresh from the evidence itself and compare every heat-map cell and every chart figure, before and after an assessor
/// acts, so a stale or wrong count cannot pass.
/// </summary>
public sealed partial class DashboardFiguresTests : SeededAppFixture
{
    [Test]
    public async Task Every_heat_map_cell_and_chart_figure_matches_the_evidence_counted_afresh()
    {
        using var provider = await SignInAsProviderAdminAsync();

        var page = await AppFactory.ParseAsync(await provider.GetAsync(ProviderRoutes.Dashboard));

        var expected = await ExpectedAsync();
        Assert.That(Cells(page), Is.EquivalentTo(expected.Cells));
        Assert.That(Chart(page), Is.EqualTo(expected.Chart));
    }

    [Test]
    public async Task An_item_the_assessor_accepts_shows_on_the_dashboard_at_once()
    {
        using var provider = await SignInAsProviderAdminAsync();
        using var assessor = await SignInAsAssessorAsync();
        await provider.GetAsync(ProviderRoutes.Dashboard);
        var mine = await Factory.EnrolmentsOfAsync();
        var item = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(i => mine.Contains(i.EnrolmentId) && i.Status == EvidenceStatus.Submitted)
            .OrderBy(i => i.Id)
            .Select(i => i.Id)
            .FirstAsync());
        var before = await ExpectedAsync();

        using var accepted = await PostFormAsync(assessor, AssessorRoutes.Review(item), [new("Form.Decision", ReviewForm.Accept), new("Form.Feedback", "")]);
        var page = await AppFactory.ParseAsync(await provider.GetAsync(ProviderRoutes.Dashboard));

        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var after = await ExpectedAsync();
        Assert.That(after.Cells, Is.Not.EquivalentTo(before.Cells), "accepting the item changes what the counts should say");
        Assert.That(Cells(page), Is.EquivalentTo(after.Cells));
        Assert.That(Chart(page), Is.EqualTo(after.Chart));
    }

    /// <summary>Each heat-map cell as "apprentice | D1: words".</summary>
    private static List<string> Cells(IHtmlDocument page) =>
        page.QuerySelectorAll(".heat-map tbody tr")
            .SelectMany(row => row.QuerySelectorAll("td.heat-cell .visually-hidden")
                .Select(cell => $"{row.QuerySelector("th")!.TextContent.Trim()} | {cell.TextContent.Trim()}"))
            .ToList();

    /// <summary>The chart's table as "D1 signed-off accepted any", the counts in brackets.</summary>
    private static List<string> Chart(IHtmlDocument page) =>
        page.QuerySelectorAll(".coverage-table tbody tr")
            .Select(row => string.Join(' ', new[] { row.QuerySelector("th")!.TextContent.Trim() }
                .Concat(row.QuerySelectorAll("td").Select(td => Bracketed().Match(td.TextContent).Groups[1].Value))))
            .ToList();

    /// <summary>What the page should show for provider A, counted from the evidence, links and sign-offs directly.</summary>
    private async Task<(List<string> Cells, List<string> Chart)> ExpectedAsync()
    {
        var providerId = await Factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoDataSeeder.ProviderEmail)
            .Join(db.UserClaims, u => u.Id, c => c.UserId, (u, c) => c)
            .Where(c => c.ClaimType == Persistence.Identity.AppClaimTypes.TrainingProviderId)
            .Select(c => c.ClaimValue!)
            .SingleAsync());
        var provider = Guid.Parse(providerId);
        return await Factory.QueryAsync(async db =>
        {
            var enrolments = await db.Enrolments.Where(e => e.TrainingProviderId == provider)
                .Join(db.Apprentices, e => e.ApprenticeId, a => a.Id, (e, a) => new { e.Id, e.StandardId, a.GivenName, a.FamilyName, a.NameOrder })
                .ToListAsync();
            var ids = enrolments.Select(e => e.Id).ToList();
            var duties = await db.Duties.ToDictionaryAsync(d => d.Id, d => (d.Number, d.Code, d.StandardId));
            var links = await db.Set<EvidenceDuty>()
                .Join(db.EvidenceItems, l => l.EvidenceItemId, i => i.Id, (l, i) => new { i.EnrolmentId, i.Status, l.DutyId })
                .Where(x => ids.Contains(x.EnrolmentId) && x.Status != EvidenceStatus.Draft)
                .ToListAsync();
            var signed = (await db.DutySignOffs.Where(s => ids.Contains(s.EnrolmentId) && s.RevokedAt == null).Select(s => new { s.EnrolmentId, s.DutyId }).ToListAsync())
                .Select(s => (s.EnrolmentId, duties[s.DutyId].Number))
                .ToHashSet();

            var cells = new List<string>();
            foreach (var enrolment in enrolments)
            {
                foreach (var (number, code) in duties.Values.Where(d => d.StandardId == enrolment.StandardId).Select(d => (d.Number, d.Code)).Order())
                {
                    var of = links.Where(l => l.EnrolmentId == enrolment.Id && duties[l.DutyId].Number == number).ToList();
                    var cell = new DutyCell(
                        signed.Contains((enrolment.Id, number)),
                        of.Count(l => l.Status == EvidenceStatus.Accepted),
                        of.Count(l => l.Status == EvidenceStatus.Submitted),
                        of.Count(l => l.Status == EvidenceStatus.ReferredBack));
                    cells.Add($"{PersonName.Full(enrolment.GivenName, enrolment.FamilyName, enrolment.NameOrder)} | {code}: {cell.Describe()}");
                }
            }

            var chart = duties.Values.Where(d => enrolments.Any(e => e.StandardId == d.StandardId)).Select(d => (d.Number, d.Code)).Distinct().Order()
                .Select(d =>
                {
                    var withAny = links.Where(l => duties[l.DutyId].Number == d.Number).Select(l => l.EnrolmentId).Distinct().Count();
                    var withAccepted = links.Where(l => duties[l.DutyId].Number == d.Number && l.Status == EvidenceStatus.Accepted).Select(l => l.EnrolmentId).Distinct().Count();
                    var signedOff = signed.Count(s => s.Number == d.Number);
                    return $"{d.Code} {signedOff} {withAccepted} {withAny}";
                })
                .ToList();
            return (cells, chart);
        });
    }

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex Bracketed();
}
