namespace ApprenticeTracker.Domain.Tests.Builders;

/// <summary>
/// The fixed "now" of the tests. The domain never reads the clock, so every test passes these in; a fixed date keeps
/// rules such as "not in the future" and "minimum duration met" reproducible.
/// </summary>
internal static class Clock
{
    public static DateOnly Today { get; } = new(2026, 11, 21);

    public static DateTimeOffset Now { get; } = new(2026, 11, 21, 9, 15, 0, TimeSpan.Zero);

    /// <summary>A moment <paramref name="minutes"/> after <see cref="Now"/>, for ordering events.</summary>
    public static DateTimeOffset Later(int minutes) => Now.AddMinutes(minutes);
}
