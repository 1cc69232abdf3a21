namespace ApprenticeTracker.Persistence.WhatsNew;

/// <summary>
/// Up to when one person has seen what is new for them ("mark as seen" on the what's-new page). What happened after it
/// is new; no row means nothing has been marked seen yet.
/// </summary>
public sealed class SeenMark
{
    private SeenMark()
    {
        UserId = string.Empty;
    }

    public SeenMark(string userId, DateTimeOffset seenUpTo)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        UserId = userId;
        SeenUpTo = seenUpTo;
    }

    /// <summary>The sign-in account (<c>AspNetUsers.Id</c>).</summary>
    public string UserId { get; private set; }

    /// <summary>Everything that happened at or before this instant has been seen.</summary>
    public DateTimeOffset SeenUpTo { get; private set; }

    /// <summary>Moves the mark forward to <paramref name="seenUpTo"/>; never back, so an older page posted late unsees nothing.</summary>
    public void MoveTo(DateTimeOffset seenUpTo)
    {
        if (seenUpTo > SeenUpTo)
        {
            SeenUpTo = seenUpTo;
        }
    }
}
