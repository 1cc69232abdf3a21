using ApprenticeTracker.Persistence.Email;

namespace ApprenticeTracker.Persistence.Tests.Email;

public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Each_failure_doubles_the_wait_before_the_next_attempt()
    {
        var mail = NewMail();

        mail.RecordFailure("refused", permanent: false, Start, maxAttempts: 8, TimeSpan.FromSeconds(30));
        var first = mail.NextAttemptAt;
        mail.RecordFailure("refused", permanent: false, Start, maxAttempts: 8, TimeSpan.FromSeconds(30));
        var second = mail.NextAttemptAt;
        mail.RecordFailure("refused", permanent: false, Start, maxAttempts: 8, TimeSpan.FromSeconds(30));

        Assert.That(new[] { first, second, mail.NextAttemptAt }, Is.EqualTo(new[] { Start.AddSeconds(30), Start.AddSeconds(60), Start.AddSeconds(120) }));
        Assert.That(mail.PermanentlyFailed, Is.False);
        Assert.That(mail.Attempts, Is.EqualTo(3));
    }

    [Test]
    public void The_last_allowed_attempt_gives_the_mail_up()
    {
        var mail = NewMail();

        mail.RecordFailure("timeout", permanent: false, Start, maxAttempts: 2, TimeSpan.FromSeconds(1));
        mail.RecordFailure("timeout", permanent: false, Start, maxAttempts: 2, TimeSpan.FromSeconds(1));

        Assert.That(mail.PermanentlyFailed, Is.True);
        Assert.That(mail.LastError, Is.EqualTo("timeout"));
    }

    [Test]
    public void A_permanent_refusal_gives_the_mail_up_at_once()
    {
        var mail = NewMail();

        mail.RecordFailure("550 no such mailbox", permanent: true, Start, maxAttempts: 8, TimeSpan.FromSeconds(30));

        Assert.That(mail.PermanentlyFailed, Is.True);
        Assert.That(mail.Attempts, Is.EqualTo(1));
    }

    [Test]
    public void The_wait_never_exceeds_a_day()
    {
        var mail = NewMail();

        for (var i = 0; i < 30; i++)
        {
            mail.RecordFailure("down", permanent: false, Start, maxAttempts: 100, TimeSpan.FromHours(1));
        }

        Assert.That(mail.NextAttemptAt, Is.EqualTo(Start.AddDays(1)));
    }

    [Test]
    public void Only_a_mail_held_for_the_digest_can_be_gathered_into_one()
    {
        var immediate = NewMail();
        var held = NewMail(heldForDigest: true);
        var digest = Guid.NewGuid();

        held.GatherInto(digest);

        Assert.That(held.DigestId, Is.EqualTo(digest));
        Assert.That(() => immediate.GatherInto(digest), Throws.InvalidOperationException);
        Assert.That(() => held.GatherInto(Guid.NewGuid()), Throws.InvalidOperationException);
    }

    private static OutboxMessage NewMail(bool heldForDigest = false) =>
        new(MailKind.EvidenceSubmitted, new MailAddressee("grace@example.org", "Grace Adeyemi", "user-1", null), "Subject", "text", "<p>html</p>", Start, heldForDigest);
}
