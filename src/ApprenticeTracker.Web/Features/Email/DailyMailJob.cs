using System.Net;
using System.Security.Cryptography;
using System.Text;
using ApprenticeTracker.Persistence.Email;
using ApprenticeTracker.Persistence.Forms;
using ApprenticeTracker.Web.Features.Account;
using ApprenticeTracker.Web.Features.Assessor;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Email;

/// <summary>
/// A source of the daily reminders. Each writes its mails into the outbox through <see cref="Notifications.QueueAsync"/>,
/// so that people's choices count. Items waiting for review (<see cref="ReviewWaitingReminders"/>) is the first; progress
/// reviews due and off-the-job hours behind plan add theirs here once those records exist.
/// </summary>
public interface IDailyReminders
{
    Task QueueAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct);
}

/// <summary>
/// Once a day at <see cref="EmailOptions.ReminderTime"/> (United Kingdom time) writes the day's reminders, then gathers
/// the mails people chose to receive as a digest into one mail each. The sender delivers both. A day on which the app
/// was not running at that time has no reminders and its digest mails wait for the next day's.
/// </summary>
public sealed class DailyMailJob(
    IDbContextFactory<AppDbContext> contexts, IEnumerable<IDailyReminders> reminders, PublicLinks links, IOptions<EmailOptions> options,
    TimeProvider time, ILogger<DailyMailJob> log) : BackgroundService
{
    /// <summary>Writes the reminders and the digests due at <paramref name="now"/>.</summary>
    public async Task RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            foreach (var source in reminders)
            {
                await source.QueueAsync(db, now, ct);
            }

            await db.SaveChangesAsync(ct);
        }

        await GatherDigestsAsync(now, ct);
    }

    /// <summary>The next instant at or after which the job runs: today's <paramref name="timeOfDay"/> in the United Kingdom if still to come, else tomorrow's.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly timeOfDay)
    {
        var zone = UnitedKingdom;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < 3; i++)
        {
            var candidate = day.AddDays(i).ToDateTime(timeOfDay);
            if (zone.IsInvalidTime(candidate))
            {
                // The clocks went forward over it (01:00 to 02:00 on the last Sunday of March): an hour later.
                candidate = candidate.AddHours(1);
            }

            var offset = zone.IsAmbiguousTime(candidate) ? zone.GetAmbiguousTimeOffsets(candidate).Max() : zone.GetUtcOffset(candidate);
            var at = new DateTimeOffset(candidate, offset);
            if (at > now)
            {
                return at.ToUniversalTime();
            }
        }

        throw new InvalidOperationException("No next run within three days.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = NextRun(time.GetUtcNow(), options.Value.ReminderTime);
            try
            {
                await Task.Delay(next - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
                var now = time.GetUtcNow();
                if (await ClaimDayAsync(now, stoppingToken))
                {
                    await RunAsync(now, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "The daily reminders and digests failed; they run again tomorrow");
            }
        }
    }

    /// <summary>
    /// Claims the day's run for this instance: several instances on one database (PostgreSQL) each have this job, and
    /// only the first to record the day's one-time token (a <see cref="FormSubmission"/>, whose key is unique) writes the
    /// reminders and digests; the others find it used and leave the day alone (docs/decisions/0101).
    /// </summary>
    internal async Task<bool> ClaimDayAsync(DateTimeOffset now, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, UnitedKingdom).DateTime);
        var token = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"daily-mail {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"))[..16]);
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.FormSubmissions.Add(new FormSubmission(token, Guid.Empty, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("Another instance has written the reminders and digests of {Day}", day);
            }

            return false;
        }
    }

    private static TimeZoneInfo UnitedKingdom => ServiceClock.TimeZone;

    /// <summary>A date as people in the United Kingdom read it, such as 21 Nov 2026.</summary>
    internal static string UkDate(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, UnitedKingdom).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private async Task GatherDigestsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var held = await db.OutboxMessages
            .Where(m => m.HeldForDigest && m.DigestId == null && m.CreatedAt <= now)
            .OrderBy(m => m.CreatedAt)
            .ToListAsync(ct);
        foreach (var group in held.GroupBy(m => (m.ToAddress, m.RecipientUserId)))
        {
            var first = group.First();
            var to = new MailAddressee(first.ToAddress, first.ToName, first.RecipientUserId, first.TrainingProviderId);
            var digest = Compose(to, group.ToList(), now);
            db.OutboxMessages.Add(digest);
            foreach (var mail in group)
            {
                mail.GatherInto(digest.Id);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>One mail listing the day's mails: each one's subject, when, and its text without greeting and footer.</summary>
    private OutboxMessage Compose(MailAddressee to, List<OutboxMessage> mails, DateTimeOffset now)
    {
        var subject = mails.Count == 1
            ? "Your ApprenticeTracker digest: 1 update"
            : string.Create(CultureInfo.InvariantCulture, $"Your ApprenticeTracker digest: {mails.Count} updates");
        var text = new System.Text.StringBuilder();
        var html = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Dear {to.Name},\r\n\r\nHere is what happened since your last digest.\r\n\r\n");
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(subject))
            .Append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#212529\">")
            .Append("<p>").Append(WebUtility.HtmlEncode($"Dear {to.Name},")).Append("</p><p>Here is what happened since your last digest.</p>");
        foreach (var mail in mails)
        {
            var when = TimeZoneInfo.ConvertTime(mail.CreatedAt, UnitedKingdom).ToString("d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));
            text.Append("== ").Append(mail.Subject).Append(" (").Append(when).Append(") ==\r\n").Append(Inner(mail.TextBody)).Append("\r\n\r\n");
            html.Append("<h2 style=\"font-size:18px\">").Append(WebUtility.HtmlEncode(mail.Subject)).Append(" <small style=\"color:#6c757d\">")
                .Append(WebUtility.HtmlEncode(when)).Append("</small></h2><pre style=\"font-family:inherit;white-space:pre-wrap\">")
                .Append(WebUtility.HtmlEncode(Inner(mail.TextBody))).Append("</pre>");
        }

        var account = links.To(AccountRoutes.Account);
        text.Append("You chose to receive these in a daily digest. Change that on your account page:\r\n").Append(account).Append("\r\n");
        html.Append("<p style=\"color:#6c757d;font-size:14px\">You chose to receive these in a daily digest. Change that on <a href=\"")
            .Append(WebUtility.HtmlEncode(account)).Append("\">your account page</a>.</p></body></html>");
        return new OutboxMessage(MailKind.DailyDigest, to, subject, text.ToString(), html.ToString(), now);
    }

    /// <summary>A mail's text without its greeting (first paragraph) and footer (last paragraph).</summary>
    private static string Inner(string text)
    {
        var paragraphs = text.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries);
        return paragraphs.Length <= 2 ? text.Trim() : string.Join("\r\n\r\n", paragraphs[1..^1]).Trim();
    }
}

/// <summary>To each assessor: the items of their current apprentices that have waited for review longer than the amber threshold.</summary>
public sealed class ReviewWaitingReminders(PublicLinks links, IOptions<Assessor.AssessorOptions> thresholds) : IDailyReminders
{
    public async Task QueueAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = thresholds.Value.AmberAfterDaysWaiting;
        var cutoff = now - TimeSpan.FromDays(days);
        var closed = Enum.GetValues<EnrolmentStatus>().Where(s => s.IsFinal()).ToList();
        var waiting = await (
            from item in db.EvidenceItems.AsNoTracking()
            join enrolment in db.Enrolments.AsNoTracking() on item.EnrolmentId equals enrolment.Id
            join apprentice in db.Apprentices.AsNoTracking() on enrolment.ApprenticeId equals apprentice.Id
            join assignment in db.AssessorAssignments.AsNoTracking() on enrolment.Id equals assignment.EnrolmentId
            join assessor in db.Assessors.AsNoTracking() on assignment.AssessorId equals assessor.Id
            where item.Status == EvidenceStatus.Submitted && item.SubmittedAt < cutoff
                && !closed.Contains(enrolment.Status) && assignment.EndedAt == null
            select new
            {
                Assessor = new MailAddressee(assessor.Email, PersonName.Full(assessor.GivenName, assessor.FamilyName, assessor.NameOrder), assessor.UserId, assessor.TrainingProviderId),
                item.Id,
                item.Title,
                item.SubmittedAt,
                Apprentice = PersonName.Full(apprentice.GivenName, apprentice.FamilyName, apprentice.NameOrder),
            })
            .ToListAsync(ct);
        foreach (var group in waiting.GroupBy(w => w.Assessor))
        {
            var to = group.Key;
            var items = group.OrderBy(w => w.SubmittedAt).ToList();
            var count = items.Count == 1 ? "1 item has" : string.Create(CultureInfo.InvariantCulture, $"{items.Count} items have");
            var content = new MailContent(
                items.Count == 1 ? "Reminder: 1 item waiting for your review" : string.Create(CultureInfo.InvariantCulture, $"Reminder: {items.Count} items waiting for your review"),
                $"Dear {to.Name},",
                [string.Create(CultureInfo.InvariantCulture, $"{count} waited for your review for more than {days} days:")],
                items.Select(w => string.Create(CultureInfo.InvariantCulture,
                    $"{w.Apprentice}: “{w.Title}”, submitted {DailyMailJob.UkDate(w.SubmittedAt!.Value)} – {links.To(AssessorRoutes.Review(w.Id))}")).ToList(),
                new MailLink("Open your review queue", links.To(AssessorRoutes.Reviews)));
            await Notifications.QueueAsync(db, MailKind.ReviewReminder, to, content, now, ct);
        }
    }
}
