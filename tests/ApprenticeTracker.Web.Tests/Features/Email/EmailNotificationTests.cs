using System.Net;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Email;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Email;
using ApprenticeTracker.Web.Tests.Features.Assessor;
using ApprenticeTracker.Web.Tests.Features.Evidence;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Evidence;

namespace ApprenticeTracker.Web.Tests.Features.Email;

/// <summary>
/// The mails a change causes, as a real SMTP server (netDumbster) receives them from the app's background sender:
/// recipients, subject, text and the link to the page.
/// </summary>
public sealed class EmailNotificationTests : SeededAppFixture
{
    private readonly MailServer _mail = new();

    protected override AppFactory CreateFactory()
    {
        return new AppFactory { Database = Database, Settings = _mail.AppSettings() };
    }

    [OneTimeTearDown]
    public void StopMailServer() => _mail.Dispose();

    [Test]
    public async Task Submitting_evidence_mails_each_assessor_of_the_enrolment_a_link_to_review_it()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        var assessors = await AssessorsOfTheDemoApprenticeAsync();

        using var saved = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Leading the morning huddle", [duties["D1"]], action: "submit"));

        var item = EvidenceTestKit.SavedItemId(saved);
        Assert.That(assessors, Is.Not.Empty);
        foreach (var assessor in assessors)
        {
            var mail = await _mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == assessor) && (m.Subject ?? string.Empty).Contains("Leading the morning huddle", StringComparison.Ordinal));
            Assert.That(mail.Subject, Is.EqualTo("Evidence to review from Łucja Wójcik: Leading the morning huddle"));
            Assert.That(mail.From.Mailboxes.Single().Address, Is.EqualTo("no-reply@tracker.test"));
            Assert.That(mail.TextBody, Does.Contain($"https://tracker.test/assessor/reviews/{item}"));
            Assert.That(mail.HtmlBody, Does.Contain($"href=\"https://tracker.test/assessor/reviews/{item}\""));
        }

        Assert.That(_mail.To(DemoDataSeeder.ApprenticeEmail).Where(m => (m.Subject ?? string.Empty).Contains("morning huddle", StringComparison.Ordinal)), Is.Empty, "the apprentice is not told of their own submission");
    }

    [Test]
    public async Task Referring_back_mails_the_apprentice_the_first_lines_of_the_feedback_and_a_link_to_the_item()
    {
        using var assessor = await SignInAsAssessorAsync();
        var (item, apprenticeEmail, title) = await SubmittedItemOfTheDemoAssessorAsync();
        const string feedback = "Say what you did yourself.\nName the witness and their role.\nAdd the date.\nA fourth line the mail leaves out.";

        using var response = await PostFormAsync(assessor, AssessorRoutes.Review(item), [new("Form.Decision", ReviewForm.ReferBack), new("Form.Feedback", feedback)]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var mail = await _mail.WaitForAsync(m => m.Subject == $"Evidence referred back: {title}");
        Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo(apprenticeEmail));
        Assert.That(mail.TextBody, Does.Contain("> Say what you did yourself.").And.Contain("> Name the witness and their role.").And.Contain("> Add the date. …"));
        Assert.That(mail.TextBody, Does.Not.Contain("fourth line"));
        Assert.That(mail.TextBody, Does.Contain($"https://tracker.test/evidence/{item}"));
    }

    [Test]
    public async Task Accepting_mails_the_apprentice_that_the_item_was_accepted()
    {
        using var assessor = await SignInAsAssessorAsync();
        var (item, apprenticeEmail, title) = await SubmittedItemOfTheDemoAssessorAsync();

        using var response = await PostFormAsync(assessor, AssessorRoutes.Review(item), [new("Form.Decision", ReviewForm.Accept), new("Form.Feedback", "")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var mail = await _mail.WaitForAsync(m => m.Subject == $"Evidence accepted: {title}");
        Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo(apprenticeEmail));
        Assert.That(mail.TextBody, Does.Contain("Grace Adeyemi has accepted your evidence"));
    }

    [Test]
    public async Task A_change_the_database_rolls_back_writes_and_sends_no_mail()
    {
        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        var outboxBefore = await EvidenceTestKit.QueryAsync(Factory, db => db.OutboxMessages.CountAsync());
        await RefuseAuditEventsAsync("evidence.submitted");
        HttpResponseMessage? response = null;
        try
        {
            response = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Rolled back with its mail", [duties["D2"]], action: "submit"));
        }
        finally
        {
            await AllowAuditEventsAsync();
        }

        using (response)
        {
            Assert.That(response!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        }

        await Factory.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        Assert.That(await EvidenceTestKit.QueryAsync(Factory, db => db.EvidenceItems.CountAsync(i => i.Title == "Rolled back with its mail")), Is.Zero);
        Assert.That(await EvidenceTestKit.QueryAsync(Factory, db => db.OutboxMessages.CountAsync()), Is.EqualTo(outboxBefore));
        Assert.That(_mail.Received.Where(m => (m.Subject ?? string.Empty).Contains("Rolled back", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task Turning_a_kind_off_on_the_account_page_stops_its_mails()
    {
        using var assessor = await SignInAsAssessorAsync();
        using var saved = await Forms.PostFormAsync(assessor, AccountRoutes.Account, [new("Mail.EvidenceReviewed", "Off"), new("Mail.EvidenceSubmitted", "Off")], formSelector: "form.email-preferences");
        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);

        using var submitted = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Not mailed to Grace", [duties["D3"]], action: "submit"));

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var item = EvidenceTestKit.SavedItemId(submitted);
        var assessorUserId = await Factory.UserIdAsync(DemoDataSeeder.AssessorEmail);
        var written = await EvidenceTestKit.QueryAsync(Factory, db => db.OutboxMessages.Where(m => (m.Subject ?? string.Empty).Contains("Not mailed to Grace")).Select(m => m.RecipientUserId).ToListAsync());
        Assert.That(written, Does.Not.Contain(assessorUserId));
        var page = await AppFactory.ParseAsync(await assessor.GetAsync(AccountRoutes.Account));
        Assert.That(page.QuerySelector("#mail-EvidenceSubmitted-Off")?.HasAttribute("checked"), Is.True);
        Assert.That(page.QuerySelector("#mail-ReviewReminder-Immediately")?.HasAttribute("checked"), Is.True);
        Assert.That(page.QuerySelector("#mail-EvidenceReviewed-Off"), Is.Null, "an assessor is offered only the kinds an assessor receives");
        Assert.That(item, Is.Not.EqualTo(Guid.Empty));

        using (await Forms.PostFormAsync(assessor, AccountRoutes.Account, [new("Mail.EvidenceSubmitted", "Immediately")], formSelector: "form.email-preferences"))
        {
        }
    }

    private Task<List<string>> AssessorsOfTheDemoApprenticeAsync() =>
        EvidenceTestKit.QueryAsync(Factory, db => (
            from apprentice in db.Apprentices
            join enrolment in db.Enrolments on apprentice.Id equals enrolment.ApprenticeId
            join assignment in db.AssessorAssignments on enrolment.Id equals assignment.EnrolmentId
            join assessor in db.Assessors on assignment.AssessorId equals assessor.Id
            where apprentice.Email == DemoDataSeeder.ApprenticeEmail && assignment.EndedAt == null
            select assessor.Email).Distinct().ToListAsync());

    private readonly HashSet<Guid> _used = [];

    private async Task<(Guid Item, string ApprenticeEmail, string Title)> SubmittedItemOfTheDemoAssessorAsync()
    {
        var mine = await Factory.EnrolmentsOfAsync();
        var candidates = await EvidenceTestKit.QueryAsync(Factory, db => (
            from item in db.EvidenceItems
            join enrolment in db.Enrolments on item.EnrolmentId equals enrolment.Id
            join apprentice in db.Apprentices on enrolment.ApprenticeId equals apprentice.Id
            where mine.Contains(item.EnrolmentId) && item.Status == EvidenceStatus.Submitted
                && enrolment.Status == Domain.Enrolments.EnrolmentStatus.Active
            orderby item.Id
            select new { item.Id, apprentice.Email, item.Title }).ToListAsync());
        var chosen = candidates.First(c => _used.Add(c.Id));
        return (chosen.Id, chosen.Email, chosen.Title);
    }

    /// <summary>A trigger that makes the database refuse the audit event of <paramref name="action"/>, and with it the whole save.</summary>
    private async Task RefuseAuditEventsAsync(string action)
    {
        await using var connection = await Factory.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Database == Persistence.DatabaseProvider.PostgreSql
            ? "CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$; " +
              $"CREATE TRIGGER test_refuse_audit BEFORE INSERT ON \"AuditEvents\" FOR EACH ROW WHEN (NEW.\"Action\" = '{action}') EXECUTE FUNCTION test_refuse_audit();"
            : $"CREATE TRIGGER test_refuse_audit BEFORE INSERT ON AuditEvents WHEN NEW.Action = '{action}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;";
        await command.ExecuteNonQueryAsync();
    }

    private async Task AllowAuditEventsAsync()
    {
        await using var connection = await Factory.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Database == Persistence.DatabaseProvider.PostgreSql
            ? "DROP TRIGGER IF EXISTS test_refuse_audit ON \"AuditEvents\"; DROP FUNCTION IF EXISTS test_refuse_audit();"
            : "DROP TRIGGER IF EXISTS test_refuse_audit;";
        await command.ExecuteNonQueryAsync();
    }
}
