namespace ApprenticeTracker.Persistence.Email;

/// <summary>What a mail is about; people choose per kind how they receive it (<see cref="EmailPreference"/>).</summary>
public enum MailKind
{
    /// <summary>To an assessor: an apprentice of their caseload submitted an item for review.</summary>
    EvidenceSubmitted,

    /// <summary>To an apprentice: an item was accepted or referred back.</summary>
    EvidenceReviewed,

    /// <summary>To an apprentice: a duty was signed off, or a sign-off revoked.</summary>
    SignOffChanged,

    /// <summary>To an assessor: items have waited for review longer than the amber threshold.</summary>
    ReviewReminder,

    /// <summary>The day's mails of the kinds someone chose to receive in a digest, in one message.</summary>
    DailyDigest,

    /// <summary>To a new account holder: the account exists, with a link to set a password. Cannot be turned off.</summary>
    AccountCreated,

    /// <summary>A password reset link. Cannot be turned off.</summary>
    PasswordReset,
}

/// <summary>How someone receives the mails of one <see cref="MailKind"/>.</summary>
public enum MailDelivery
{
    /// <summary>One mail each, as it happens (the default).</summary>
    Immediately,

    /// <summary>Gathered into one mail a day.</summary>
    DailyDigest,

    /// <summary>Not at all.</summary>
    Off,
}

/// <summary>Which kinds of mail people may choose about.</summary>
public static class MailKinds
{
    /// <summary>Account and password mails always go, one each, as they happen.</summary>
    public static bool IsChoosable(MailKind kind) =>
        kind is MailKind.EvidenceSubmitted or MailKind.EvidenceReviewed or MailKind.SignOffChanged or MailKind.ReviewReminder;
}
