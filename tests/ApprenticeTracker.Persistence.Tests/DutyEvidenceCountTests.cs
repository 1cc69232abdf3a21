using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ApprenticeTracker.Persistence.Tests;

/// <summary>
/// The duty evidence counts the database keeps with triggers: after every kind of change to evidence they must equal
/// the counts grouped afresh from the evidence itself.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]
public class DutyEvidenceCountTests(DatabaseProvider provider)
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
    public void A_draft_is_not_counted_and_submitting_it_counts_it_against_each_of_its_duties()
    {
        var draft = _world.Draft("Blood gas analyser quality control", [_world.Duty(1), _world.Duty(4)]);
        Save(db => db.EvidenceItems.Add(draft));
        Assert.That(Counts(), Is.Empty);

        Change(draft.Id, item => item.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now));

        Assert.That(Counts(), Is.EquivalentTo(new[] { (1, 1, 0, 0), (4, 1, 0, 0) }));
        AssertCountsMatchTheEvidence();
    }

    [Test]
    public void Accepting_referring_back_and_resubmitting_move_the_item_between_the_counts()
    {
        var first = _world.Draft("Phlebotomy observation", [_world.Duty(2)]);
        var second = _world.Draft("Reflective account of a near miss", [_world.Duty(2), _world.Duty(3)]);
        first.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now.AddDays(-10));
        second.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now.AddDays(-10));
        Save(db => db.EvidenceItems.AddRange(first, second));

        Review(first.Id, (item, enrolment, assessor) => item.Accept(enrolment, assessor, null, World.Now.AddDays(-9)));
        Review(second.Id, (item, enrolment, assessor) => item.ReferBack(enrolment, assessor, "Say what you would do differently.", World.Now.AddDays(-9)));
        Assert.That(Counts(), Is.EquivalentTo(new[] { (2, 0, 1, 1), (3, 0, 0, 1) }));

        Change(second.Id, item => item.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now.AddDays(-8)));
        Assert.That(Counts(), Is.EquivalentTo(new[] { (2, 1, 1, 0), (3, 1, 0, 0) }));
        AssertCountsMatchTheEvidence();
    }

    [Test]
    public void Remapping_an_item_referred_back_moves_its_count_to_the_new_duties_and_drops_rows_left_empty()
    {
        var item = _world.Draft("Audit of sample labelling", [_world.Duty(5)]);
        item.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now.AddDays(-10));
        Save(db => db.EvidenceItems.Add(item));
        Review(item.Id, (i, enrolment, assessor) => i.ReferBack(enrolment, assessor, "Map this to the duty it shows.", World.Now.AddDays(-9)));

        Change(item.Id, i => i.Edit(
            _world.Enrolment, _world.Standard, new EvidenceContent(i.Title, i.Type, i.ActivityDate, i.Description),
            [_world.Duty(6).Id, _world.Duty(7).Id], [], World.Today, _world.ApprenticeActor, World.Now));

        Assert.That(Counts(), Is.EquivalentTo(new[] { (6, 0, 0, 1), (7, 0, 0, 1) }));
        AssertCountsMatchTheEvidence();
    }

    [Test]
    public void A_revision_of_accepted_evidence_counts_once_submitted_beside_the_accepted_original()
    {
        var accepted = _world.Accepted("Point-of-care testing competence", _world.Duty(8));
        Save(db => db.EvidenceItems.Add(accepted));
        EvidenceItem revision;
        using (var db = _database.CreateDbContext())
        {
            revision = db.EvidenceItems.Include(i => i.Duties).Include(i => i.Ksbs).Include(i => i.Attachments).Single(i => i.Id == accepted.Id)
                .Revise(_world.Enrolment, _world.ApprenticeActor, World.Now);
            db.EvidenceItems.Add(revision);
            db.SaveChanges();
        }

        Assert.That(Counts(), Is.EquivalentTo(new[] { (8, 0, 1, 0) }));
        Change(revision.Id, i => i.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now));

        Assert.That(Counts(), Is.EquivalentTo(new[] { (8, 1, 1, 0) }));
        AssertCountsMatchTheEvidence();
    }

    [Test]
    public void Deleting_a_draft_through_the_context_or_evidence_with_plain_sql_keeps_the_counts_right()
    {
        var submitted = _world.Draft("Calibration log", [_world.Duty(9), _world.Duty(10)]);
        submitted.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now);
        var kept = _world.Accepted("Health and safety induction", _world.Duty(10));
        var draft = _world.Draft("Half-written reflection", [_world.Duty(9)]);
        Save(db => db.EvidenceItems.AddRange(submitted, kept, draft));

        using (var db = _database.CreateDbContext())
        {
            var loaded = db.EvidenceItems.Include(i => i.Duties).Single(i => i.Id == draft.Id);
            loaded.Discard(_world.ApprenticeActor, World.Now);
            db.EvidenceItems.Remove(loaded);
            db.SaveChanges();
        }

        Assert.That(Counts(), Is.EquivalentTo(new[] { (9, 1, 0, 0), (10, 1, 1, 0) }));

        // The links go with the item by the foreign key's cascade; the counts must follow.
        Sql($"DELETE FROM EvidenceItems WHERE Id = '{submitted.Id.ToString().ToUpperInvariant()}'");

        Assert.That(Counts(), Is.EquivalentTo(new[] { (10, 0, 1, 0) }));
        AssertCountsMatchTheEvidence();
    }

    [Test]
    public void Links_added_and_removed_with_plain_sql_are_counted()
    {
        var item = _world.Draft("Case study", [_world.Duty(1)]);
        item.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now);
        Save(db => db.EvidenceItems.Add(item));
        var id = item.Id.ToString().ToUpperInvariant();

        Sql($"INSERT INTO EvidenceDuties (EvidenceItemId, DutyId) VALUES ('{id}', '{_world.Duty(2).Id.ToString().ToUpperInvariant()}')");
        Sql($"DELETE FROM EvidenceDuties WHERE EvidenceItemId = '{id}' AND DutyId = '{_world.Duty(1).Id.ToString().ToUpperInvariant()}'");

        Assert.That(Counts(), Is.EquivalentTo(new[] { (2, 1, 0, 0) }));
        AssertCountsMatchTheEvidence();
    }

    [Test]
    public void Writing_the_counts_through_the_context_is_refused()
    {
        var item = _world.Draft("Observed practice", [_world.Duty(1)]);
        item.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now);
        Save(db => db.EvidenceItems.Add(item));

        using (var db = _database.CreateDbContext())
        {
            var row = db.DutyEvidenceCounts.Single();
            db.Entry(row).Property(r => r.Submitted).CurrentValue = 5;
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        using (var db = _database.CreateDbContext())
        {
            db.DutyEvidenceCounts.Remove(db.DutyEvidenceCounts.Single());
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        Assert.That(Counts(), Is.EquivalentTo(new[] { (1, 1, 0, 0) }));
    }

    private void Save(Action<AppDbContext> change)
    {
        using var db = _database.CreateDbContext();
        change(db);
        db.SaveChanges();
    }

    private void Change(Guid itemId, Action<EvidenceItem> change)
    {
        using var db = _database.CreateDbContext();
        var item = db.EvidenceItems.Include(i => i.Duties).Include(i => i.Ksbs).Single(i => i.Id == itemId);
        change(item);
        db.SaveChanges();
    }

    private void Review(Guid itemId, Action<EvidenceItem, Domain.Enrolments.Enrolment, Domain.People.Assessor> review)
    {
        using var db = _database.CreateDbContext();
        var item = db.EvidenceItems.Include(i => i.Duties).Include(i => i.Reviews).Single(i => i.Id == itemId);
        var enrolment = db.Enrolments.Include(e => e.Assignments).Single(e => e.Id == item.EnrolmentId);
        var assessor = db.Assessors.Single(a => a.Id == _world.Assessor.Id);
        review(item, enrolment, assessor);
        db.SaveChanges();
    }

    private void Sql(string sql)
    {
        _database.Execute(sql);
    }

    /// <summary>The stored counts as (duty number, submitted, accepted, referred back).</summary>
    private List<(int Duty, int Submitted, int Accepted, int ReferredBack)> Counts() => Counts(_database);

    private static List<(int Duty, int Submitted, int Accepted, int ReferredBack)> Counts(TestDatabase database)
    {
        using var db = database.CreateDbContext();
        return db.DutyEvidenceCounts
            .Join(db.Duties, c => c.DutyId, d => d.Id, (c, d) => new { d.Number, c.Submitted, c.Accepted, c.ReferredBack })
            .AsEnumerable()
            .Select(x => (x.Number, x.Submitted, x.Accepted, x.ReferredBack))
            .ToList();
    }

    private void AssertCountsMatchTheEvidence() => AssertCountsMatchTheEvidence(_database);

    /// <summary>Compares every stored row with the counts grouped afresh from the evidence, both ways.</summary>
    internal static void AssertCountsMatchTheEvidence(TestDatabase database)
    {
        const string Fresh =
            "SELECT i.EnrolmentId, d.DutyId, SUM(i.Status = 'Submitted'), SUM(i.Status = 'Accepted'), SUM(i.Status = 'ReferredBack') " +
            "FROM EvidenceDuties AS d INNER JOIN EvidenceItems AS i ON i.Id = d.EvidenceItemId " +
            "WHERE i.Status <> 'Draft' GROUP BY i.EnrolmentId, d.DutyId";
        const string Stored = "SELECT EnrolmentId, DutyId, Submitted, Accepted, ReferredBack FROM DutyEvidenceCounts";
        using var command = database.Command(
            $"SELECT (SELECT COUNT(*) FROM ({Fresh} EXCEPT {Stored}) AS x), (SELECT COUNT(*) FROM ({Stored} EXCEPT {Fresh}) AS y), (SELECT COUNT(*) FROM ({Fresh}) AS z)");
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Multiple(() =>
        {
            Assert.That(reader.GetInt64(0), Is.Zero, "Counts grouped from the evidence that the stored counts lack or get wrong");
            Assert.That(reader.GetInt64(1), Is.Zero, "Stored counts that the evidence does not bear out");
        });
    }

    /// <summary>
    /// The migration run over records stored before it. SQLite only: PostgreSQL starts from one initial migration, so
    /// the older schemas these tests start from do not exist there.
    /// </summary>
    [TestFixture]
    public class BeforeTheMigration
    {
        [Test]
        public void Evidence_stored_before_the_migration_is_counted_when_it_runs()
        {
            using var database = new TestDatabase(DatabaseProvider.Sqlite);
            using (var db = database.CreateDbContext())
            {
                // Back to the schema before the counts, with the evidence already there.
                db.GetService<IMigrator>().Migrate("20261121101402_DashboardIndexes");
                LaterColumns.Add(db);
                var world = new World();
                db.AddRange(world.All());
                var submitted = world.Draft("Observed practice", [world.Duty(1), world.Duty(2)]);
                submitted.Submit(world.Enrolment, world.ApprenticeActor, World.Now);
                db.EvidenceItems.AddRange(submitted, world.Accepted("Witness statement", world.Duty(2)), world.Draft("Notes", [world.Duty(3)]));

                // Without their audit events: today's model stores them with hash columns this older schema does not have.
                foreach (var aggregate in db.ChangeTracker.Entries<Domain.Common.AggregateRoot>())
                {
                    aggregate.Entity.DequeueAuditEvents();
                }

                db.SaveChanges();
                LaterColumns.Drop(db);
            }

            using (var db = database.CreateDbContext())
            {
                db.Database.Migrate();
            }

            Assert.That(Counts(database), Is.EquivalentTo(new[] { (1, 1, 0, 0), (2, 1, 1, 0) }));
            AssertCountsMatchTheEvidence(database);
        }
    }
}
