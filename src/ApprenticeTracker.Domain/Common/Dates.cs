using System.Globalization;

namespace ApprenticeTracker.Domain.Common;

/// <summary>The one way dates are written for people: "21 Nov 2026".</summary>
public static class Dates
{
    public const string DisplayFormat = "d MMM yyyy";

    public static string Display(DateOnly date) => date.ToString(DisplayFormat, CultureInfo.InvariantCulture);

    public static string Display(DateTimeOffset instant) => instant.ToString(DisplayFormat, CultureInfo.InvariantCulture);

    /// <summary>The calendar day an instant falls on in the United Kingdom (Europe/London), where the service runs.</summary>
    public static DateOnly UkDay(DateTimeOffset instant)
    {
        var london = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, london).DateTime);
    }
}
