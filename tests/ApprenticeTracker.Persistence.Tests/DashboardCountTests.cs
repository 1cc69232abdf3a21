using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ApprenticeTracker.Persistence.Tests;

/// <summary>
/// The cohort dashboard's figures the database keeps with triggers: after every kind of change to enrolments, their
/// assessors, evidence and sign-offs they must equal the figures grouped afresh from those records.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]
public class DashboardCountTests(DatabaseProvider provider)
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
    public void An_enrolment_is_counted_once_with_no_assessor_and_once_for_its_assessor()
    {
        Assert.That(Rows(), Is.EquivalentTo(new[]
        {
            (Guid.Empty, 0, 1, 0, 0, 0),
            (_world.Assessor.Id, 0, 1, 0, 0, 0),
        }));
        AssertCountsMatchTheRecords();
    }

    [Test]
    public void Evidence_submitted_accepted_and_referred_back_counts_the_enrolment_once_per_duty()
    {
        var first = _world.Draft("Phlebotomy observation", [_world.Duty(2)]);
        var second = _world.Draft("Reflective account of a near miss", [_world.Duty(2), _world.Duty(3)]);
        var draft = _world.Draft("Half-written reflection", [_world.Duty(4)]);
        first.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now.AddDays(-10));
        second.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now.AddDays(-10));
        Save(db => db.EvidenceItems.AddRange(first, second, draft));
        Assert.That(NoAssessorRows(), Is.EquivalentTo(new[] { (0, 1, 0, 0, 0), (2, 0, 1, 0, 0), (3, 0, 1, 0, 0) }));

        Review(first.Id, (item, enrolment, assessor) => item.Accept(enrolment, assessor, null, World.Now.AddDays(-9)));
        Review(second.Id, (item, enrolment, assessor) => item.ReferBack(enrolment, assessor, "Say what you would do differently.", World.Now.AddDays(-9)));

        Assert.That(NoAssessorRows(), Is.EquivalentTo(new[] { (0, 1, 0, 0, 0), (2, 0, 1, 1, 0), (3, 0, 1, 0, 0) }));
        AssertCountsMatchTheRecords();
    }

    [Test]
    public void A_sign_off_counts_until_it_is_revoked()
    {
        var accepted = _world.Accepted("Point-of-care testing competence", _world.Duty(8));
        Save(db => db.EvidenceItems.Add(accepted));
        Guid signOffId;
        using (var db = _database.CreateDbContext())
        {
            var enrolment = LoadEnrolment(db);
            var item = db.EvidenceItems.Include(i => i.Duties).Single(i => i.Id == accepted.Id);
            var duty = _world.Duty(8);
            signOffId = enrolment.SignOffDuty(
                db.Standards.Include(s => s.Duties).Single(s => s.Id == _world.Standard.Id), duty.Id, db.Assessors.Single(a => a.Id == _world.Assessor.Id),
                [item], SignOffDeclaration.For(_world.Apprentice.FullName, _world.Standard, duty), World.Now).Id;
            db.SaveChanges();
        }

        Assert.That(NoAssessorRows(), Is.EquivalentTo(new[] { (0, 1, 0, 0, 0), (8, 0, 1, 1, 1) }));

        ChangeEnrolment(e => e.RevokeSignOff(signOffId, "Signed off against the wrong duty.", World.Admin, World.Now));

        Assert.That(NoAssessorRows(), Is.EquivalentTo(new[] { (0, 1, 0, 0, 0), (8, 0, 1, 1, 0) }));
        AssertCountsMatchTheRecords();
    }

    [Test]
    public void Assigning_and_unassigning_an_assessor_moves_the_whole_enrolment_into_and_out_of_their_rows()
    {
        var second = Assessor.Register(_world.Provider, "second-assessor", "Tomasz", "Nowak", NameOrder.GivenFirst, "second@example.org", "Lecturer", World.Admin, World.Now);
        Save(db =>
        {
            db.Assessors.Add(second);
            db.EvidenceItems.Add(_world.Accepted("Witness testimony", _world.Duty(1)));
        });

        ChangeEnrolment((e, db) => e.AssignAssessor(db.Assessors.Single(a => a.Id == second.Id), World.Admin, World.Now));
        Assert.That(Rows().Where(r => r.Assessor == second.Id), Is.EquivalentTo(new[] { (second.Id, 0, 1, 0, 0, 0), (second.Id, 1, 0, 1, 1, 0) }));
        AssertCountsMatchTheRecords();

        ChangeEnrolment((e, db) => e.UnassignAssessor(db.Assessors.Single(a => a.Id == _world.Assessor.Id), World.Admin, World.Now));

        Assert.That(Rows().Where(r => r.Assessor == _world.Assessor.Id), Is.Empty);
        Assert.That(NoAssessorRows(), Is.EquivalentTo(new[] { (0, 1, 0, 0, 0), (1, 0, 1, 1, 0) }));
        AssertCountsMatchTheRecords();
    }

    [Test]
    public void A_change_of_status_moves_the_enrolment_and_its_figures_to_the_status_group()
    {
        Save(db => db.EvidenceItems.Add(_world.Accepted("Witness testimony", _world.Duty(1))));

        ChangeEnrolment(e => e.StartBreakInLearning("Maternity leave.", World.Admin, World.Now));

        using (var db = _database.CreateDbContext())
        {
            Assert.That(db.DashboardCounts.Select(c => c.Status).Distinct().ToList(), Is.EqualTo(new[] { EnrolmentStatus.BreakInLearning }));
        }

        AssertCountsMatchTheRecords();
    }

    [Test]
    public void Changes_made_with_plain_sql_to_cohort_employer_assignments_sign_offs_and_evidence_keep_the_figures_right()
    {
        var other = Employer.Create(_world.Provider, "Southbridge Pathology Partnership", World.Admin, World.Now);
        var cohort = Cohort.Create(_world.Provider, "January 2026", new DateOnly(2026, 1, 5), World.Admin, World.Now);
        var accepted = _world.Accepted("Witness testimony", _world.Duty(1), _world.Duty(2));
        var submitted = _world.Draft("Calibration log", [_world.Duty(2)]);
        submitted.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now);
        Save(db => db.AddRange(other, cohort, accepted, submitted));
        var enrolment = Id(_world.Enrolment.Id);

        Sql($"UPDATE Enrolments SET EmployerId = '{Id(other.Id)}', CohortId = NULL WHERE Id = '{enrolment}'");
        AssertCountsMatchTheRecords();
        Sql($"UPDATE Enrolments SET CohortId = '{Id(cohort.Id)}' WHERE Id = '{enrolment}'");
        AssertCountsMatchTheRecords();
        Sql($"INSERT INTO DutySignOffs (Id, EnrolmentId, DutyId, AssessorId, AssessorName, Declaration, SignedAt) VALUES " +
            $"('{Id(Guid.NewGuid())}', '{enrolment}', '{Id(_world.Duty(1).Id)}', '{Id(_world.Assessor.Id)}', 'Grace Adeyemi', 'I confirm.', {AnInstant})");
        AssertCountsMatchTheRecords();
        Sql($"UPDATE AssessorAssignments SET EndedAt = {AnInstant} WHERE EnrolmentId = '{enrolment}'");
        AssertCountsMatchTheRecords();
        Sql($"UPDATE AssessorAssignments SET EndedAt = NULL WHERE EnrolmentId = '{enrolment}'");
        AssertCountsMatchTheRecords();
        Sql($"DELETE FROM EvidenceItems WHERE Id = '{Id(submitted.Id)}'");
        AssertCountsMatchTheRecords();
        Sql($"DELETE FROM DutySignOffs WHERE EnrolmentId = '{enrolment}'");
        AssertCountsMatchTheRecords();
        Sql($"DELETE FROM AssessorAssignments WHERE EnrolmentId = '{enrolment}'");

        Assert.That(Rows().Where(r => r.Assessor != Guid.Empty), Is.Empty);
        AssertCountsMatchTheRecords();
    }

    [Test]
    public void Removing_an_enrolment_with_plain_sql_removes_its_figures()
    {
        var second = _world.Draft("Reflective account", [_world.Duty(3)]);
        second.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now);
        Save(db => db.EvidenceItems.AddRange(_world.Accepted("Witness testimony", _world.Duty(1)), second));
        var enrolment = Id(_world.Enrolment.Id);

        Sql($"DELETE FROM EvidenceItems WHERE EnrolmentId = '{enrolment}'");
        Sql($"DELETE FROM Enrolments WHERE Id = '{enrolment}'");

        Assert.That(Rows(), Is.Empty);
        AssertCountsMatchTheRecords();
    }

    [Test]
    public void Writing_the_figures_through_the_context_is_refused()
    {
        using var db = _database.CreateDbContext();
        var row = db.DashboardCounts.First();
        db.Entry(row).Property(r => r.Enrolments).CurrentValue = 5;

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    private void Save(Action<AppDbContext> change)
    {
        using var db = _database.CreateDbContext();
        change(db);
        db.SaveChanges();
    }

    private Enrolment LoadEnrolment(AppDbContext db) =>
        db.Enrolments.Include(e => e.Assignments).Include(e => e.SignOffs).ThenInclude(s => s.Evidence).Single(e => e.Id == _world.Enrolment.Id);

    private void ChangeEnrolment(Action<Enrolment> change) => ChangeEnrolment((e, _) => change(e));

    private void ChangeEnrolment(Action<Enrolment, AppDbContext> change)
    {
        using var db = _database.CreateDbContext();
        change(LoadEnrolment(db), db);
        db.SaveChanges();
    }

    private void Review(Guid itemId, Action<EvidenceItem, Enrolment, Assessor> review)
    {
        using var db = _database.CreateDbContext();
        var item = db.EvidenceItems.Include(i => i.Duties).Include(i => i.Reviews).Single(i => i.Id == itemId);
        review(item, LoadEnrolment(db), db.Assessors.Single(a => a.Id == _world.Assessor.Id));
        db.SaveChanges();
    }

    private void Sql(string sql)
    {
        _database.Execute(sql);
    }

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>Some instant, as each database stores one (UTC ticks on SQLite, timestamptz on PostgreSQL).</summary>
    private string AnInstant => provider == DatabaseProvider.Sqlite ? "1" : "'2026-01-05T09:00:00Z'";

    /// <summary>The rows of no assessor as (duty number or 0, enrolments, with evidence, with accepted, signed off).</summary>
    private List<(int Duty, int Enrolments, int WithEvidence, int WithAccepted, int SignedOff)> NoAssessorRows() =>
        Rows().Where(r => r.Assessor == Guid.Empty).Select(r => (r.Duty, r.Enrolments, r.WithEvidence, r.WithAccepted, r.SignedOff)).ToList();

    private List<(Guid Assessor, int Duty, int Enrolments, int WithEvidence, int WithAccepted, int SignedOff)> Rows() => Rows(_database);

    private static List<(Guid Assessor, int Duty, int Enrolments, int WithEvidence, int WithAccepted, int SignedOff)> Rows(TestDatabase database)
    {
        using var db = database.CreateDbContext();
        var numbers = db.Duties.ToDictionary(d => d.Id, d => d.Number);
        return db.DashboardCounts.AsEnumerable()
            .Select(c => (c.AssessorId, c.DutyId == Guid.Empty ? 0 : numbers[c.DutyId], c.Enrolments, c.WithEvidence, c.WithAccepted, c.SignedOff))
            .ToList();
    }

    private void AssertCountsMatchTheRecords() => AssertCountsMatchTheRecords(_database);

    /// <summary>
    /// Compares every stored row with the figures grouped afresh from the enrolments, current assignments, evidence (not
    /// the duty evidence counts) and active sign-offs, both ways.
    /// </summary>
    internal static void AssertCountsMatchTheRecords(TestDatabase database)
    {
        const string None = "'00000000-0000-0000-0000-000000000000'";
        const string Fresh =
            "SELECT g.TrainingProviderId, g.AssessorId, g.CohortId, g.EmployerId, g.Status, g.StandardId, c.DutyId, " +
            "SUM(c.Enrolments), SUM(c.WithEvidence), SUM(c.WithAccepted), SUM(c.SignedOff) FROM (" +
            $"SELECT e.Id AS EnrolmentId, e.TrainingProviderId, {None} AS AssessorId, COALESCE(e.CohortId, {None}) AS CohortId, e.EmployerId, e.Status, e.StandardId FROM Enrolments AS e " +
            $"UNION ALL SELECT e.Id, e.TrainingProviderId, a.AssessorId, COALESCE(e.CohortId, {None}), e.EmployerId, e.Status, e.StandardId " +
            "FROM Enrolments AS e INNER JOIN AssessorAssignments AS a ON a.EnrolmentId = e.Id WHERE a.EndedAt IS NULL) AS g INNER JOIN (" +
            $"SELECT Id AS EnrolmentId, {None} AS DutyId, 1 AS Enrolments, 0 AS WithEvidence, 0 AS WithAccepted, 0 AS SignedOff FROM Enrolments " +
            "UNION ALL SELECT i.EnrolmentId, d.DutyId, 0, 1, MAX(i.Status = 'Accepted'), 0 FROM EvidenceDuties AS d INNER JOIN EvidenceItems AS i ON i.Id = d.EvidenceItemId " +
            "WHERE i.Status <> 'Draft' GROUP BY i.EnrolmentId, d.DutyId " +
            "UNION ALL SELECT EnrolmentId, DutyId, 0, 0, 0, 1 FROM DutySignOffs WHERE RevokedAt IS NULL) AS c ON c.EnrolmentId = g.EnrolmentId " +
            "GROUP BY g.TrainingProviderId, g.AssessorId, g.CohortId, g.EmployerId, g.Status, g.StandardId, c.DutyId";
        const string Stored =
            "SELECT TrainingProviderId, AssessorId, CohortId, EmployerId, Status, StandardId, DutyId, Enrolments, WithEvidence, WithAccepted, SignedOff FROM DashboardCounts";
        using var command = database.Command($"SELECT (SELECT COUNT(*) FROM ({Fresh} EXCEPT {Stored}) AS x), (SELECT COUNT(*) FROM ({Stored} EXCEPT {Fresh}) AS y)");
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Multiple(() =>
        {
            Assert.That(reader.GetInt64(0), Is.Zero, "Figures grouped from the records that the stored figures lack or get wrong");
            Assert.That(reader.GetInt64(1), Is.Zero, "Stored figures that the records do not bear out");
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
        public void Enrolments_stored_before_the_migration_are_counted_when_it_runs()
        {
            using var database = new TestDatabase(DatabaseProvider.Sqlite);
            using (var db = database.CreateDbContext())
            {
                // Back to the schema before the dashboard's figures, with records already there.
                db.GetService<IMigrator>().Migrate("20261121105824_DutyEvidenceCounts");
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

            Assert.That(Rows(database).Where(r => r.Assessor == Guid.Empty).Select(r => (r.Duty, r.Enrolments, r.WithEvidence, r.WithAccepted, r.SignedOff)),
                Is.EquivalentTo(new[] { (0, 1, 0, 0, 0), (1, 0, 1, 0, 0), (2, 0, 1, 1, 0) }));
            AssertCountsMatchTheRecords(database);
        }
    }
}
