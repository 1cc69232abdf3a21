using ApprenticeTracker.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Persistence.Tests.Support;

/// <summary>
/// An SQLite database in memory, built by the real migrations. It lives as long as its connection, which this holds
/// open until disposed.
/// </summary>
public sealed class TestDatabase : IDisposable, IDbContextFactory<AppDbContext>
{
    private readonly DbContextOptions<AppDbContext> _options;

    public TestDatabase()
        : this(migrate: true)
    {
    }

    private TestDatabase(bool migrate)
    {
        Connection = new SqliteConnection("DataSource=:memory:");
        Connection.Open();
        _options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(Connection).Options;
        if (migrate)
        {
            Migrate();
        }
    }

    public SqliteConnection Connection { get; }

    /// <summary>An empty database, for a test that builds an older schema itself before it calls <see cref="Migrate"/>.</summary>
    public static TestDatabase Empty() => new(migrate: false);

    /// <summary>Applies the migrations the database has not had yet, as start-up does.</summary>
    public void Migrate()
    {
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    /// <summary>Runs plain SQL, several statements at once if need be.</summary>
    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public AppDbContext CreateDbContext() => new(_options);

    /// <summary>Services as a host has them: this layer, Identity's stores and a fixed clock.</summary>
    public ServiceProvider BuildServices(TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddPersistenceServices((_, options) => options.UseSqlite(Connection));
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        return services.BuildServiceProvider();
    }

    /// <summary>The number of rows in a table, read with plain SQL.</summary>
    public long CountRows(string table)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The number of rows in every table, to show that nothing was written.</summary>
    public IReadOnlyDictionary<string, long> CountAllRows()
    {
        var tables = new List<string>();
        using (var command = Connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        return tables.ToDictionary(t => t, CountRows);
    }

    public void Dispose() => Connection.Dispose();
}
