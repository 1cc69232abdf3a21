using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ApprenticeTracker.Persistence;

/// <summary>Stores a <see cref="DateOnly"/> as ISO 8601 text (<c>2026-11-21</c>), which sorts and compares as the date does.</summary>
internal sealed class DateOnlyConverter : ValueConverter<DateOnly, string>
{
    public const string Format = "yyyy-MM-dd";

    public DateOnlyConverter()
        : base(
            d => d.ToString(Format, CultureInfo.InvariantCulture),
            s => DateOnly.ParseExact(s, Format, CultureInfo.InvariantCulture))
    {
    }
}

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as UTC ticks, because EF Core 6 on SQLite cannot order or compare
/// DateTimeOffset text in SQL. The offset is not kept: values come back in UTC, which is the same instant.
/// </summary>
internal sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
{
    public UtcTicksConverter()
        : base(
            d => d.UtcTicks,
            t => new DateTimeOffset(t, TimeSpan.Zero))
    {
    }
}
