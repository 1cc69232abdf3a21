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
