using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence.Tests;

/// <summary>
/// The off-the-job totals the database keeps with triggers: after every kind of change to entries they must equal the
/// totals summed afresh from the entries themselves.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]
public class OffTheJobTotalTests(DatabaseProvider provider)
{
    private static readonly IReadOnlySet<Guid> NoEvidence = new HashSet<Guid>();

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
    public void Logging_approving_querying_amending_and_deleting_keep_the_totals_right()
    {
        var first = Log(60, World.Today.AddDays(-3));
        var second = Log(90, World.Today.AddDays(-2));
        var third = Log(30, World.Today.AddDays(-1));
        Assert.That(Totals(), Is.EqualTo((0, 180, 0)));

        Change(first, e => e.Approve(_world.Enrolment, World.Admin, World.Now));
        Change(second, e => e.Query(_world.Enrolment, "Which clinic was this?", World.Admin, World.Now));
        Assert.That(Totals(), Is.EqualTo((60, 30, 90)));

        Change(second, e => e.Amend(
            _world.Enrolment, _world.Standard, new OffTheJobContent(e.ActivityDate, 120, e.Kind, e.WhatWasLearnt), [], [], NoEvidence, 0, World.Today,
            _world.ApprenticeActor, World.Now));
        Assert.That(Totals(), Is.EqualTo((60, 150, 0)));

        using (var db = _database.CreateDbContext())
        {
            var entry = db.OffTheJobEntries.Include(e => e.Duties).Include(e => e.Evidence).Single(e => e.Id == third);
            entry.Delete(_world.Enrolment, _world.ApprenticeActor, World.Now);
            db.OffTheJobEntries.Remove(entry);
            db.SaveChanges();
        }

        Assert.That(Totals(), Is.EqualTo((60, 120, 0)));
        AssertTotalsMatchTheEntries(_database);
    }

    [Test]
    public void Entries_changed_or_removed_with_plain_sql_are_counted_and_an_empty_row_goes()
    {
        var entry = Log(60, World.Today.AddDays(-1));
        var id = entry.ToString().ToUpperInvariant();

        Sql($"UPDATE OffTheJobEntries SET Minutes = 75, Status = 'Approved' WHERE Id = '{id}'");
        Assert.That(Totals(), Is.EqualTo((75, 0, 0)));

        Sql($"DELETE FROM OffTheJobEntries WHERE Id = '{id}'");

        using var db = _database.CreateDbContext();
        Assert.That(db.OffTheJobTotals.Count(), Is.Zero);
        AssertTotalsMatchTheEntries(_database);
    }

    [Test]
    public void Writing_the_totals_through_the_context_is_refused()
    {
        Log(60, World.Today);

        using var db = _database.CreateDbContext();
        db.Entry(db.OffTheJobTotals.Single()).Property(t => t.ApprovedMinutes).CurrentValue = 6000;

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    /// <summary>Compares every stored row with the totals summed afresh from the entries, both ways.</summary>
    internal static void AssertTotalsMatchTheEntries(TestDatabase database)
    {
        const string Fresh =
            "SELECT EnrolmentId, SUM(CASE WHEN Status = 'Approved' THEN Minutes ELSE 0 END), SUM(CASE WHEN Status = 'Waiting' THEN Minutes ELSE 0 END), " +
            "SUM(CASE WHEN Status = 'Queried' THEN Minutes ELSE 0 END) FROM OffTheJobEntries GROUP BY EnrolmentId";
        const string Stored = "SELECT EnrolmentId, ApprovedMinutes, WaitingMinutes, QueriedMinutes FROM OffTheJobTotals";
        using var command = database.Command($"SELECT (SELECT COUNT(*) FROM ({Fresh} EXCEPT {Stored}) AS x), (SELECT COUNT(*) FROM ({Stored} EXCEPT {Fresh}) AS y)");
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Multiple(() =>
        {
            Assert.That(reader.GetInt64(0), Is.Zero, "Totals summed from the entries that the stored totals lack or get wrong");
            Assert.That(reader.GetInt64(1), Is.Zero, "Stored totals that the entries do not bear out");
        });
    }

    private Guid Log(int minutes, DateOnly on)
    {
        var entry = OffTheJobEntry.Log(
            _world.Enrolment, _world.Standard, new OffTheJobContent(on, minutes, OffTheJobActivityKind.Shadowing, "Echo clinic triage."),
            [_world.Duty(1).Id], [], NoEvidence, 0, World.Today, _world.ApprenticeActor, World.Now);
        using var db = _database.CreateDbContext();
        db.OffTheJobEntries.Add(entry);
        db.SaveChanges();
        return entry.Id;
    }

    private void Change(Guid id, Action<OffTheJobEntry> change)
    {
        using var db = _database.CreateDbContext();
        var entry = db.OffTheJobEntries.Include(e => e.Duties).Include(e => e.Evidence).Single(e => e.Id == id);
        change(entry);
        db.SaveChanges();
    }

    private (int Approved, int Waiting, int Queried) Totals()
    {
        using var db = _database.CreateDbContext();
        var row = db.OffTheJobTotals.Single(t => t.EnrolmentId == _world.Enrolment.Id);
        return (row.ApprovedMinutes, row.WaitingMinutes, row.QueriedMinutes);
    }

    private void Sql(string sql) => _database.Execute(sql);
}
