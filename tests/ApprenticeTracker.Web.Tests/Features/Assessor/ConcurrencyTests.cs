using System.Net;
using AngleSharp.Html.Dom;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Tests.Features.Assessor;

/// <summary>
/// Two assessors of the same apprentice, each signed in for real, open the same form; the first to post wins, and the
/// second is told the record changed, sees its current state, and nothing of the first decision is lost.
/// </summary>
public sealed class ConcurrencyTests : SeededAppFixture
{
    private HttpClient _grace = null!;
    private HttpClient _tomasz = null!;
    private Guid _shared;

    [OneTimeSetUp]
    public async Task SignInBothAssessors()
    {
        _grace = await SignInAsAssessorAsync();
        _tomasz = await SignInAsync(DemoRecords.SecondAssessorEmail);
        _shared = await Factory.SharedEnrolmentAsync();
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        _grace.Dispose();
        _tomasz.Dispose();
    }

    [Test]
    public async Task The_second_review_of_the_same_item_is_refused_and_shows_the_first()
    {
        var item = (await Factory.EvidenceAsync(_shared, EvidenceStatus.Submitted))[0];
        var url = AssessorRoutes.Review(item);
        var gracesForm = await OpenFormAsync(_grace, url);
        var tomaszsForm = await OpenFormAsync(_tomasz, url);
        var reviewsBefore = (await Factory.EvidenceItemAsync(item)).Reviews.Count;

        using var first = await Forms.PostAsync(_grace, url, gracesForm, [new("Form.Decision", ReviewForm.Accept), new("Form.Feedback", "Sufficient and current.")]);
        using var second = await Forms.PostAsync(_tomasz, url, tomaszsForm, [new("Form.Decision", ReviewForm.ReferBack), new("Form.Feedback", "Needs the witness's role.")]);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(second);
        var alert = page.QuerySelector("main [role=alert]")?.TextContent;
        Assert.That(alert, Does.Contain("This item changed since you opened it"));
        Assert.That(alert, Does.Contain("It is now accepted (accepted by Grace Adeyemi on"));
        Assert.That(alert, Does.Contain("Needs the witness's role."), "what the second assessor wrote is shown back, not lost");
        var stored = await Factory.EvidenceItemAsync(item);
        Assert.That(stored.Status, Is.EqualTo(EvidenceStatus.Accepted));
        Assert.That(stored.Reviews, Has.Count.EqualTo(reviewsBefore + 1));
        Assert.That(stored.Reviews.OrderBy(r => r.ReviewedAt).Last().Feedback, Is.EqualTo("Sufficient and current."));
    }

    [Test]
    public async Task The_second_sign_off_of_the_same_duty_is_refused_and_shows_the_first()
    {
        var (dutyId, evidenceId) = await DutyToSignAsync();
        var url = AssessorRoutes.SignOff(_shared, dutyId);
        var gracesForm = await OpenFormAsync(_grace, url);
        var tomaszsForm = await OpenFormAsync(_tomasz, url);
        var signOffsBefore = (await Factory.EnrolmentAsync(_shared)).SignOffs.Count;

        using var first = await Forms.PostAsync(_grace, url, gracesForm, SignOffFields(evidenceId));
        using var second = await Forms.PostAsync(_tomasz, url, tomaszsForm, SignOffFields(evidenceId));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var alert = (await AppFactory.ParseAsync(second)).QuerySelector("main [role=alert]")?.TextContent;
        Assert.That(alert, Does.Contain("changed since you opened it").And.Contain("is now signed off by Grace Adeyemi"));
        var enrolment = await Factory.EnrolmentAsync(_shared);
        Assert.That(enrolment.SignOffs, Has.Count.EqualTo(signOffsBefore + 1));
        Assert.That(enrolment.ActiveSignOffFor(dutyId)?.AssessorName, Is.EqualTo("Grace Adeyemi"));
    }

    [Test]
    public async Task A_revocation_posted_after_the_record_changed_is_refused_and_keeps_the_reason_typed()
    {
        var signOff = (await Factory.EnrolmentAsync(_shared)).SignOffs.First(s => s.IsActive);
        var url = AssessorRoutes.Revoke(_shared, signOff.Id);
        var tomaszsForm = await OpenFormAsync(_tomasz, url);
        using var first = await PostFormAsync(_grace, url, [new("Form.Reason", "Rests on an observation of the team.")]);

        using var second = await Forms.PostAsync(_tomasz, url, tomaszsForm, [new("Form.Reason", "Evidence is out of date.")]);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await AppFactory.ParseAsync(second);
        Assert.That(page.QuerySelector("main [role=alert]")?.TextContent, Does.Contain("changed since you opened it"));
        Assert.That(page.QuerySelector("main")?.TextContent, Does.Contain("Rests on an observation of the team."));
        var stored = (await Factory.EnrolmentAsync(_shared)).SignOffs.Single(s => s.Id == signOff.Id);
        Assert.That(stored.RevocationReason, Is.EqualTo("Rests on an observation of the team."));
        Assert.That(stored.RevokedByName, Is.EqualTo("Grace Adeyemi"));
    }

    private static async Task<IHtmlFormElement> OpenFormAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return (IHtmlFormElement)(await AppFactory.ParseAsync(response)).QuerySelector(Forms.MainForm)!;
    }

    private static List<KeyValuePair<string, string>> SignOffFields(Guid evidenceId) =>
        [new("Form.EvidenceIds", evidenceId.ToString()), new("Form.Password", DemoDataSeeder.DemoPassword)];

    /// <summary>A duty of the shared apprentice with accepted evidence and no sign-off.</summary>
    private async Task<(Guid DutyId, Guid EvidenceId)> DutyToSignAsync()
    {
        var enrolment = await Factory.EnrolmentAsync(_shared);
        Assert.That(enrolment.Status, Is.EqualTo(EnrolmentStatus.Active));
        var accepted = await Factory.QueryAsync(db => db.EvidenceItems
            .Where(e => e.EnrolmentId == _shared && e.Status == EvidenceStatus.Accepted)
            .Select(e => new { e.Id, DutyIds = e.Duties.Select(d => d.DutyId).ToList() })
            .ToListAsync());
        return accepted
            .SelectMany(e => e.DutyIds.Select(d => (DutyId: d, EvidenceId: e.Id)))
            .First(x => enrolment.ActiveSignOffFor(x.DutyId) is null);
    }
}
