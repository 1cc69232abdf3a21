namespace ApprenticeTracker.Persistence.Email;

/// <summary>
/// One person's choice for one kind of mail. No row means <see cref="MailDelivery.Immediately"/>; account and
/// password mails (<see cref="MailKinds.IsChoosable"/>) have no choice.
/// </summary>
public sealed class EmailPreference
{
    private EmailPreference()
    {
        UserId = string.Empty;
    }

    public EmailPreference(string userId, MailKind kind, MailDelivery delivery)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!MailKinds.IsChoosable(kind))
        {
            throw new ArgumentException($"Mails of the kind {kind} cannot be turned off or gathered into a digest.", nameof(kind));
        }

        UserId = userId;
        Kind = kind;
        Delivery = delivery;
    }

    /// <summary>The sign-in account (<c>AspNetUsers.Id</c>).</summary>
    public string UserId { get; private set; }

    public MailKind Kind { get; private set; }

    public MailDelivery Delivery { get; set; }
}
