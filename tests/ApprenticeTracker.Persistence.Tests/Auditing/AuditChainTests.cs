using ApprenticeTracker.Persistence.Auditing;
using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence.Tests.Auditing;

public sealed class AuditChainTests
{
    private TestDatabase _database = null!;
    private World _world = null!;

    [SetUp]
    public void SetUp()
    {
        _database = new TestDatabase();
        _world = new World();
        using var db = _database.CreateDbContext();
        db.AddRange(_world.All());
        db.SaveChanges();
        db.EvidenceItems.Add(_world.Draft("Observed calibration", [_world.Duty(1)]));
        db.SaveChanges();
    }

    [TearDown]
    public void TearDown() => _database?.Dispose();

    [Test]
    public void Each_new_event_names_the_hash_of_the_one_before_and_hashes_its_own_content()
    {
        var links = Links();

        Assert.That(links, Has.Count.GreaterThan(5));
        Assert.Multiple(() =>
        {
            Assert.That(links[0].PreviousHash, Is.EqualTo(AuditChain.Genesis));
            Assert.That(links.Select(l => l.Id), Is.EqualTo(Enumerable.Range(1, links.Count).Select(i => (long)i)));
            Assert.That(links.Skip(1).Select(l => l.PreviousHash), Is.EqualTo(links.SkipLast(1).Select(l => l.Hash)));
            Assert.That(links.Select(l => l.Hash), Is.All.Matches<string>(h => h.Length == AuditChain.HashLength && h.All(char.IsAsciiHexDigitLower)));
            Assert.That(links.Select(l => l.Hash), Is.Unique);
        });
    }

    [Test]
    public async Task An_untouched_log_is_reported_intact()
    {
        var report = await new AuditChainVerifier(_database).VerifyAsync(CancellationToken.None);

        Assert.That(report.FirstBreak, Is.Null);
        Assert.That(report.EventsChecked, Is.EqualTo(_database.CountRows("AuditEvents")));
        Assert.That(report.LastHash, Is.EqualTo(Links()[^1].Hash));
    }

    [Test]
    public async Task Events_saved_inside_a_transaction_continue_the_chain()
    {
        await using (var db = _database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var draft = await db.EvidenceItems.Include(e => e.Duties).SingleAsync();
            draft.Edit(_world.Enrolment, _world.Standard, new Domain.Evidence.EvidenceContent("Observed calibration, again", Domain.Evidence.EvidenceType.Observation, World.Today.AddMonths(-1), "More."), [_world.Duty(1).Id], [], World.Today, _world.ApprenticeActor, World.Now);
            await db.SaveChangesAsync();
            draft.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now.AddMinutes(1));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var report = await new AuditChainVerifier(_database).VerifyAsync(CancellationToken.None);

        Assert.That(report.FirstBreak, Is.Null);
        Assert.That(report.EventsChecked, Is.EqualTo(_database.CountRows("AuditEvents")));
    }

    [Test]
    public async Task A_row_changed_with_plain_sql_breaks_the_chain_at_that_row()
    {
        var target = Links()[3];
        _database.Execute($"DROP TRIGGER AuditEvents_refuse_update; UPDATE AuditEvents SET Details = 'Rewritten' WHERE Id = {target.Id}");

        var report = await new AuditChainVerifier(_database).VerifyAsync(CancellationToken.None);

        Assert.That(report.FirstBreak, Is.Not.Null);
        Assert.That(report.FirstBreak!.EventId, Is.EqualTo(target.Id));
        Assert.That(report.FirstBreak.Reason, Does.Contain("changed after it was recorded"));
        Assert.That(report.EventsChecked, Is.EqualTo(target.Id - 1));
    }

    [Test]
    public async Task A_row_changed_with_its_hash_recomputed_breaks_the_chain_at_the_next_row()
    {
        var links = Links();
        var target = links[3];
        _database.Execute($"""
            DROP TRIGGER AuditEvents_refuse_update;
            UPDATE AuditEvents SET Details = 'Rewritten' WHERE Id = {target.Id};
            UPDATE AuditEvents SET Hash = audit_event_hash(PreviousHash, Id, OccurredAt, ActorUserId, ActorName, Action, EntityType, EntityId, EnrolmentId, TrainingProviderId, Details) WHERE Id = {target.Id};
            """);

        var report = await new AuditChainVerifier(_database).VerifyAsync(CancellationToken.None);

        Assert.That(report.FirstBreak?.EventId, Is.EqualTo(links[4].Id));
        Assert.That(report.FirstBreak!.Reason, Does.Contain($"does not follow event {target.Id}"));
    }

    [Test]
    public async Task A_row_deleted_from_the_middle_breaks_the_chain_at_the_row_after_it()
    {
        var links = Links();
        _database.Execute($"DROP TRIGGER AuditEvents_refuse_delete; DELETE FROM AuditEvents WHERE Id = {links[2].Id}");

        var report = await new AuditChainVerifier(_database).VerifyAsync(CancellationToken.None);

        Assert.That(report.FirstBreak?.EventId, Is.EqualTo(links[3].Id));
        Assert.That(report.FirstBreak!.Reason, Does.Contain($"does not follow event {links[1].Id}"));
    }

    [Test]
    public async Task A_forged_row_inserted_at_the_end_breaks_the_chain_at_that_row()
    {
        var last = Links()[^1];
        var forgedId = last.Id + 1;
        _database.Execute($"""
            INSERT INTO AuditEvents (Id, OccurredAt, ActorUserId, ActorName, Action, EntityType, EntityId, EnrolmentId, TrainingProviderId, Details, PreviousHash, Hash)
            VALUES ({forgedId}, {World.Now.UtcTicks}, 'admin-user', 'Helen Marsh', 'evidence.accepted', 'EvidenceItem', '{Guid.NewGuid().ToString().ToUpperInvariant()}', NULL, NULL, 'Accepted', '{last.Hash}', '{new string('a', AuditChain.HashLength)}')
            """);

        var report = await new AuditChainVerifier(_database).VerifyAsync(CancellationToken.None);

        Assert.That(report.FirstBreak?.EventId, Is.EqualTo(forgedId));
        Assert.That(report.FirstBreak!.OccurredAt, Is.EqualTo(World.Now));
    }

    [Test]
    public async Task A_row_whose_entity_id_is_not_a_guid_is_named_as_the_break_instead_of_stopping_the_check()
    {
        var links = Links();
        var target = links[2];
        _database.Execute($"DROP TRIGGER AuditEvents_refuse_update; UPDATE AuditEvents SET EntityId = 'not-a-guid' WHERE Id = {target.Id}");

        var report = await new AuditChainVerifier(_database).VerifyAsync(CancellationToken.None);

        Assert.That(report.EventsChecked, Is.EqualTo(2));
        Assert.That(report.FirstBreak?.EventId, Is.EqualTo(target.Id));
        Assert.That(report.FirstBreak!.OccurredAt, Is.Null);
        Assert.That(report.FirstBreak.Describe(), Does.StartWith($"Event {target.Id} breaks the chain: a column holds a value the app never writes").And.EndWith("it was changed outside the app."));
    }

    [Test]
    public void Two_events_cannot_follow_the_same_event()
    {
        var last = Links()[^1];

        Assert.That(
            () => _database.Execute($"""
                INSERT INTO AuditEvents (OccurredAt, ActorUserId, ActorName, Action, EntityType, EntityId, PreviousHash, Hash)
                VALUES (0, 'x', 'x', 'x', 'x', '{Guid.NewGuid()}', '{Links()[^2].Hash}', '{last.Hash}')
                """),
            Throws.TypeOf<SqliteException>().With.Message.Contains("UNIQUE"));
    }

    [Test]
    public async Task Writers_saving_at_the_same_time_on_one_database_file_do_not_fork_the_chain()
    {
        var file = Path.Combine(Path.GetTempPath(), $"audit-chain-{Guid.NewGuid():N}.db");
        try
        {
            var options = (DbContextOptions<AppDbContext>)PersistenceExtensions.ConfigureSqlite(new DbContextOptionsBuilder<AppDbContext>(), $"Data Source={file};Pooling=False").Options;
            await using (var db = new AppDbContext(options))
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                db.AddRange(_world.All());
                await db.SaveChangesAsync();
            }

            const int Writers = 4;
            const int SavesEach = 10;
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < SavesEach; i++)
                {
                    await using var db = new AppDbContext(options);
                    db.EvidenceItems.Add(_world.Draft($"Writer {w}, item {i}", [_world.Duty(1)]));
                    await db.SaveChangesAsync();
                }
            })));

            var report = await new AuditChainVerifier(new OptionsFactory(options)).VerifyAsync(CancellationToken.None);
            await using var check = new AppDbContext(options);
            Assert.That(report.FirstBreak, Is.Null);
            Assert.That(await check.AuditEvents.CountAsync(e => e.Action == "evidence.drafted"), Is.EqualTo(Writers * SavesEach));
            Assert.That(report.EventsChecked, Is.EqualTo(await check.AuditEvents.CountAsync()));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    private List<(long Id, string PreviousHash, string Hash)> Links()
    {
        using var command = _database.Connection.CreateCommand();
        command.CommandText = "SELECT Id, PreviousHash, Hash FROM AuditEvents ORDER BY Id";
        using var reader = command.ExecuteReader();
        var links = new List<(long, string, string)>();
        while (reader.Read())
        {
            links.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return links;
    }

    private sealed class OptionsFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}
