namespace ApprenticeTracker.Persistence.Forms;

/// <summary>
/// A one-time form token that has been used: a form that creates a record carries a fresh token, and the record is
/// created only with the token's first use, so a double click or a resent POST cannot create a second record.
/// </summary>
public sealed class FormSubmission
{
    private FormSubmission()
    {
    }

    public FormSubmission(Guid token, Guid recordId, DateTimeOffset submittedAt)
    {
        Token = token;
        RecordId = recordId;
        SubmittedAt = submittedAt;
    }

    /// <summary>The token rendered in the form.</summary>
    public Guid Token { get; private set; }

    /// <summary>The record the first submission created.</summary>
    public Guid RecordId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
}
