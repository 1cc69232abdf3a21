using ApprenticeTracker.Persistence.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ApprenticeTracker.Web.Features.Email;

/// <summary>
/// Sends the outbox's due mails, in the background, outside any request: each is marked sent after the transport
/// took it, or its failure recorded with the next attempt moved back (<see cref="OutboxMessage.RecordFailure"/>).
/// A crash between the two sends that mail again on the next start: delivery is at least once.
/// </summary>
/// <remarks>
/// Several instances may share one database (PostgreSQL), each with its own sender. Before sending a mail, a sender
/// claims it with one conditional UPDATE that moves its next attempt a lease ahead, on the condition that the attempt is
/// still the one it read: of two senders that read the same mail, only one changes the row, and only that one sends
/// it. A sender that dies holding a claim leaves the mail to be sent again once the lease runs out (at least once, as
/// before). No column is needed, so both databases work alike (docs/decisions/0101).
/// </remarks>
public sealed class OutboxSender(
    IDbContextFactory<AppDbContext> contexts, IMailTransport transport, IOptions<EmailOptions> options, TimeProvider time, ILogger<OutboxSender> log)
    : BackgroundService
{
    private const int BatchSize = 50;

    // One batch at a time in this process, so that a mail is never sent twice by two overlapping batches.
    private readonly SemaphoreSlim _batch = new(1, 1);

    /// <summary>Sends every mail due now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await _batch.WaitAsync(ct);
        try
        {
            var sent = 0;
            while (true)
            {
                var (batchSent, more) = await SendBatchAsync(ct);
                sent += batchSent;
                if (!more)
                {
                    return sent;
                }
            }
        }
        finally
        {
            _batch.Release();
        }
    }

    /// <summary>The message as it goes out: plain text and HTML alternatives, a Message-ID fixed by the outbox row.</summary>
    public static MimeMessage Compose(OutboxMessage mail, string from)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = mail.CreatedAt,
            MessageId = $"{mail.Id:N}@apprenticetracker",
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unavailable; the next round tries again.
                log.LogError(e, "Sending the outbox's mail failed; trying again shortly");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<(int Sent, bool More)> SendBatchAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && !m.PermanentlyFailed && !m.HeldForDigest && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var mail in due)
        {
            if (!await ClaimAsync(db, mail, ct))
            {
                // Another instance's sender took it between our read and our claim.
                db.Entry(mail).State = EntityState.Detached;
                continue;
            }

            try
            {
                await transport.SendAsync(Compose(mail, settings.From), ct);
                mail.MarkSent(time.GetUtcNow());
                sent++;
            }
            catch (MailDeliveryException e)
            {
                mail.RecordFailure(e.Message, e.Permanent, time.GetUtcNow(), settings.MaxAttempts, settings.RetryDelay);
                if (mail.PermanentlyFailed)
                {
                    log.LogWarning("Mail {MailId} to {Recipient} given up after {Attempts} attempts: {Error}", mail.Id, mail.ToAddress, mail.Attempts, e.Message);
                }
                else if (log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("Mail {MailId} not sent ({Error}); next attempt at {NextAttempt:O}", mail.Id, e.Message, mail.NextAttemptAt);
                }
            }

            // Each outcome is saved at once: the fewer mails between sending and saving, the fewer a crash sends twice.
            await db.SaveChangesAsync(ct);
        }

        return (sent, due.Count == BatchSize);
    }

    /// <summary>Claims <paramref name="mail"/> for this sender; false when another sender claimed or sent it first.</summary>
    private async Task<bool> ClaimAsync(AppDbContext db, OutboxMessage mail, CancellationToken ct)
    {
        var seen = mail.NextAttemptAt;
        var until = time.GetUtcNow() + options.Value.ClaimLease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == mail.Id && m.SentAt == null && !m.PermanentlyFailed && m.NextAttemptAt == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, until), ct);
        return claimed == 1;
    }

    public override void Dispose()
    {
        _batch.Dispose();
        base.Dispose();
    }
}
