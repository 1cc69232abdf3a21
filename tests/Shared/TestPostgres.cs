using System.Globalization;
using System.Text.RegularExpressions;
using ApprenticeTracker.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NUnit.Framework;

namespace ApprenticeTracker.Tests.Shared;

/// <summary>
/// The PostgreSQL server the tests use, named by <see cref="Variable"/> (a connection string without a database, for
/// an account that may create databases). Each test database is a copy of a template that this test process migrates
/// once, so a fresh database costs one <c>CREATE DATABASE … TEMPLATE</c>. Without the variable a PostgreSQL case is
/// skipped with the reason, except under CI (<c>APPRENTICETRACKER_REQUIRE_TOOLS=1</c>), where it fails.
/// </summary>
public static partial class TestPostgres
{
    public const string Variable = "APPRENTICETRACKER_TEST_POSTGRES";

    private const string RequireVariable = "APPRENTICETRACKER_REQUIRE_TOOLS";

    private static readonly Lock Gate = new();
    private static readonly string Prefix = $"at_test_{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}_{DateTime.UtcNow:HHmmss}";
    private static string? _template;
    private static int _count;

    /// <summary>The server's connection string; skips (or, under CI, fails) the test when none is set.</summary>
    public static string Server()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }

        var reason = $"No PostgreSQL server: set {Variable} to a connection string without a database " +
            "(for example \"Host=/tmp/pgdev;Port=55432;Username=postgres\"), as .ci/run does.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{reason} {RequireVariable}=1 requires it.");
        }

        Assert.Ignore(reason);
        return string.Empty;
    }

    /// <summary>Creates an empty database (no schema) and returns its connection string.</summary>
    public static string CreateEmptyDatabase() => Create(template: "template0");

    /// <summary>Creates a database with the current schema (every migration applied) and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var server = Server();
        lock (Gate)
        {
            if (_template is null)
            {
                var name = Prefix + "_template";
                Execute(server, $"CREATE DATABASE \"{name}\"");
                var connection = For(server, name);
                var options = PersistenceExtensions.ConfigurePostgreSql(new DbContextOptionsBuilder<AppDbContext>(), connection);
                using (var db = new AppDbContext((DbContextOptions<AppDbContext>)options.Options))
                {
                    db.Database.Migrate();
                }

                // A template must have no connections while it is copied.
                NpgsqlConnection.ClearAllPools();
                _template = name;
            }
        }

        return Create(_template);
    }

    /// <summary>Drops a database made here, closing whatever connections still use it.</summary>
    public static void Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        Execute(Server(), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>
    /// The SQL that tests write for SQLite, for PostgreSQL: names of tables and columns (PascalCase, outside quoted
    /// text) quoted, <c>IS NOT</c> between values spelt <c>IS DISTINCT FROM</c>, and comparisons summed as integers.
    /// </summary>
    public static string Translate(string sql)
    {
        var parts = sql.Split('\'');
        for (var i = 0; i < parts.Length; i += 2)
        {
            parts[i] = PascalCase().Replace(parts[i], "\"$0\"");
        }

        var quoted = string.Join('\'', parts);
        quoted = Aggregate().Replace(quoted, "$1(($2)::int)");
        return quoted.Replace(" IS NOT NEW.", " IS DISTINCT FROM NEW.", StringComparison.Ordinal);
    }

    private static string Create(string template)
    {
        var server = Server();
        var name = $"{Prefix}_{Interlocked.Increment(ref _count).ToString(CultureInfo.InvariantCulture)}";
        Execute(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return For(server, name);
    }

    private static string For(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"(?<![\w""$])[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?![\w""(])")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"\b(SUM|MAX|MIN)\(([^()]*?(?:=|<>|>|<)[^()]*?)\)")]
    private static partial Regex Aggregate();
}
