using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Persistence.Tests;

[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]
public class RoundTripTests(DatabaseProvider provider)
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
    public void A_standard_comes_back_with_its_duties_ksbs_and_gateway_requirements()
    {
        Save(_world.Standard);

        using var db = _database.CreateDbContext();
        var standard = db.Standards
            .Include(s => s.Duties).ThenInclude(d => d.Ksbs)
            .Include(s => s.Ksbs)
            .Include(s => s.GatewayRequirements)
            .Single();

        Assert.Multiple(() =>
        {
            Assert.That(standard.ReferenceNumber, Is.EqualTo("ST0413"));
            Assert.That(standard.Version, Is.EqualTo("1.1"));
            Assert.That(standard.Level, Is.EqualTo(6));
            Assert.That(standard.LarsCode, Is.EqualTo(168));
            Assert.That(standard.MaxFunding, Is.EqualTo(27000m));
            Assert.That(standard.IntegratedDegree, Is.True);
            Assert.That(standard.ImportedAt, Is.EqualTo(_world.Standard.ImportedAt));
            Assert.That(standard.Duties.Select(d => d.Code), Is.EqualTo(Enumerable.Range(1, 10).Select(n => $"D{n}")));
            Assert.That(standard.Duties.Select(d => d.Statement), Is.EqualTo(Definitions.DutyStatements));
            Assert.That(standard.Ksbs.Select(k => k.Code), Is.EqualTo(new[] { "K1", "K2", "S1", "B1" }));
            Assert.That(standard.Ksbs.Select(k => k.Kind), Is.EqualTo(new[] { KsbKind.Knowledge, KsbKind.Knowledge, KsbKind.Skill, KsbKind.Behaviour }));
            Assert.That(standard.Duties[0].Ksbs.Select(m => m.KsbId), Is.EquivalentTo(new[] { _world.Ksb("K1").Id, _world.Ksb("S1").Id }));
            Assert.That(standard.GatewayRequirements.Select(g => g.Key), Is.EqualTo(GatewayRequirement.Defaults.Select(d => d.Key)));
        });
    }

    [Test]
    public void A_provider_with_its_employer_and_cohort_comes_back()
    {
        Save(_world.Provider, _world.Employer, _world.Cohort);

        using var db = _database.CreateDbContext();
        var provider = db.TrainingProviders.Single();
        var employer = db.Employers.Single();
        var cohort = db.Cohorts.Single();

        Assert.Multiple(() =>
        {
            Assert.That(provider.Name, Is.EqualTo("University of Northbridge"));
            Assert.That(provider.Ukprn, Is.EqualTo("10012345"));
            Assert.That(employer.TrainingProviderId, Is.EqualTo(provider.Id));
            Assert.That(employer.Name, Is.EqualTo("Northbridge Teaching Hospitals NHS Foundation Trust"));
            Assert.That(cohort.TrainingProviderId, Is.EqualTo(provider.Id));
            Assert.That(cohort.StartDate, Is.EqualTo(new DateOnly(2025, 9, 1)));
        });
    }

    [Test]
    public void An_apprentice_and_an_assessor_come_back_with_names_outside_latin_1()
    {
        Save(_world.Provider, _world.Apprentice, _world.Assessor);

        using var db = _database.CreateDbContext();
        var apprentice = db.Apprentices.Single();
        var assessor = db.Assessors.Single();

        Assert.Multiple(() =>
        {
            Assert.That(apprentice.FullName, Is.EqualTo("Łucja Wójcik"));
            Assert.That(apprentice.UserId, Is.EqualTo("apprentice-user"));
            Assert.That(apprentice.Email, Is.EqualTo("apprentice@example.org"));
            Assert.That(apprentice.TrainingProviderId, Is.EqualTo(_world.Provider.Id));
            Assert.That(assessor.FullName, Is.EqualTo("Grace Adeyemi"));
            Assert.That(assessor.JobTitle, Is.EqualTo("Practice educator"));
        });
    }

    [Test]
    public void An_enrolment_comes_back_with_assignments_sign_offs_revocations_and_gateway_confirmations()
    {
        var evidence = _world.Accepted("Observed calibration of the blood gas analyser", _world.Duty(2));
        var declaration = SignOffDeclaration.For(_world.Apprentice.FullName, _world.Standard, _world.Duty(2));
        var signOff = _world.Enrolment.SignOffDuty(_world.Standard, _world.Duty(2).Id, _world.Assessor, [evidence], declaration, World.Now.AddDays(-10));
        _world.Enrolment.RevokeSignOff(signOff.Id, "Signed against the wrong duty.", World.Admin, World.Now.AddDays(-5));
        _world.Enrolment.SignOffDuty(_world.Standard, _world.Duty(2).Id, _world.Assessor, [evidence], declaration, World.Now.AddDays(-4));
        _world.Enrolment.ConfirmGatewayRequirement(_world.Standard, "english-maths-l2", "GCSE certificates seen.", World.Admin, World.Now.AddDays(-3));
        Save([.. _world.All(), evidence]);

        using var db = _database.CreateDbContext();
        var enrolment = db.Enrolments
            .Include(e => e.Assignments)
            .Include(e => e.SignOffs).ThenInclude(s => s.Evidence)
            .Include(e => e.GatewayConfirmations)
            .Single();
        var revoked = enrolment.SignOffs.Single(s => !s.IsActive);
        var active = enrolment.SignOffs.Single(s => s.IsActive);
        var confirmation = enrolment.GatewayConfirmations.Single();

        Assert.Multiple(() =>
        {
            Assert.That(enrolment.Status, Is.EqualTo(EnrolmentStatus.Active));
            Assert.That(enrolment.StartDate, Is.EqualTo(new DateOnly(2025, 9, 1)));
            Assert.That(enrolment.PlannedEndDate, Is.EqualTo(new DateOnly(2028, 8, 31)));
            Assert.That(enrolment.CohortId, Is.EqualTo(_world.Cohort.Id));
            Assert.That(enrolment.ConcurrencyStamp, Is.EqualTo(_world.Enrolment.ConcurrencyStamp));
            Assert.That(enrolment.CurrentAssessorIds, Is.EqualTo(new[] { _world.Assessor.Id }));
            Assert.That(revoked.RevocationReason, Is.EqualTo("Signed against the wrong duty."));
            Assert.That(revoked.RevokedByName, Is.EqualTo("Helen Marsh"));
            Assert.That(revoked.RevokedAt, Is.EqualTo(World.Now.AddDays(-5)));
            Assert.That(revoked.Evidence.Select(e => e.EvidenceItemId), Is.EqualTo(new[] { evidence.Id }));
            Assert.That(active.Declaration, Is.EqualTo(declaration));
            Assert.That(active.AssessorName, Is.EqualTo("Grace Adeyemi"));
            Assert.That(active.DutyId, Is.EqualTo(_world.Duty(2).Id));
            Assert.That(confirmation.RequirementKey, Is.EqualTo("english-maths-l2"));
            Assert.That(confirmation.Note, Is.EqualTo("GCSE certificates seen."));
            Assert.That(confirmation.ConfirmedByName, Is.EqualTo("Helen Marsh"));
        });
    }

    [Test]
    public void Evidence_comes_back_with_duties_ksbs_attachments_and_its_review_history()
    {
        var item = _world.Draft("Reflective account: my first ECG clinic", [_world.Duty(1), _world.Duty(4)], [_world.Ksb("K1")]);
        item.Attach(
            _world.Enrolment,
            Attachment.Describe("ECG clinic – reflection.pdf", 2048, new string('a', 64), "application/pdf", "0f8fad5bd9cb469fa16570867728950e", World.Now.AddDays(-20)),
            5, _world.ApprenticeActor, World.Now.AddDays(-20));
        item.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now.AddDays(-19));
        item.ReferBack(_world.Enrolment, _world.Assessor, "Say what you would do differently next time.", World.Now.AddDays(-18));
        item.Submit(_world.Enrolment, _world.ApprenticeActor, World.Now.AddDays(-17));
        item.Accept(_world.Enrolment, _world.Assessor, null, World.Now.AddDays(-16));
        Save([.. _world.All(), item]);

        using var db = _database.CreateDbContext();
        var loaded = db.EvidenceItems
            .Include(e => e.Duties)
            .Include(e => e.Ksbs)
            .Include(e => e.Attachments)
            .Include(e => e.Reviews)
            .Single();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Title, Is.EqualTo("Reflective account: my first ECG clinic"));
            Assert.That(loaded.Type, Is.EqualTo(EvidenceType.Observation));
            Assert.That(loaded.ActivityDate, Is.EqualTo(World.Today.AddMonths(-1)));
            Assert.That(loaded.Status, Is.EqualTo(EvidenceStatus.Accepted));
            Assert.That(loaded.IsEditable, Is.False);
            Assert.That(loaded.SubmissionCount, Is.EqualTo(2));
            Assert.That(loaded.SubmittedAt, Is.EqualTo(World.Now.AddDays(-17)));
            Assert.That(loaded.Duties.Select(d => d.DutyId), Is.EquivalentTo(new[] { _world.Duty(1).Id, _world.Duty(4).Id }));
            Assert.That(loaded.Ksbs.Select(k => k.KsbId), Is.EqualTo(new[] { _world.Ksb("K1").Id }));
            Assert.That(loaded.Attachments.Single().FileName, Is.EqualTo("ECG clinic – reflection.pdf"));
            Assert.That(loaded.Attachments.Single().SizeBytes, Is.EqualTo(2048));
            Assert.That(loaded.Reviews.Select(r => r.Decision), Is.EqualTo(new[] { ReviewDecision.ReferredBack, ReviewDecision.Accepted }));
            Assert.That(loaded.Reviews[0].Feedback, Is.EqualTo("Say what you would do differently next time."));
        });
    }

    [Test]
    public void Instants_are_ordered_and_compared_in_sql()
    {
        var late = _world.Draft("Late", [_world.Duty(1)]);
        var early = EvidenceItem.Draft(
            _world.Enrolment, _world.Standard, new EvidenceContent("Early", EvidenceType.CaseStudy, World.Today.AddMonths(-2), null),
            [_world.Duty(1).Id], [], World.Today, _world.ApprenticeActor, new DateTimeOffset(2026, 10, 1, 23, 30, 0, TimeSpan.FromHours(-5)));
        Save([.. _world.All(), late, early]);

        using var db = _database.CreateDbContext();
        var ordered = db.EvidenceItems.OrderBy(e => e.CreatedAt).Select(e => e.Title).ToList();
        var afterOctober = db.EvidenceItems.Where(e => e.CreatedAt > new DateTimeOffset(2026, 10, 2, 4, 0, 0, TimeSpan.Zero)).OrderBy(e => e.Title).Select(e => e.Title).ToList();
        var byActivity = db.EvidenceItems.OrderByDescending(e => e.ActivityDate).Select(e => e.Title).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ordered, Is.EqualTo(new[] { "Early", "Late" }));
            Assert.That(afterOctober, Is.EqualTo(new[] { "Early", "Late" }), "23:30 at UTC-5 on 1 Oct is 04:30 UTC on 2 Oct.");
            Assert.That(byActivity, Is.EqualTo(new[] { "Late", "Early" }));
        });
    }

    private void Save(params object[] records)
    {
        using var db = _database.CreateDbContext();
        db.AddRange(records);
        db.SaveChanges();
    }
}
