using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

/// <summary>
/// Once an apprenticeship is withdrawn its record is closed: the assessor's pages offer no review, sign-off or
/// revocation, and a form opened before the withdrawal and posted after it is refused with the domain's message, with
/// nothing recorded. Each test withdraws its own apprentice of the demo assessor's caseload.
/// </summary>
public sealed class ClosedRecordTests : SeededAppFixture
{
    private readonly HashSet<Guid> _used = [];
    private HttpClient _assessor = null!;

    [OneTimeSetUp]
    public async Task SignInTheDemoAssessor() => _assessor = await SignInAsAssessorAsync();

    [OneTimeTearDown]
    public void SignOut() => _assessor.Dispose();

    [Test]
    public async Task A_withdrawn_apprentice_s_pages_offer_no_review_sign_off_or_revocation_and_the_queue_drops_their_items()
    {
        var (enrolmentId, submitted, signOffId, dutyToSign) = await NextApprenticeAsync();
        await WithdrawAsync(enrolmentId);

        var review = await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Review(submitted)));
        var overview = await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Apprentice(enrolmentId)));
        var revoke = await AppFactory.ParseAsync(await _assessor.GetAsync(RevokeUrl(enrolmentId, signOffId)));
        var signOff = await AppFactory.ParseAsync(await _assessor.GetAsync(SignOffUrl(enrolmentId, dutyToSign)));
        var queue = await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Reviews));

        Assert.Multiple(() =>
        {
            Assert.That(review.QuerySelector("main form"), Is.Null);
            Assert.That(review.QuerySelector("section[aria-labelledby=decision-title]")?.TextContent, Does.Contain("its record is closed"));
            Assert.That(overview.QuerySelectorAll("main a[href*='/revoke']"), Is.Empty);
            Assert.That(overview.QuerySelectorAll("main a[href$='/sign-off']"), Is.Empty);
            Assert.That(revoke.QuerySelector("main form"), Is.Null);
            Assert.That(revoke.QuerySelector("main")?.TextContent, Does.Contain("can no longer be revoked"));
            Assert.That(signOff.QuerySelector("main form"), Is.Null);
            Assert.That(queue.QuerySelector($"a[href='{AssessorRoutes.Review(submitted)}']"), Is.Null);
        });
    }

    [Test]
    public async Task The_caseload_counts_nothing_waiting_for_a_withdrawn_apprentice_and_their_old_items_do_not_turn_them_red()
    {
        var (enrolmentId, _, _, _) = await NextApprenticeAsync(waitingBefore: DateTimeOffset.UtcNow.AddDays(-new AssessorOptions().AmberAfterDaysWaiting));
        var oldestSubmitted = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(i => i.EnrolmentId == enrolmentId && i.Status == EvidenceStatus.Submitted)
            .Select(i => i.SubmittedAt)
            .ToListAsync());
        await WithdrawAsync(enrolmentId);

        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(AssessorRoutes.Caseload));

        var row = page.QuerySelectorAll("table.caseload tbody tr").Single(r => r.QuerySelector($"a[href='{AssessorRoutes.Apprentice(enrolmentId)}']") is not null);
        Assert.That(oldestSubmitted.Min(), Is.LessThan(DateTimeOffset.UtcNow.AddDays(-new AssessorOptions().AmberAfterDaysWaiting)), "an item old enough to colour the row");
        Assert.That(row.QuerySelector("td[data-label='Waiting for review']")?.TextContent.Trim(), Is.EqualTo("None"));
        Assert.That(row.QuerySelector("td[data-label=Attention]")?.TextContent.Trim(), Is.EqualTo("Green"));
    }

    [Test]
    public async Task The_overview_counts_a_duty_s_submitted_items_as_waiting_and_once_withdrawn_as_not_reviewed_as_the_caseload_does()
    {
        var (enrolmentId, submitted, _, _) = await NextApprenticeAsync();
        var duty = await Factory.QueryAsync(db => db.Set<EvidenceDuty>()
            .Where(m => m.EvidenceItemId == submitted)
            .Join(db.Duties, m => m.DutyId, d => d.Id, (m, d) => new { d.Id, d.Code })
            .OrderBy(d => d.Code)
            .FirstAsync());
        var count = await Factory.QueryAsync(db => db.EvidenceItems.CountAsync(i =>
            i.EnrolmentId == enrolmentId && i.Status == EvidenceStatus.Submitted && i.Duties.Any(m => m.DutyId == duty.Id)));
        var open = await EvidenceCellAsync(enrolmentId, duty.Code);
        await WithdrawAsync(enrolmentId);

        var closed = await EvidenceCellAsync(enrolmentId, duty.Code);

        Assert.That(open, Does.Contain($"{count} waiting"));
        Assert.That(closed, Does.Contain($"{count} submitted, not reviewed: the record is closed").And.Not.Contain("waiting"));
    }

    [Test]
    public async Task A_withdrawn_apprentice_s_overview_lists_their_sign_offs_as_they_stand_active_or_revoked()
    {
        var (enrolmentId, _, _, _) = await NextApprenticeAsync();
        var revoked = (await Factory.EnrolmentAsync(enrolmentId)).SignOffs.Count(s => !s.IsActive);
        await WithdrawAsync(enrolmentId);

        using var response = await _assessor.GetAsync(AssessorRoutes.Apprentice(enrolmentId));

        var page = await AppFactory.ParseAsync(response);
        var signOffs = page.QuerySelectorAll("section[aria-labelledby=sign-offs-title] li");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(signOffs.Count(li => li.QuerySelector(".badge")?.TextContent.Trim() == "Revoked"), Is.EqualTo(revoked));
        Assert.That(signOffs, Has.Length.GreaterThan(revoked), "an active sign-off, listed but not as revoked");
    }

    [Test]
    public async Task A_decision_posted_after_the_withdrawal_is_refused_with_the_domain_s_message_and_nothing_is_recorded()
    {
        var (enrolmentId, submitted, _, _) = await NextApprenticeAsync();
        var url = AssessorRoutes.Review(submitted);
        var form = await MainFormAsync(url);
        var before = await Factory.EvidenceItemAsync(submitted);
        await WithdrawAsync(enrolmentId);

        using var response = await Forms.PostAsync(_assessor, url, form, [new("Form.Decision", ReviewForm.Accept), new("Form.Feedback", "Good.")]);

        var page = await AppFactory.ParseAsync(response);
        var after = await Factory.EvidenceItemAsync(submitted);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector(".error-summary")?.TextContent, Does.Contain("You cannot review evidence: the apprenticeship is withdrawn, and its record is closed."));
        Assert.That((after.Status, after.Reviews.Count, after.ConcurrencyStamp), Is.EqualTo((EvidenceStatus.Submitted, before.Reviews.Count, before.ConcurrencyStamp)));
    }

    [Test]
    public async Task A_revocation_posted_after_the_withdrawal_is_refused_with_the_domain_s_message_and_the_sign_off_stays()
    {
        var (enrolmentId, _, signOffId, _) = await NextApprenticeAsync();
        var url = RevokeUrl(enrolmentId, signOffId);
        var form = await MainFormAsync(url);
        await WithdrawAsync(enrolmentId);

        // Posted with the record's current stamp, as a crafted post would be: the refusal comes from the domain, not from the stale form.
        using var response = await Forms.PostAsync(_assessor, url, form, [new("Form.Reason", "Signed in error."), await CurrentStampAsync(enrolmentId)]);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector(".error-summary")?.TextContent, Does.Contain("You cannot revoke a sign-off: the apprenticeship is withdrawn, and its record is closed."));
        Assert.That((await Factory.EnrolmentAsync(enrolmentId)).SignOffs.Single(s => s.Id == signOffId).IsActive, Is.True);
    }

    [Test]
    public async Task A_sign_off_posted_after_the_withdrawal_is_refused_with_the_domain_s_message_and_nothing_is_signed()
    {
        var (enrolmentId, _, _, dutyId) = await NextApprenticeAsync();
        var url = SignOffUrl(enrolmentId, dutyId);
        var form = await MainFormAsync(url);
        var evidence = form.QuerySelectorAll("input[name='Form.EvidenceIds']").Select(i => new KeyValuePair<string, string>("Form.EvidenceIds", i.GetAttribute("value")!)).ToList();
        await WithdrawAsync(enrolmentId);

        using var response = await Forms.PostAsync(
            _assessor, url, form, [.. evidence, new("Form.Password", DemoDataSeeder.DemoPassword), await CurrentStampAsync(enrolmentId)]);

        var page = await AppFactory.ParseAsync(response);
        Assert.That(evidence, Is.Not.Empty);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.QuerySelector(".error-summary")?.TextContent, Does.Contain("Duties are signed off only while the apprenticeship is active; it is withdrawn."));
        Assert.That((await Factory.EnrolmentAsync(enrolmentId)).ActiveSignOffFor(dutyId), Is.Null);
    }

    /// <summary>The text of the evidence cell of a duty's row in the progress table of the apprentice's overview.</summary>
    private async Task<string> EvidenceCellAsync(Guid enrolmentId, string dutyCode)
    {
        using var response = await _assessor.GetAsync(AssessorRoutes.Apprentice(enrolmentId));
        var page = await AppFactory.ParseAsync(response);
        var row = page.QuerySelectorAll("table.duty-progress tbody tr").SingleOrDefault(r => r.QuerySelector("th")?.TextContent.Trim() == dutyCode)
            ?? throw new InvalidOperationException($"The overview answered {(int)response.StatusCode} with no row for {dutyCode}.");
        return row.QuerySelector("td[data-label=Evidence]")?.TextContent ?? string.Empty;
    }

    private static string SignOffUrl(Guid enrolmentId, Guid dutyId) => AssessorRoutes.SignOff(enrolmentId, dutyId);

    private static string RevokeUrl(Guid enrolmentId, Guid signOffId) => AssessorRoutes.Revoke(enrolmentId, signOffId);

    /// <summary>
    /// An active apprentice of the demo assessor, not used before here, with a submitted item, an active sign-off and a
    /// duty that has accepted evidence but is not signed off.
    /// </summary>
    /// <param name="waitingBefore">When given, only an apprentice with an item waiting since before then (the demo data gives each a pace in turn).</param>
    private async Task<(Guid EnrolmentId, Guid Submitted, Guid SignOffId, Guid DutyToSign)> NextApprenticeAsync(DateTimeOffset? waitingBefore = null)
    {
        var mine = await Factory.EnrolmentsOfAsync();
        var waiting = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(i => mine.Contains(i.EnrolmentId) && i.Status == EvidenceStatus.Submitted)
            .Select(i => new { i.EnrolmentId, i.SubmittedAt })
            .ToListAsync());
        var longWaiting = waiting.Where(w => waitingBefore is null || w.SubmittedAt < waitingBefore).Select(w => w.EnrolmentId).ToHashSet();
        var candidates = await Factory.QueryAsync(db => db.Enrolments
            .Where(e => mine.Contains(e.Id) && e.Status == EnrolmentStatus.Active)
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                Submitted = db.EvidenceItems.Where(i => i.EnrolmentId == e.Id && i.Status == EvidenceStatus.Submitted).OrderBy(i => i.Id).Select(i => (Guid?)i.Id).FirstOrDefault(),
                SignOff = e.SignOffs.Where(s => s.RevokedAt == null).OrderBy(s => s.Id).Select(s => (Guid?)s.Id).FirstOrDefault(),
                DutyToSign = db.Duties
                    .Where(d => d.StandardId == e.StandardId && !e.SignOffs.Any(s => s.DutyId == d.Id && s.RevokedAt == null))
                    .Where(d => db.EvidenceItems.Any(i => i.EnrolmentId == e.Id && i.Status == EvidenceStatus.Accepted && i.Duties.Any(m => m.DutyId == d.Id)))
                    .OrderBy(d => d.Number)
                    .Select(d => (Guid?)d.Id)
                    .FirstOrDefault(),
            })
            .ToListAsync());
        // An apprentice picked for a long wait need not have a sign-off or a duty to sign (the default ids stand in).
        var pick = waitingBefore is null
            ? candidates.First(c => c.Submitted is not null && c.SignOff is not null && c.DutyToSign is not null && !_used.Contains(c.Id))
            : candidates.First(c => c.Submitted is not null && longWaiting.Contains(c.Id) && !_used.Contains(c.Id));
        _used.Add(pick.Id);
        return (pick.Id, pick.Submitted!.Value, pick.SignOff ?? Guid.Empty, pick.DutyToSign ?? Guid.Empty);
    }

    /// <summary>Withdraws the apprentice through the domain, as the provider's page would.</summary>
    private async Task WithdrawAsync(Guid enrolmentId)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == enrolmentId);
        enrolment.Withdraw("Left the employer.", Actor.System, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private async Task<KeyValuePair<string, string>> CurrentStampAsync(Guid enrolmentId) =>
        new("Form.ConcurrencyStamp", (await Factory.EnrolmentAsync(enrolmentId)).ConcurrencyStamp.ToString());

    /// <summary>The page's own form as the assessor's browser holds it, to post after the record changed behind it.</summary>
    private async Task<IHtmlFormElement> MainFormAsync(string url) =>
        (IHtmlFormElement)((await AppFactory.ParseAsync(await _assessor.GetAsync(url))).QuerySelector(Forms.MainForm)
            ?? throw new InvalidOperationException($"{url} has no form."));
}
