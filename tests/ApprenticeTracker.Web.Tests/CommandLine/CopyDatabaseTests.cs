using System.Data.Common;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Tests.Shared;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using ApprenticeTracker.Web.Features.Assessor;

namespace ApprenticeTracker.Web.Tests.CommandLine;

/// <summary>The <c>copy-database</c> verb, from a seeded SQLite data folder into PostgreSQL databases of the test server.</summary>
public sealed class CopyDatabaseTests
{
    [Test]
    public async Task Copying_into_an_empty_postgresql_database_keeps_every_row_and_id_and_the_copy_serves_the_app()
    {
        using var sqlite = await SeededAppFixture.CreateSeededFactoryAsync();
        var target = TestPostgres.CreateEmptyDatabase();
        using var postgres = new AppFactory { Database = DatabaseProvider.PostgreSql, PostgresConnectionString = target };

        var run = await CommandLineRun.RunAsync(sqlite, "copy-database", "--to", target);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("every table's row count matches"));
        var verify = await CommandLineRun.RunAsync(postgres, "verify-audit");
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.Error + verify.Output);
        await using var from = await sqlite.OpenConnectionAsync();
        await using var to = await postgres.OpenConnectionAsync();
        var tables = await ReadAsync(from, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND substr(name, 1, 4) <> '__EF'");
        Assert.Multiple(async () =>
        {
            foreach (var table in tables)
            {
                Assert.That(await CountAsync(to, table), Is.EqualTo(await CountAsync(from, table)), table);
            }
        });
        Assert.That(
            (await ReadAsync(to, "SELECT \"Id\"::text FROM \"EvidenceItems\"")).Select(Guid.Parse),
            Is.EquivalentTo((await ReadAsync(from, "SELECT Id FROM EvidenceItems")).Select(Guid.Parse)).And.Not.Empty);
        Assert.That(
            await ReadAsync(to, "SELECT \"Id\"::text || ' ' || \"Hash\" FROM \"AuditEvents\""),
            Is.EquivalentTo(await ReadAsync(from, "SELECT CAST(Id AS TEXT) || ' ' || Hash FROM AuditEvents")));
        using var client = await postgres.SignInAsync(DemoDataSeeder.AssessorEmail, DemoDataSeeder.DemoPassword);
        Assert.That((await client.GetAsync(AssessorRoutes.Caseload)).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    [Test]
    public async Task Copying_into_a_database_that_has_rows_is_refused_and_changes_nothing()
    {
        using var sqlite = await SeededAppFixture.CreateSeededFactoryAsync();
        var target = TestPostgres.CreateEmptyDatabase();
        using var postgres = new AppFactory { Database = DatabaseProvider.PostgreSql, PostgresConnectionString = target };
        Assert.That((await CommandLineRun.RunAsync(sqlite, "copy-database", "--to", target)).ExitCode, Is.EqualTo(0));
        await using var to = await postgres.OpenConnectionAsync();
        var before = await CountAsync(to, "AuditEvents");

        var again = await CommandLineRun.RunAsync(sqlite, "copy-database", "--to", target);

        Assert.That(again.ExitCode, Is.EqualTo(1));
        Assert.That(again.Error, Does.Contain("The target database is not empty").And.Contain("Nothing was copied"));
        Assert.That(await CountAsync(to, "AuditEvents"), Is.EqualTo(before));
    }

    [Test]
    public async Task A_copy_that_waits_longer_than_the_connection_strings_command_timeout_still_completes()
    {
        using var sqlite = await SeededAppFixture.CreateSeededFactoryAsync();
        var target = TestPostgres.CreateEmptyDatabase();
        using var postgres = new AppFactory { Database = DatabaseProvider.PostgreSql, PostgresConnectionString = target };
        Assert.That((await CommandLineRun.RunAsync(postgres, "migrate")).ExitCode, Is.EqualTo(0));

        // Another session holds a table for three seconds, so the copy's first statement on it waits that long: more
        // than the one second the connection string allows a command.
        await using var holder = new Npgsql.NpgsqlConnection(target);
        await holder.OpenAsync();
        var held = await holder.BeginTransactionAsync();
        await using (var lockTable = new Npgsql.NpgsqlCommand("LOCK TABLE \"AuditEvents\" IN ACCESS EXCLUSIVE MODE", holder, held))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var released = Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ => held.RollbackAsync(), TaskScheduler.Default).Unwrap();
        var run = await CommandLineRun.RunAsync(sqlite, "copy-database", "--to", target + ";Command Timeout=1");
        await released;

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("every table's row count matches"));
    }

    private static async Task<long> CountAsync(DbConnection connection, string table) =>
        Convert.ToInt64((await ReadAsync(connection, $"SELECT COUNT(*) FROM \"{table}\""))[0], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<string>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
