using System.Globalization;

namespace ApprenticeTracker.Domain.Common;

/// <summary>The one way dates are written for people: "21 Nov 2026".</summary>
public static class Dates
{
    public const string DisplayFormat = "d MMM yyyy";

    public static string Display(DateOnly date) => date.ToString(DisplayFormat, CultureInfo.InvariantCulture);

    public static string Display(DateTimeOffset instant) => instant.ToString(DisplayFormat, CultureInfo.InvariantCulture);

    /// <summary>"started 21 Nov 2026", or "starts 4 Jan 2027" while <paramref name="start"/> is after <paramref name="today"/>.</summary>
    public static string Started(DateOnly start, DateOnly today) =>
        (start > today ? "starts " : "started ") + Display(start);
}
