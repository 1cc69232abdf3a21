namespace ApprenticeTracker.Domain.Common;

/// <summary>
/// The one clock rule of the service: instants are kept in UTC, and a date ("today", the day something happened) is
/// the date in the United Kingdom, where the apprenticeships are (<see cref="TimeZoneId"/>). The domain still never
/// reads the clock: handlers call <see cref="Today(TimeProvider)"/> on the <see cref="TimeProvider"/> they are given
/// and pass the date in.
/// </summary>
public static class ServiceClock
{
    /// <summary>The service's time zone, as IANA names it.</summary>
    public const string TimeZoneId = "Europe/London";

    /// <summary>The service's time zone; UTC where the system has no time-zone data (London is UTC in winter).</summary>
    public static TimeZoneInfo TimeZone { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The date in the United Kingdom at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(LocalTime(instant).DateTime);

    /// <summary><paramref name="instant"/> as a clock in the United Kingdom shows it.</summary>
    public static DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>Today's date in the United Kingdom.</summary>
    public static DateOnly Today(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }
}
