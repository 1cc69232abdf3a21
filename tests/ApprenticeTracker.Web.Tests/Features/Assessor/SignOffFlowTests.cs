using System.Net;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Assessor;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

/// <summary>The demo assessor signs off duties and revokes sign-offs through the real pages, and each refusal.</summary>
public sealed class SignOffFlowTests : SeededAppFixture
{
    private const string Password = DemoDataSeeder.DemoPassword;
    private readonly HashSet<(Guid, Guid)> _used = [];
    private HttpClient _assessor = null!;

    [OneTimeSetUp]
    public async Task SignInTheDemoAssessor() => _assessor = await SignInAsAssessorAsync();

    [OneTimeTearDown]
    public void SignOut() => _assessor.Dispose();

    [Test]
    public async Task Signing_with_chosen_accepted_evidence_and_the_right_password_records_the_sign_off_the_apprentice_sees()
    {
        var (enrolmentId, dutyId, accepted) = await NextDutyToSignAsync();
        var chosen = accepted.Take(2).ToList();

        using var response = await SignAsync(enrolmentId, dutyId, chosen, Password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(), Is.EqualTo($"{AssessorRoutes.Apprentice(enrolmentId)}?recorded=signed-off"));
        var signOff = (await Factory.EnrolmentAsync(enrolmentId)).ActiveSignOffFor(dutyId);
        Assert.That(signOff, Is.Not.Null);
        Assert.That(signOff!.AssessorName, Is.EqualTo("Grace Adeyemi"));
        Assert.That(signOff.Evidence.Select(e => e.EvidenceItemId), Is.EquivalentTo(chosen));
        Assert.That(signOff.Declaration, Is.EqualTo(await DeclarationAsync(enrolmentId, dutyId)));
        var audit = (await Factory.AuditOfAsync(signOff.Id)).Single();
        Assert.That(audit.Action, Is.EqualTo("duty.signed-off"));
        Assert.That(audit.ActorUserId, Is.EqualTo(await Factory.UserIdAsync(DemoDataSeeder.AssessorEmail)));
        var overview = await AppFactory.ParseAsync(await _assessor.GetAsync(response.RedirectTarget()));
        Assert.That(overview.QuerySelector("[role=status]")?.TextContent, Does.Contain("The duty is signed off"));
    }

    [Test]
    public async Task The_sign_off_page_shows_the_duty_its_accepted_evidence_and_the_declaration()
    {
        var (enrolmentId, dutyId, accepted) = await NextDutyToSignAsync();
        var statement = await Factory.QueryAsync(db => db.Duties.Where(d => d.Id == dutyId).Select(d => d.Statement).SingleAsync());

        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(SignOffUrl(enrolmentId, dutyId)));

        Assert.That(page.QuerySelector("section[aria-labelledby=duty-title] p")?.TextContent, Is.EqualTo(statement));
        Assert.That(page.QuerySelectorAll("input[name='Form.EvidenceIds']").Select(i => Guid.Parse(i.GetAttribute("value")!)), Is.EquivalentTo(accepted));
        Assert.That(page.QuerySelector(".declaration")?.TextContent, Is.EqualTo(await DeclarationAsync(enrolmentId, dutyId)));
    }

    [Test]
    public async Task A_wrong_password_is_refused_beside_the_field_counts_towards_lockout_and_signs_nothing()
    {
        var (enrolmentId, dutyId, accepted) = await NextDutyToSignAsync();
        var failedBefore = await FailedSignInsAsync();

        using var response = await SignAsync(enrolmentId, dutyId, accepted.Take(1), "not my password at all");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#password-error")?.TextContent.Trim(), Is.EqualTo("The password is not right. Enter the password you sign in with."));
        Assert.That(page.QuerySelector("input#password")?.ClassList, Does.Contain("is-invalid"));
        Assert.That(page.QuerySelector(".error-summary a[href$='#password']"), Is.Not.Null);
        Assert.That(page.QuerySelector($"input[name='Form.EvidenceIds'][value='{accepted[0]}']")?.HasAttribute("checked"), Is.True, "the choice is kept");
        Assert.That(await FailedSignInsAsync(), Is.EqualTo(failedBefore + 1));
        Assert.That((await Factory.EnrolmentAsync(enrolmentId)).ActiveSignOffFor(dutyId), Is.Null);
    }

    [Test]
    public async Task Signing_without_choosing_any_evidence_is_refused_beside_the_evidence()
    {
        var (enrolmentId, dutyId, _) = await NextDutyToSignAsync();

        using var response = await SignAsync(enrolmentId, dutyId, [], Password);

        await AssertRefusedAsync(response, enrolmentId, dutyId, "Choose the accepted evidence the sign-off of D");
    }

    [Test]
    public async Task A_duty_with_no_accepted_evidence_cannot_be_signed_off()
    {
        var (enrolmentId, dutyId) = await DutyWithoutAcceptedEvidenceAsync();

        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(SignOffUrl(enrolmentId, dutyId)));
        using var response = await SignAsync(enrolmentId, dutyId, [], Password);

        Assert.That(page.QuerySelectorAll("input[name='Form.EvidenceIds']"), Is.Empty);
        Assert.That(page.QuerySelector("fieldset")?.TextContent, Does.Contain("No accepted evidence is mapped to"));
        await AssertRefusedAsync(response, enrolmentId, dutyId, "Choose the accepted evidence the sign-off of D");
    }

    [Test]
    public async Task Evidence_that_is_not_accepted_is_refused()
    {
        var (enrolmentId, dutyId, _) = await NextDutyToSignAsync();
        var submitted = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(e => e.EnrolmentId == enrolmentId && e.Status == EvidenceStatus.Submitted)
            .Select(e => new { e.Id, e.Title })
            .FirstAsync());

        using var response = await SignAsync(enrolmentId, dutyId, [submitted.Id], Password);

        await AssertRefusedAsync(response, enrolmentId, dutyId, $"'{submitted.Title}' is submitted; a sign-off rests only on accepted evidence.");
    }

    [Test]
    public async Task Accepted_evidence_of_another_duty_is_refused()
    {
        var (enrolmentId, dutyId, _) = await NextDutyToSignAsync();
        var otherDuty = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(e => e.EnrolmentId == enrolmentId && e.Status == EvidenceStatus.Accepted && !e.Duties.Any(d => d.DutyId == dutyId))
            .Select(e => new { e.Id, e.Title })
            .FirstAsync());

        using var response = await SignAsync(enrolmentId, dutyId, [otherDuty.Id], Password);

        await AssertRefusedAsync(response, enrolmentId, dutyId, $"'{otherDuty.Title}' is not mapped to D");
    }

    [Test]
    public async Task Accepted_evidence_of_another_providers_apprentice_is_refused()
    {
        var (enrolmentId, dutyId, accepted) = await NextDutyToSignAsync();
        var theirs = (await Factory.EvidenceAsync(await Factory.OtherProvidersEnrolmentAsync(), EvidenceStatus.Accepted))[0];

        using var response = await SignAsync(enrolmentId, dutyId, [accepted[0], theirs], Password);

        await AssertRefusedAsync(response, enrolmentId, dutyId, "A sign-off can rest only on this apprentice's own accepted evidence.");
    }

    [Test]
    public async Task A_duty_already_signed_off_offers_revocation_instead_of_a_second_sign_off()
    {
        var (enrolmentId, signOffId) = await NextActiveSignOffAsync();
        var dutyId = (await Factory.EnrolmentAsync(enrolmentId)).SignOffs.Single(s => s.Id == signOffId).DutyId;

        var page = await AppFactory.ParseAsync(await _assessor.GetAsync(SignOffUrl(enrolmentId, dutyId)));

        Assert.That(page.QuerySelector("main form"), Is.Null);
        Assert.That(page.QuerySelector($"main a[href='{RevokeUrl(enrolmentId, signOffId)}']"), Is.Not.Null);
    }

    [Test]
    public async Task Revoking_with_a_reason_keeps_the_sign_off_on_record_as_revoked()
    {
        var (enrolmentId, signOffId) = await NextActiveSignOffAsync();

        using var response = await PostFormAsync(_assessor, RevokeUrl(enrolmentId, signOffId), [new("Form.Reason", "The observation was of the team, not of the apprentice leading it.")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(), Is.EqualTo($"{AssessorRoutes.Apprentice(enrolmentId)}?recorded=revoked"));
        var signOff = (await Factory.EnrolmentAsync(enrolmentId)).SignOffs.Single(s => s.Id == signOffId);
        Assert.That(signOff.IsActive, Is.False);
        Assert.That(signOff.RevocationReason, Is.EqualTo("The observation was of the team, not of the apprentice leading it."));
        Assert.That(signOff.RevokedByName, Is.EqualTo("Grace Adeyemi"));
        Assert.That((await Factory.AuditOfAsync(signOffId))[^1].Action, Is.EqualTo("duty.sign-off-revoked"));
        var overview = await AppFactory.ParseAsync(await _assessor.GetAsync(response.RedirectTarget()));
        Assert.That(overview.QuerySelector("section[aria-labelledby=sign-offs-title]")?.TextContent, Does.Contain("The observation was of the team, not of the apprentice leading it."));
    }

    [Test]
    public async Task Revoking_without_a_reason_is_refused_beside_the_field()
    {
        var (enrolmentId, signOffId) = await NextActiveSignOffAsync();

        using var response = await PostFormAsync(_assessor, RevokeUrl(enrolmentId, signOffId), [new("Form.Reason", "")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#reason-error")?.TextContent.Trim(), Is.EqualTo("Enter the reason for revoking."));
        Assert.That(page.QuerySelector("textarea#reason")?.GetAttribute("aria-describedby"), Is.EqualTo("reason-hint reason-error"));
        Assert.That((await Factory.EnrolmentAsync(enrolmentId)).SignOffs.Single(s => s.Id == signOffId).IsActive, Is.True);
    }

    private static string SignOffUrl(Guid enrolmentId, Guid dutyId) => AssessorRoutes.SignOff(enrolmentId, dutyId);

    private static string RevokeUrl(Guid enrolmentId, Guid signOffId) => AssessorRoutes.Revoke(enrolmentId, signOffId);

    private Task<HttpResponseMessage> SignAsync(Guid enrolmentId, Guid dutyId, IEnumerable<Guid> evidence, string password) =>
        PostFormAsync(
            _assessor,
            SignOffUrl(enrolmentId, dutyId),
            [.. evidence.Select(id => new KeyValuePair<string, string>("Form.EvidenceIds", id.ToString())), new("Form.Password", password)]);

    private async Task AssertRefusedAsync(HttpResponseMessage response, Guid enrolmentId, Guid dutyId, string message)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(response);
        Assert.That(page.QuerySelector("#evidence-error")?.TextContent, Does.StartWith(message));
        Assert.That(page.QuerySelector("fieldset")?.GetAttribute("aria-describedby"), Is.EqualTo("evidence-hint evidence-error"));
        Assert.That(page.QuerySelector(".error-summary a[href$='#evidence']")?.TextContent, Does.StartWith(message));
        Assert.That((await Factory.EnrolmentAsync(enrolmentId)).ActiveSignOffFor(dutyId), Is.Null);
    }

    /// <summary>A duty of an active apprentice of the demo assessor, not signed off, with accepted evidence; not used before here.</summary>
    private async Task<(Guid EnrolmentId, Guid DutyId, List<Guid> Accepted)> NextDutyToSignAsync()
    {
        var mine = await Factory.EnrolmentsOfAsync();
        var active = await Factory.QueryAsync(db => db.Enrolments
            .Where(e => mine.Contains(e.Id) && e.Status == EnrolmentStatus.Active)
            .Select(e => e.Id)
            .ToListAsync());
        var accepted = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(e => active.Contains(e.EnrolmentId) && e.Status == EvidenceStatus.Accepted)
            .Select(e => new { e.EnrolmentId, e.Id, DutyIds = e.Duties.Select(d => d.DutyId).ToList() })
            .ToListAsync());
        var signedOff = (await Factory.QueryAsync(db => db.DutySignOffs
            .Where(s => active.Contains(s.EnrolmentId) && s.RevokedAt == null)
            .Select(s => new { s.EnrolmentId, s.DutyId })
            .ToListAsync()))
            .Select(s => (s.EnrolmentId, s.DutyId))
            .ToHashSet();
        var candidates = accepted
            .SelectMany(e => e.DutyIds.Select(d => new { e.EnrolmentId, DutyId = d, e.Id }))
            .Where(c => !signedOff.Contains((c.EnrolmentId, c.DutyId)))
            .ToList();
        var pick = candidates
            .GroupBy(c => (c.EnrolmentId, c.DutyId))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.EnrolmentId)
            .ThenBy(g => g.Key.DutyId)
            .First(g => !_used.Contains(g.Key));
        _used.Add(pick.Key);
        return (pick.Key.EnrolmentId, pick.Key.DutyId, pick.Select(c => c.Id).Distinct().ToList());
    }

    private async Task<(Guid EnrolmentId, Guid DutyId)> DutyWithoutAcceptedEvidenceAsync()
    {
        var mine = await Factory.EnrolmentsOfAsync();
        var pairs = await Factory.QueryAsync(db => db.Enrolments
            .Where(e => mine.Contains(e.Id) && e.Status == EnrolmentStatus.Active)
            .SelectMany(e => db.Duties.Where(d => d.StandardId == e.StandardId), (e, d) => new { EnrolmentId = e.Id, DutyId = d.Id })
            .Where(x => !db.EvidenceItems.Any(i => i.EnrolmentId == x.EnrolmentId && i.Status == EvidenceStatus.Accepted && i.Duties.Any(d => d.DutyId == x.DutyId)))
            .ToListAsync());
        var pick = pairs.OrderBy(p => p.EnrolmentId).ThenBy(p => p.DutyId).First(p => !_used.Contains((p.EnrolmentId, p.DutyId)));
        _used.Add((pick.EnrolmentId, pick.DutyId));
        return (pick.EnrolmentId, pick.DutyId);
    }

    private async Task<(Guid EnrolmentId, Guid SignOffId)> NextActiveSignOffAsync()
    {
        var mine = await Factory.EnrolmentsOfAsync();
        var signOffs = await Factory.QueryAsync(db => db.DutySignOffs
            .Where(s => mine.Contains(s.EnrolmentId) && s.RevokedAt == null)
            .Select(s => new { s.EnrolmentId, s.DutyId, s.Id })
            .ToListAsync());
        var pick = signOffs.OrderBy(s => s.Id).First(s => !_used.Contains((s.EnrolmentId, s.DutyId)));
        _used.Add((pick.EnrolmentId, pick.DutyId));
        return (pick.EnrolmentId, pick.Id);
    }

    private async Task<string> DeclarationAsync(Guid enrolmentId, Guid dutyId)
    {
        var enrolment = await Factory.EnrolmentAsync(enrolmentId);
        var standard = await Factory.QueryAsync(db => db.Standards.Include(s => s.Duties).SingleAsync(s => s.Id == enrolment.StandardId));
        var name = await Factory.QueryAsync(db => db.Apprentices.Where(a => a.Id == enrolment.ApprenticeId).Select(a => a.GivenName + " " + a.FamilyName).SingleAsync());
        return SignOffDeclaration.For(name, standard, standard.FindDuty(dutyId)!);
    }

    private async Task<int> FailedSignInsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetAccessFailedCountAsync((await users.FindByEmailAsync(DemoDataSeeder.AssessorEmail))!);
    }
}
