using System.Data.Common;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ApprenticeTracker.Persistence.Tests.Support;

/// <summary>
/// A database built by the real migrations: SQLite in memory (it lives as long as its connection, which this holds
/// open until disposed), or a fresh PostgreSQL database on the server <see cref="TestPostgres"/> names, dropped when
/// disposed.
/// </summary>
public sealed class TestDatabase : IDisposable, IDbContextFactory<AppDbContext>
{
    private readonly DbContextOptions<AppDbContext> _options;
    private readonly string? _postgres;

    public TestDatabase()
        : this(DatabaseProvider.Sqlite, migrate: true)
    {
    }

    public TestDatabase(DatabaseProvider provider)
        : this(provider, migrate: true)
    {
    }

    private TestDatabase(DatabaseProvider provider, bool migrate)
    {
        Provider = provider;
        if (provider == DatabaseProvider.PostgreSql)
        {
            _postgres = migrate ? TestPostgres.CreateDatabase() : TestPostgres.CreateEmptyDatabase();
            Connection = new NpgsqlConnection(_postgres);
            Connection.Open();
            _options = (DbContextOptions<AppDbContext>)PersistenceExtensions.ConfigurePostgreSql(new DbContextOptionsBuilder<AppDbContext>(), _postgres).Options;
            return;
        }

        Connection = new SqliteConnection("DataSource=:memory:");
        Connection.Open();
        _options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(Connection).Options;
        if (migrate)
        {
            Migrate();
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>An open connection to the database, for plain SQL (on SQLite, the one the contexts share).</summary>
    public DbConnection Connection { get; }

    /// <summary>An empty SQLite database, for a test that builds an older schema itself before it calls <see cref="Migrate"/>.</summary>
    public static TestDatabase Empty() => new(DatabaseProvider.Sqlite, migrate: false);

    /// <summary>Applies the migrations the database has not had yet, as start-up does.</summary>
    public void Migrate()
    {
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    /// <summary>Runs plain SQL written for SQLite (turned into PostgreSQL's on PostgreSQL), several statements at once if need be.</summary>
    public void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    /// <summary>A command of plain SQL written for SQLite, turned into PostgreSQL's on PostgreSQL.</summary>
    public DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = Provider == DatabaseProvider.PostgreSql ? TestPostgres.Translate(sql) : sql;
        return command;
    }

    public AppDbContext CreateDbContext() => new(_options);

    /// <summary>Services as a host has them: this layer, Identity's stores and a fixed clock.</summary>
    public ServiceProvider BuildServices(TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            services.AddPersistenceServices((_, options) => PersistenceExtensions.ConfigurePostgreSql(options, _postgres!));
        }
        else
        {
            services.AddPersistenceServices((_, options) => options.UseSqlite(Connection));
        }

        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
        return services.BuildServiceProvider();
    }

    /// <summary>The number of rows in a table, read with plain SQL.</summary>
    public long CountRows(string table)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The number of rows in every table, to show that nothing was written.</summary>
    public IReadOnlyDictionary<string, long> CountAllRows()
    {
        var tables = new List<string>();
        using (var command = Connection.CreateCommand())
        {
            command.CommandText = Provider == DatabaseProvider.PostgreSql
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        return tables.ToDictionary(t => t, CountRows);
    }

    public void Dispose()
    {
        Connection.Dispose();
        if (_postgres is not null)
        {
            TestPostgres.Drop(_postgres);
        }
    }
}
