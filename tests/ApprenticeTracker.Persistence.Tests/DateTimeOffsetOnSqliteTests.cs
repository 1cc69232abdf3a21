using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence.Tests;

/// <summary>
/// Why <see cref="UtcTicksConverter"/> stays (docs/decisions/0022): without it, EF Core on SQLite refuses to order by a
/// DateTimeOffset. The day this test fails, the converter can go (with a migration that rewrites the ticks).
/// </summary>
public sealed class DateTimeOffsetOnSqliteTests
{
    [Test]
    public void Without_the_converter_EF_Core_cannot_order_by_a_DateTimeOffset_on_SQLite()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        using var db = new Unconverted(new DbContextOptionsBuilder<Unconverted>().UseSqlite(connection).Options);
        db.Database.EnsureCreated();

        Assert.That(() => db.Moments.OrderBy(m => m.At).ToList(), Throws.TypeOf<NotSupportedException>().With.Message.Contains("DateTimeOffset"));
    }

    private sealed class Moment
    {
        public int Id { get; set; }

        public DateTimeOffset At { get; set; }
    }

    private sealed class Unconverted(DbContextOptions<Unconverted> options) : DbContext(options)
    {
        public DbSet<Moment> Moments => Set<Moment>();
    }
}
