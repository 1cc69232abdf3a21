using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Persistence.Standards;
using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Persistence.Tests.Seeding;

/// <summary>
/// The large demo data (<c>seed-demo --scale large</c>), written with plain SQL on SQLite and binary COPY on PostgreSQL,
/// seeded once for these tests on each database.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]
public class LargeDemoDataSeederTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private bool _seeded;

    [OneTimeSetUp]
    public async Task SeedOnce()
    {
        _database = new TestDatabase(provider);
        _services = _database.BuildServices(new FixedClock(World.Now));
        var imported = await _services.GetRequiredService<StandardImporter>().ImportFileAsync(Definitions.SampleFile, Actor.System, CancellationToken.None);
        Assert.That(imported.Succeeded, Is.True, imported.Error);
        using var scope = _services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        _seeded = await scope.ServiceProvider.GetRequiredService<LargeDemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        // Null when the PostgreSQL case was skipped in the set-up.
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _database?.Dispose();
    }

    [Test]
    public void It_adds_two_thousand_apprentices_with_fifty_items_each()
    {
        using var db = _database.CreateDbContext();
        var large = db.Enrolments.Where(e => db.Apprentices.Any(a => a.Id == e.ApprenticeId && a.Email.EndsWith("@" + LargeDemoDataSeeder.EmailDomain)));

        Assert.Multiple(() =>
        {
            Assert.That(_seeded, Is.True);
            Assert.That(large.Count(), Is.EqualTo(LargeDemoDataSeeder.DefaultApprentices));
            Assert.That(
                db.EvidenceItems.Count(i => large.Select(e => e.Id).Contains(i.EnrolmentId)),
                Is.EqualTo(LargeDemoDataSeeder.DefaultApprentices * LargeDemoDataSeeder.EvidencePerApprentice));
            Assert.That(db.EvidenceItems.Select(i => i.Status).Distinct().ToList(), Is.EquivalentTo(Enum.GetValues<EvidenceStatus>()));
        });
    }

    [Test]
    public async Task Seeding_again_changes_nothing()
    {
        var before = _database.CountAllRows();
        using var scope = _services.CreateScope();

        var seeded = await scope.ServiceProvider.GetRequiredService<LargeDemoDataSeeder>().SeedAsync(CancellationToken.None);

        Assert.That(seeded, Is.False);
        Assert.That(_database.CountAllRows(), Is.EqualTo(before));
    }

    [Test]
    public void The_duty_evidence_counts_the_seed_recounted_agree_with_the_evidence_written_in_plain_sql()
    {
        Assert.That(_database.CountRows("DutyEvidenceCounts"), Is.GreaterThan(LargeDemoDataSeeder.DefaultApprentices));
        DutyEvidenceCountTests.AssertCountsMatchTheEvidence(_database);
    }

    [Test]
    public void The_dashboard_figures_the_seed_recounted_agree_with_the_records_written_in_plain_sql()
    {
        Assert.That(_database.CountRows("DashboardCounts"), Is.Positive.And.LessThan(LargeDemoDataSeeder.DefaultApprentices));
        DashboardCountTests.AssertCountsMatchTheRecords(_database);
    }

    [Test]
    public void The_off_the_job_totals_the_seed_recounted_agree_with_the_entries()
    {
        Assert.That(_database.CountRows("OffTheJobTotals"), Is.Positive, "the small demo data's entries should be counted");
        OffTheJobTotalTests.AssertTotalsMatchTheEntries(_database);
    }

    [Test]
    public void The_seed_leaves_the_same_triggers_as_the_migrations_create_and_all_of_them_enabled()
    {
        using var fresh = new TestDatabase(provider);

        Assert.That(Triggers(_database), Is.EqualTo(Triggers(fresh)).And.Count.GreaterThan(10));
    }

    [Test]
    public void The_triggers_keep_the_counts_after_the_seed()
    {
        var large = $"(SELECT e.Id FROM Enrolments AS e INNER JOIN Apprentices AS a ON a.Id = e.ApprenticeId WHERE a.Email LIKE '%@{LargeDemoDataSeeder.EmailDomain}' ORDER BY e.Id LIMIT 3)";
        _database.Execute($"UPDATE EvidenceItems SET Status = 'Accepted' WHERE Status = 'Submitted' AND EnrolmentId IN {large};");
        var revoked = provider == DatabaseProvider.PostgreSql ? "'2025-11-25T09:00:00Z'" : "639000000000000000";
        _database.Execute($"UPDATE DutySignOffs SET RevokedAt = {revoked} WHERE EnrolmentId IN {large};");
        _database.Execute($"DELETE FROM AssessorAssignments WHERE EnrolmentId IN {large};");
        _database.Execute($"UPDATE Enrolments SET Status = 'Withdrawn' WHERE Id IN {large};");

        DutyEvidenceCountTests.AssertCountsMatchTheEvidence(_database);
        DashboardCountTests.AssertCountsMatchTheRecords(_database);
    }

    /// <summary>Each trigger's name and definition (on PostgreSQL, with whether it is enabled).</summary>
    private static List<(string Name, string Sql)> Triggers(TestDatabase database)
    {
        using var command = database.Connection.CreateCommand();
        command.CommandText = database.Provider == DatabaseProvider.PostgreSql
            ? "SELECT t.tgname, pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text FROM pg_trigger AS t WHERE NOT t.tgisinternal ORDER BY 1;"
            : "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name;";
        using var reader = command.ExecuteReader();
        var triggers = new List<(string, string)>();
        while (reader.Read())
        {
            triggers.Add((reader.GetString(0), reader.GetString(1)));
        }

        return triggers;
    }
}
