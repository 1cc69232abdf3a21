using ApprenticeTracker.Persistence.Tests.Support;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence.Tests;

[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]
public class AuditTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private World _world = null!;

    [SetUp]
    public void SetUp()
    {
        _database = new TestDatabase(provider);
        _world = new World();
        using var db = _database.CreateDbContext();
        db.AddRange(_world.All());
        db.SaveChanges();
    }

    [TearDown]
    public void TearDown() => _database?.Dispose();

    [Test]
    public void Saving_stores_the_audit_events_of_every_aggregate_with_actor_action_and_record()
    {
        using var db = _database.CreateDbContext();

        var events = db.AuditEvents.OrderBy(e => e.Id).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Action), Is.SupersetOf(new[]
            {
                "standard.imported", "provider.created", "employer.created", "cohort.created",
                "apprentice.registered", "assessor.registered", "enrolment.created", "enrolment.assessor-assigned",
            }));
            var enrolled = events.Single(e => e.Action == "enrolment.created");
            Assert.That(enrolled.ActorUserId, Is.EqualTo("admin-user"));
            Assert.That(enrolled.ActorName, Is.EqualTo("Helen Marsh"));
            Assert.That(enrolled.EntityType, Is.EqualTo("Enrolment"));
            Assert.That(enrolled.EntityId, Is.EqualTo(_world.Enrolment.Id));
            Assert.That(enrolled.EnrolmentId, Is.EqualTo(_world.Enrolment.Id));
            Assert.That(enrolled.TrainingProviderId, Is.EqualTo(_world.Provider.Id));
            Assert.That(enrolled.OccurredAt, Is.EqualTo(World.Now.AddMonths(-14)));
        });
    }

    [Test]
    public void Changes_to_a_loaded_aggregate_are_audited_when_saved()
    {
        using (var db = _database.CreateDbContext())
        {
            var enrolment = db.Enrolments.Include(e => e.Assignments).Single();
            enrolment.StartBreakInLearning("Parental leave.", World.Admin, World.Now);
            db.SaveChanges();
        }

        using var check = _database.CreateDbContext();
        var last = check.AuditEvents.OrderByDescending(e => e.Id).First();

        Assert.Multiple(() =>
        {
            Assert.That(last.Action, Is.EqualTo("enrolment.status-changed"));
            Assert.That(last.Details, Is.EqualTo("Active → Break in learning: Parental leave."));
        });
    }

    [Test]
    public void Deleting_an_aggregate_stores_the_event_it_recorded_before_it_went()
    {
        using (var db = _database.CreateDbContext())
        {
            db.EvidenceItems.Add(_world.Draft("A draft to throw away", [_world.Duty(1)]));
            db.SaveChanges();
        }

        using (var db = _database.CreateDbContext())
        {
            var draft = db.EvidenceItems.Include(e => e.Duties).Single();
            draft.Discard(_world.ApprenticeActor, World.Now);
            db.EvidenceItems.Remove(draft);
            db.SaveChanges();
        }

        using var check = _database.CreateDbContext();
        Assert.That(check.EvidenceItems.Count(), Is.Zero);
        Assert.That(check.AuditEvents.OrderByDescending(e => e.Id).First().Action, Is.EqualTo("evidence.deleted"));
    }

    [Test]
    public void Changing_a_stored_audit_event_through_the_context_is_refused()
    {
        using var db = _database.CreateDbContext();
        var stored = db.AuditEvents.First();
        db.Entry(stored).Property(e => e.Details).CurrentValue = "rewritten";

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Test]
    public void Deleting_a_stored_audit_event_through_the_context_is_refused()
    {
        using var db = _database.CreateDbContext();
        db.AuditEvents.Remove(db.AuditEvents.First());

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Test]
    public void Updating_an_audit_row_in_sql_is_refused_by_the_database()
    {
        using var command = _database.Command("UPDATE AuditEvents SET Details = 'rewritten'");

        var refused = Assert.Throws(Is.InstanceOf<DbException>(), () => command.ExecuteNonQuery());

        Assert.That(refused!.Message, Does.Contain("append-only"));
    }

    [Test]
    public void Deleting_an_audit_row_in_sql_is_refused_by_the_database()
    {
        var before = _database.CountRows("AuditEvents");
        using var command = _database.Command("DELETE FROM AuditEvents");

        var refused = Assert.Throws(Is.InstanceOf<DbException>(), () => command.ExecuteNonQuery());

        Assert.That(refused!.Message, Does.Contain("append-only"));
        Assert.That(_database.CountRows("AuditEvents"), Is.EqualTo(before));
    }
}
