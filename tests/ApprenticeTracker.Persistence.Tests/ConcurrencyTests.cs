using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence.Tests;

[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]
public class ConcurrencyTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private World _world = null!;

    [SetUp]
    public void SetUp()
    {
        _database = new TestDatabase(provider);
        _world = new World();
    }

    [TearDown]
    public void TearDown() => _database?.Dispose();

    [Test]
    public void Saving_evidence_that_someone_else_changed_meanwhile_is_refused()
    {
        var draft = _world.Draft("Observed calibration", [_world.Duty(1)]);
        using (var db = _database.CreateDbContext())
        {
            db.AddRange([.. _world.All(), draft]);
            db.SaveChanges();
        }

        using var first = _database.CreateDbContext();
        using var second = _database.CreateDbContext();
        var mine = first.EvidenceItems.Include(e => e.Duties).Single();
        var theirs = second.EvidenceItems.Include(e => e.Duties).Single();
        mine.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now);
        first.SaveChanges();
        theirs.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now.AddMinutes(1));

        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());
    }

    [Test]
    public void Saving_an_enrolment_that_someone_else_changed_meanwhile_is_refused()
    {
        using (var db = _database.CreateDbContext())
        {
            db.AddRange(_world.All());
            db.SaveChanges();
        }

        using var first = _database.CreateDbContext();
        using var second = _database.CreateDbContext();
        var mine = first.Enrolments.Single();
        var theirs = second.Enrolments.Single();
        mine.StartBreakInLearning("Illness.", World.Admin, World.Now);
        first.SaveChanges();
        theirs.Withdraw("Left the employer.", World.Admin, World.Now);

        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());
    }
}
