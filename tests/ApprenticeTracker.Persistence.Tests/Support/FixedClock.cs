namespace ApprenticeTracker.Persistence.Tests.Support;

/// <summary>A clock that says what the test tells it.</summary>
public sealed class FixedClock : TimeProvider
{
    public FixedClock(DateTimeOffset now)
    {
        Now = now;
    }

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
