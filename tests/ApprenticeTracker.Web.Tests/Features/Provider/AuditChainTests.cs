using System.Globalization;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Web.Tests.Infrastructure;
using ApprenticeTracker.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Tests.Features.Provider;

/// <summary>
/// The audit trail's hash chain as the <c>verify-audit</c> verb and the provider's audit page report it, on a host of
/// its own per test, since each test tampers with the database.
/// </summary>
public sealed class AuditChainTests
{
    private AppFactory _factory = null!;

    [SetUp]
    public async Task StartSeededHost() => _factory = await SeededAppFixture.CreateSeededFactoryAsync();

    [TearDown]
    public void StopHost() => _factory?.Dispose();

    [Test]
    public async Task An_untouched_audit_trail_is_reported_intact_by_the_verb_and_the_page()
    {
        var run = await CommandLineRun.RunAsync(_factory, "verify-audit");
        using var client = await _factory.SignInAsync(DemoDataSeeder.ProviderEmail, DemoDataSeeder.DemoPassword);
        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Audit));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.StartWith($"The audit trail is intact: {Scalar("SELECT COUNT(*) FROM AuditEvents"):N0} events"));
        Assert.That(page.QuerySelector("#audit-chain")?.TextContent, Does.StartWith("The audit trail is intact"));
    }

    [Test]
    public async Task A_row_edited_in_sql_without_the_trigger_is_reported_at_that_row_by_the_verb_and_the_page()
    {
        var id = Scalar("SELECT Id FROM AuditEvents ORDER BY Id LIMIT 1 OFFSET 10");
        var at = new DateTimeOffset(Scalar($"SELECT OccurredAt FROM AuditEvents WHERE Id = {id}"), TimeSpan.Zero);
        Execute($"DROP TRIGGER AuditEvents_refuse_update; UPDATE AuditEvents SET ActorName = 'Someone else' WHERE Id = {id};");
        var expected = $"Event {id}, recorded {Dates.Display(at)} {at.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC, breaks the chain";

        var run = await CommandLineRun.RunAsync(_factory, "verify-audit");
        using var client = await _factory.SignInAsync(DemoDataSeeder.ProviderEmail, DemoDataSeeder.DemoPassword);
        var page = await AppFactory.ParseAsync(await client.GetAsync(ProviderRoutes.Audit));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain(expected).And.Contain("changed after it was recorded"));
        Assert.That(page.QuerySelector("#audit-chain[role=alert]")?.TextContent, Does.Contain(expected));
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_factory.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_factory.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
