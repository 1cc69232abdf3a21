namespace ApprenticeTracker.Web.Features.Email;

/// <summary>How mail leaves the app (section <c>Email</c> of the configuration).</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>
    /// The SMTP server. Without one, each mail is written as an <c>.eml</c> file under <c>&lt;DataPath&gt;/mail</c>
    /// instead, for development.
    /// </summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity UseTls { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The account to authenticate as; none means the server takes mail without authentication.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, for example <c>ApprenticeTracker &lt;no-reply@example.org&gt;</c>.</summary>
    public string From { get; set; } = "ApprenticeTracker <no-reply@apprenticetracker.invalid>";

    /// <summary>Tries before a mail is given up and shown to provider administrators as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each further one (30 s, 1 min, 2 min…, at most a day).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a mail claimed by a sender is left to it before any sender may try it again: far longer than one SMTP
    /// exchange. A sender that dies holding a claim delays that mail by at most this long.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the sender looks for mail that is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The time of day, in the United Kingdom, at which reminders and daily digests are sent.</summary>
    public TimeOnly ReminderTime { get; set; } = new(7, 0);

    /// <summary>True when mail goes to an SMTP server rather than to files.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a server on the same machine or a development server.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, usually on port 587; refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte, usually on port 465.</summary>
    Implicit,
}
