using System.Globalization;
using Npgsql;

namespace ApprenticeTracker.Benchmarks;

/// <summary>
/// The PostgreSQL server the benchmarks may use, named as for the tests by <see cref="Variable"/>: a connection string
/// without a database, for an account that may create databases. Each run creates its own databases and drops them
/// afterwards. Without the variable the PostgreSQL half of a verb is skipped, and says why.
/// </summary>
internal static class BenchmarkPostgres
{
    public const string Variable = "APPRENTICETRACKER_TEST_POSTGRES";

    private static readonly string Prefix = $"at_benchmark_{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
    private static int _count;

    /// <summary>The server's connection string, or null with the reason to print.</summary>
    public static string? Server(out string reason)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        reason = string.IsNullOrWhiteSpace(server)
            ? $"PostgreSQL skipped: no server configured. Set {Variable} to a connection string without a database " +
              "(for example \"Host=/tmp/pgdev;Port=55432;Username=postgres\"); tests/ApprenticeTracker.Benchmarks/README.md says how to start one."
            : string.Empty;
        return string.IsNullOrWhiteSpace(server) ? null : server;
    }

    /// <summary>Creates an empty database on <paramref name="server"/> and returns its connection string.</summary>
    public static string CreateDatabase(string server)
    {
        var name = $"{Prefix}_{Interlocked.Increment(ref _count).ToString(CultureInfo.InvariantCulture)}";
        Execute(server, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made here, closing whatever connections still use it.</summary>
    public static void Drop(string server, string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        Execute(server, $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The database name is made here from the process id and a counter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
