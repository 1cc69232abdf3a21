using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ApprenticeTracker.Persistence;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as UTC ticks, because EF Core 10 on SQLite still cannot order or
/// compare DateTimeOffset in SQL (it refuses such a query). The offset is not kept: values come back in UTC, which is the same instant.
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

/// <summary>
/// Turns a <see cref="DateTimeOffset"/> to UTC on its way to PostgreSQL, whose <c>timestamptz</c> Npgsql writes only at
/// offset zero. The same instant comes back, in UTC.
/// </summary>
internal sealed class ToUtcConverter : ValueConverter<DateTimeOffset, DateTimeOffset>
{
    public ToUtcConverter()
        : base(d => d.ToUniversalTime(), d => d)
    {
    }
}
