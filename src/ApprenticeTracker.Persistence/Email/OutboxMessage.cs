namespace ApprenticeTracker.Persistence.Email;

/// <summary>
/// A mail waiting to be sent, or sent. It is written in the same transaction as the change it tells of, so a
/// change that is rolled back sends nothing and a committed one is sent even after a crash; a background sender
/// delivers it later, at least once (a crash between the SMTP server's acceptance and <see cref="MarkSent"/> sends
/// it again; the Message-ID, made from <see cref="Id"/>, stays the same).
/// </summary>
public sealed class OutboxMessage
{
    public const int AddressMaxLength = 256;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int LastErrorMaxLength = 1000;

    private OutboxMessage()
    {
        ToAddress = string.Empty;
        ToName = string.Empty;
        Subject = string.Empty;
        TextBody = string.Empty;
        HtmlBody = string.Empty;
    }

    /// <param name="heldForDigest">True when the recipient gathers this kind into a daily digest: the sender leaves it.</param>
    public OutboxMessage(
        MailKind kind, MailAddressee to, string subject, string textBody, string htmlBody, DateTimeOffset createdAt, bool heldForDigest = false)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        Id = Guid.NewGuid();
        Kind = kind;
        RecipientUserId = to.UserId;
        TrainingProviderId = to.TrainingProviderId;
        ToAddress = to.Address;
        ToName = to.Name.Length > NameMaxLength ? to.Name[..NameMaxLength] : to.Name;
        Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        HeldForDigest = heldForDigest;
    }

    public Guid Id { get; private set; }

    public MailKind Kind { get; private set; }

    /// <summary>The recipient's sign-in account, when the mail goes to one.</summary>
    public string? RecipientUserId { get; private set; }

    /// <summary>The recipient's training provider, so that its administrators see the mails that failed to reach their people.</summary>
    public Guid? TrainingProviderId { get; private set; }

    public string ToAddress { get; private set; }

    public string ToName { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string HtmlBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>How many times sending was tried and failed.</summary>
    public int Attempts { get; private set; }

    /// <summary>Not sent before this instant (it moves back after each failure).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Given up: the server refused the mail for good, or every attempt failed.</summary>
    public bool PermanentlyFailed { get; private set; }

    /// <summary>Waiting for the recipient's daily digest instead of going on its own.</summary>
    public bool HeldForDigest { get; private set; }

    /// <summary>The digest mail that carried this one, once the daily job has gathered it.</summary>
    public Guid? DigestId { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        LastError = null;
    }

    /// <summary>
    /// Records a failed attempt: given up when <paramref name="permanent"/> or after <paramref name="maxAttempts"/>;
    /// otherwise tried again after <paramref name="baseDelay"/> doubled for each earlier failure (1, 2, 4… times).
    /// </summary>
    public void RecordFailure(string error, bool permanent, DateTimeOffset at, int maxAttempts, TimeSpan baseDelay)
    {
        Attempts++;
        LastError = error.Length > LastErrorMaxLength ? error[..LastErrorMaxLength] : error;
        if (permanent || Attempts >= maxAttempts)
        {
            PermanentlyFailed = true;
            return;
        }

        var factor = Math.Pow(2, Math.Min(Attempts - 1, 20));
        NextAttemptAt = at + TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * factor, TimeSpan.FromDays(1).Ticks));
    }

    /// <summary>Records that the daily digest <paramref name="digestId"/> carries this mail.</summary>
    public void GatherInto(Guid digestId)
    {
        if (!HeldForDigest || DigestId is not null)
        {
            throw new InvalidOperationException("Only a mail held for a digest, and not yet gathered, can go into a digest.");
        }

        DigestId = digestId;
    }
}

/// <summary>Who a mail goes to.</summary>
/// <param name="UserId">Their sign-in account, if any.</param>
/// <param name="TrainingProviderId">Their training provider, if known.</param>
public sealed record MailAddressee(string Address, string Name, string? UserId, Guid? TrainingProviderId);
