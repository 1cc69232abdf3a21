using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Email;
using ApprenticeTracker.Persistence.Seeding;
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

/// <summary>The daily job: reminders of evidence waiting too long, and the digest of mails people chose to gather.</summary>
public sealed class DailyMailTests : SeededAppFixture
{
    private readonly MailServer _mail = new();

    protected override AppFactory CreateFactory()
    {
        return new AppFactory { Database = Database, Settings = _mail.AppSettings() };
    }

    [OneTimeTearDown]
    public void StopMailServer() => _mail.Dispose();

    [Test]
    public async Task Only_the_first_instance_to_claim_a_day_writes_its_reminders_and_a_new_day_is_claimed_afresh()
    {
        var job = Factory.Services.GetRequiredService<DailyMailJob>();
        var day = new DateTimeOffset(2031, 3, 4, 7, 0, 0, TimeSpan.Zero);

        var first = await job.ClaimDayAsync(day, CancellationToken.None);
        var second = await job.ClaimDayAsync(day.AddMinutes(1), CancellationToken.None);
        var nextDay = await job.ClaimDayAsync(day.AddDays(1), CancellationToken.None);

        Assert.That((first, second, nextDay), Is.EqualTo((true, false, true)));
    }

    [Test]
    public async Task Two_senders_on_one_database_send_each_mail_once()
    {
        var addressee = new MailAddressee("two-senders@example.org", "Two Senders", null, null);
        await using (var db = await Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.OutboxMessages.AddRange(Enumerable.Range(1, 30).Select(i =>
                new OutboxMessage(MailKind.EvidenceSubmitted, addressee, $"Claimed mail {i}", "Text.", "<p>Text.</p>", DateTimeOffset.UtcNow.AddMinutes(-1))));
            await db.SaveChangesAsync();
        }

        // Two senders, each with its own one-batch-at-a-time gate, as two instances have (the host's own sender may
        // take some too, as a third instance would).
        var first = ActivatorUtilities.CreateInstance<OutboxSender>(Factory.Services);
        var second = ActivatorUtilities.CreateInstance<OutboxSender>(Factory.Services);
        await Task.WhenAll(first.SendDueAsync(CancellationToken.None), second.SendDueAsync(CancellationToken.None));
        await _mail.WaitForAsync(_ => _mail.To(addressee.Address).Count >= 30, nudge: () => first.SendDueAsync(CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(1));

        var received = _mail.To(addressee.Address).Select(m => m.Subject).ToList();
        Assert.That(received, Is.Unique.And.Count.EqualTo(30));
    }

    [Test]
    public async Task Choosing_the_daily_digest_holds_the_mails_until_the_job_sends_them_in_one()
    {
        using var assessor = await SignInAsAssessorAsync();
        using (await Forms.PostFormAsync(assessor, AccountRoutes.Account, [new("Mail.EvidenceSubmitted", "DailyDigest")], formSelector: "form.email-preferences"))
        {
        }

        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var first = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Digest item one", [duties["D1"]], action: "submit"));
        using var second = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Digest item two", [duties["D2"]], action: "submit"));
        var sender = Factory.Services.GetRequiredService<OutboxSender>();
        await sender.SendDueAsync(CancellationToken.None);
        var beforeDigest = _mail.To(DemoDataSeeder.AssessorEmail).Count(m => (m.Subject ?? string.Empty).Contains("Digest item", StringComparison.Ordinal));

        await Factory.Services.GetRequiredService<DailyMailJob>().RunAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.That(beforeDigest, Is.Zero, "nothing goes to the assessor at once");
        var digest = await _mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == DemoDataSeeder.AssessorEmail) && (m.Subject ?? string.Empty).StartsWith("Your ApprenticeTracker digest", StringComparison.Ordinal), nudge: () => sender.SendDueAsync(CancellationToken.None));
        Assert.That(digest.TextBody, Does.Contain("Digest item one").And.Contain("Digest item two"));
        Assert.That(digest.TextBody, Does.Contain($"https://tracker.test/assessor/reviews/{EvidenceTestKit.SavedItemId(first)}"));
        Assert.That(digest.HtmlBody, Does.Contain("Digest item two"));
        await Factory.Services.GetRequiredService<DailyMailJob>().RunAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        await sender.SendDueAsync(CancellationToken.None);
        Assert.That(_mail.To(DemoDataSeeder.AssessorEmail).Count(m => (m.Subject ?? string.Empty).StartsWith("Your ApprenticeTracker digest", StringComparison.Ordinal)), Is.EqualTo(1), "a mail goes into one digest only");
        using (await Forms.PostFormAsync(assessor, AccountRoutes.Account, [new("Mail.EvidenceSubmitted", "Immediately")], formSelector: "form.email-preferences"))
        {
        }
    }

    [Test]
    public async Task The_daily_job_reminds_each_assessor_of_evidence_waiting_longer_than_the_amber_threshold()
    {
        var mine = await Factory.EnrolmentsOfAsync();
        var closed = Enum.GetValues<EnrolmentStatus>().Where(s => s.IsFinal()).ToList();
        var waiting = await EvidenceTestKit.QueryAsync(Factory, db => (
            from i in db.EvidenceItems
            join e in db.Enrolments on i.EnrolmentId equals e.Id
            where mine.Contains(i.EnrolmentId) && i.Status == EvidenceStatus.Submitted && i.SubmittedAt != null && !closed.Contains(e.Status)
            select new { i.Id, i.Title, i.SubmittedAt }).ToListAsync());
        var closedItems = await EvidenceTestKit.QueryAsync(Factory, db => (
            from i in db.EvidenceItems
            join e in db.Enrolments on i.EnrolmentId equals e.Id
            where mine.Contains(i.EnrolmentId) && i.Status == EvidenceStatus.Submitted && closed.Contains(e.Status)
            select i.Id).ToListAsync());
        using var apprentice = await SignInAsApprenticeAsync();
        var duties = await EvidenceTestKit.DutyIdsAsync(apprentice);
        using var fresh = await PostFormAsync(apprentice, EvidenceRoutes.New, EvidenceTestKit.Fields("Submitted today", [duties["D4"]], action: "submit"));
        var later = DateTimeOffset.UtcNow;
        var sender = Factory.Services.GetRequiredService<OutboxSender>();
        await sender.SendDueAsync(CancellationToken.None);
        _mail.Clear();

        await Factory.Services.GetRequiredService<DailyMailJob>().RunAsync(later, CancellationToken.None);

        var reminder = await _mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == DemoDataSeeder.AssessorEmail) && (m.Subject ?? string.Empty).StartsWith("Reminder:", StringComparison.Ordinal), nudge: () => sender.SendDueAsync(CancellationToken.None));
        Assert.That(waiting.Count(i => i.SubmittedAt < later - TimeSpan.FromDays(7)), Is.GreaterThan(0));
        Assert.That(reminder.TextBody, Does.Not.Contain(EvidenceTestKit.SavedItemId(fresh).ToString()), "an item submitted today has not waited long enough");
        Assert.That(reminder.TextBody, Does.Contain("waited for your review for more than 7 days"));
        Assert.That(reminder.TextBody, Does.Contain("https://tracker.test/assessor/reviews"));
        foreach (var item in waiting.Where(i => i.SubmittedAt < later - TimeSpan.FromDays(7)))
        {
            Assert.That(reminder.TextBody.Contains($"https://tracker.test/assessor/reviews/{item.Id}", StringComparison.Ordinal), Is.True, () => $"{item.Title} {item.SubmittedAt:O} later {later:O}; {waiting.Count} waiting; subject {reminder.Subject}");
        }

        foreach (var item in closedItems)
        {
            Assert.That(reminder.TextBody, Does.Not.Contain(item.ToString()), "a closed record's evidence is no longer reviewed");
        }
    }

    [Test]
    public async Task Nothing_waiting_longer_than_the_threshold_sends_no_reminder()
    {
        var earliest = await EvidenceTestKit.QueryAsync(Factory, db => db.EvidenceItems.Where(i => i.SubmittedAt != null).MinAsync(i => i.SubmittedAt!.Value));
        var outboxBefore = await EvidenceTestKit.QueryAsync(Factory, db => db.OutboxMessages.CountAsync(m => m.Kind == Persistence.Email.MailKind.ReviewReminder));

        await Factory.Services.GetRequiredService<DailyMailJob>().RunAsync(earliest + TimeSpan.FromDays(6), CancellationToken.None);

        Assert.That(await EvidenceTestKit.QueryAsync(Factory, db => db.OutboxMessages.CountAsync(m => m.Kind == Persistence.Email.MailKind.ReviewReminder)), Is.EqualTo(outboxBefore));
    }
}
