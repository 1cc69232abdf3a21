using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Tests.Features.Evidence;

/// <summary>The evidence form's duty list, as a page load renders it: each duty with the evidence it already has.</summary>
public sealed class DutyTallyPageTests : SeededAppFixture
{
    [Test]
    public async Task Each_duty_on_the_form_says_how_much_of_the_apprentice_s_own_evidence_it_already_has()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var apprenticeId = await EvidenceTestKit.DemoApprenticeIdAsync(Factory);
        var expected = await EvidenceTestKit.QueryAsync(Factory, async db =>
        {
            var enrolment = await db.Enrolments.Where(e => e.ApprenticeId == apprenticeId).Select(e => e.Id).FirstAsync();
            var counts = await db.DutyEvidenceCounts.Where(c => c.EnrolmentId == enrolment).ToListAsync();
            var duties = await db.Duties.Where(d => db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.StandardId).Contains(d.StandardId)).OrderBy(d => d.Number).Select(d => d.Id).ToListAsync();
            return duties.Select(d => counts.SingleOrDefault(c => c.DutyId == d) is { } c ? new DutyTally(d, c.Accepted, c.Submitted, c.ReferredBack).Describe() : DutyTally.None).ToList();
        });

        var page = await AppFactory.ParseAsync(await apprentice.GetAsync(EvidenceRoutes.New));

        Assert.That(page.QuerySelectorAll("#duty-list .duty-tally").Select(t => t.TextContent), Is.EqualTo(expected));
        Assert.That(expected, Has.Some.Not.EqualTo(DutyTally.None), "the demo apprentice has evidence");
        Assert.That(page.QuerySelector("#duty-filter"), Is.Null, "a page load lists every duty");
    }
}
