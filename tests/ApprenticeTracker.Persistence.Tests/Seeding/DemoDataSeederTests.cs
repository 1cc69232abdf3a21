using System.Diagnostics;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Persistence.Standards;
using ApprenticeTracker.Persistence.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Persistence.Tests.Seeding;

[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]
public class DemoDataSeederTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private bool _firstSeed;
    private TimeSpan _seedingTime;

    [OneTimeSetUp]
    public async Task SeedOnce()
    {
        _database = new TestDatabase(provider);
        _services = _database.BuildServices(new FixedClock(World.Now));
        var imported = await _services.GetRequiredService<StandardImporter>().ImportFileAsync(Definitions.SampleFile, Actor.System, CancellationToken.None);
        Assert.That(imported.Succeeded, Is.True, imported.Error);
        using var scope = _services.CreateScope();
        var watch = Stopwatch.StartNew();
        _firstSeed = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
        _seedingTime = watch.Elapsed;
        TestContext.Progress.WriteLine($"Seeding the demo data took {_seedingTime.TotalMilliseconds:0} ms.");
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
    public void Seeding_an_empty_database_reports_that_it_seeded()
    {
        Assert.That(_firstSeed, Is.True);
    }

    [Test]
    public void Seeding_creates_two_providers_two_employers_three_assessors_and_about_24_apprentices()
    {
        using var db = _database.CreateDbContext();

        Assert.Multiple(() =>
        {
            Assert.That(db.TrainingProviders.Select(p => p.Name), Is.EquivalentTo(new[] { "University of Northbridge", "Southgate Institute of Health Sciences" }));
            Assert.That(db.Employers.Count(), Is.EqualTo(2));
            Assert.That(db.Assessors.Count(), Is.EqualTo(3));
            Assert.That(db.Apprentices.Count(), Is.InRange(22, 26));
            Assert.That(db.Enrolments.Count(), Is.EqualTo(db.Apprentices.Count()));
            Assert.That(db.Enrolments.Select(e => e.TrainingProviderId).Distinct().Count(), Is.EqualTo(2), "Both providers have apprentices.");
        });
    }

    [Test]
    public void The_duty_evidence_counts_agree_with_the_seeded_evidence()
    {
        Assert.That(_database.CountRows("DutyEvidenceCounts"), Is.Positive);
        DutyEvidenceCountTests.AssertCountsMatchTheEvidence(_database);
    }

    [Test]
    public void The_dashboard_figures_agree_with_the_seeded_records()
    {
        Assert.That(_database.CountRows("DashboardCounts"), Is.Positive);
        DashboardCountTests.AssertCountsMatchTheRecords(_database);
    }

    [Test]
    public void Every_apprentice_has_about_fifteen_evidence_items()
    {
        using var db = _database.CreateDbContext();

        var counts = db.EvidenceItems.GroupBy(e => e.EnrolmentId).Select(g => g.Count()).ToList();

        Assert.That(counts, Has.Count.EqualTo(db.Enrolments.Count()));
        Assert.That(counts, Has.All.InRange(12, 18));
    }

    [Test]
    public void Evidence_is_in_every_state_including_resubmitted_and_referred_back_with_feedback()
    {
        using var db = _database.CreateDbContext();

        var statuses = db.EvidenceItems.Select(e => e.Status).Distinct().ToList();
        var resubmitted = db.EvidenceItems.Count(e => e.Status == EvidenceStatus.Submitted && e.SubmissionCount > 1);
        var referredBackWithoutFeedback = db.EvidenceItems
            .Where(e => e.Status == EvidenceStatus.ReferredBack)
            .Count(e => !db.EvidenceReviews.Any(r => r.EvidenceItemId == e.Id && r.Decision == ReviewDecision.ReferredBack && r.Feedback != null));

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EquivalentTo(Enum.GetValues<EvidenceStatus>()));
            Assert.That(resubmitted, Is.GreaterThan(0));
            Assert.That(referredBackWithoutFeedback, Is.Zero);
        });
    }

    [Test]
    public void Progress_varies_from_nothing_to_every_duty_signed_off()
    {
        using var db = _database.CreateDbContext();

        var signedOffPerEnrolment = db.Enrolments
            .Select(e => db.DutySignOffs.Count(s => s.EnrolmentId == e.Id && s.RevokedAt == null))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(signedOffPerEnrolment, Has.Some.EqualTo(0));
            Assert.That(signedOffPerEnrolment, Has.Some.InRange(1, 9));
            Assert.That(signedOffPerEnrolment, Has.Some.EqualTo(10));
            Assert.That(db.Enrolments.Count(e => e.Status == EnrolmentStatus.Gateway), Is.GreaterThan(0));
            Assert.That(db.GatewayConfirmations.Count(), Is.GreaterThan(0));
        });
    }

    [Test]
    public void Every_sign_off_rests_on_accepted_evidence_mapped_to_its_duty()
    {
        using var db = _database.CreateDbContext();

        var unsupported = db.DutySignOffs
            .Include(s => s.Evidence)
            .ToList()
            .SelectMany(s => s.Evidence.Select(e => (s.DutyId, e.EvidenceItemId)))
            .Count(link => !db.EvidenceItems.Any(e =>
                e.Id == link.EvidenceItemId && e.Status == EvidenceStatus.Accepted && e.Duties.Any(d => d.DutyId == link.DutyId)));

        Assert.That(unsupported, Is.Zero);
    }

    [Test]
    public void One_sign_off_is_revoked_with_a_reason()
    {
        using var db = _database.CreateDbContext();

        var revoked = db.DutySignOffs.Where(s => s.RevokedAt != null).ToList();

        Assert.That(revoked, Has.Count.EqualTo(1));
        Assert.That(revoked[0].RevocationReason, Is.Not.Empty);
    }

    [Test]
    public void Nothing_is_dated_in_the_future_or_before_the_enrolment_started()
    {
        using var db = _database.CreateDbContext();

        var items = db.EvidenceItems.Join(db.Enrolments, e => e.EnrolmentId, n => n.Id, (e, n) => new { e.ActivityDate, e.UpdatedAt, n.StartDate }).ToList();
        var latestAudit = db.AuditEvents.Max(a => a.OccurredAt);

        Assert.Multiple(() =>
        {
            Assert.That(items.Where(i => i.ActivityDate < i.StartDate || i.ActivityDate > World.Today), Is.Empty);
            Assert.That(items.Where(i => i.UpdatedAt > World.Now), Is.Empty);
            Assert.That(latestAudit, Is.LessThanOrEqualTo(World.Now));
        });
    }

    [Test]
    public void Names_outside_latin_1_come_back_as_written()
    {
        using var db = _database.CreateDbContext();

        var names = db.Apprentices.AsEnumerable().Select(a => a.FullName).ToList();

        Assert.That(names, Is.SupersetOf(new[] { "Łucja Wójcik", "Nguyễn Thị Hà", "Ayşe Yılmaz", "Siobhán Ó Súilleabháin" }));
    }

    [Test]
    public void Every_change_made_while_seeding_is_in_the_audit_log()
    {
        using var db = _database.CreateDbContext();

        var actions = db.AuditEvents.Select(a => a.Action).Distinct().ToList();

        Assert.That(actions, Is.SupersetOf(new[]
        {
            "provider.created", "apprentice.registered", "enrolment.created", "evidence.drafted", "evidence.submitted",
            "evidence.referred-back", "evidence.resubmitted", "evidence.accepted", "duty.signed-off", "duty.sign-off-revoked",
            "gateway.item-confirmed", "enrolment.status-changed",
        }));
    }

    [Test]
    public void The_audit_log_numbers_the_seeded_events_in_the_order_they_happened()
    {
        using var db = _database.CreateDbContext();

        // The standard is imported today, before the seeder writes a history that starts months ago.
        var times = db.AuditEvents.Where(a => a.Action != "standard.imported").OrderBy(a => a.Id).Select(a => a.OccurredAt).ToList();

        Assert.That(times, Is.Ordered);
    }

    [TestCase(DemoDataSeeder.ApprenticeEmail, Roles.Apprentice)]
    [TestCase(DemoDataSeeder.AssessorEmail, Roles.Assessor)]
    [TestCase(DemoDataSeeder.ProviderEmail, Roles.ProviderAdmin)]
    [TestCase(DemoDataSeeder.ProviderBAdminEmail, Roles.ProviderAdmin)]
    public async Task A_demo_account_signs_in_with_the_demo_password_and_has_its_role(string email, string role)
    {
        using var scope = _services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);

        Assert.That(user, Is.Not.Null);
        Assert.Multiple(async () =>
        {
            Assert.That(await users.CheckPasswordAsync(user!, DemoDataSeeder.DemoPassword), Is.True);
            Assert.That(await users.CheckPasswordAsync(user!, "not-the-password"), Is.False);
            Assert.That(await users.IsInRoleAsync(user!, role), Is.True);
        });
    }

    [Test]
    public async Task The_demo_apprentice_is_at_provider_A_with_some_progress()
    {
        using var scope = _services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(DemoDataSeeder.ApprenticeEmail);
        using var db = _database.CreateDbContext();

        var apprentice = db.Apprentices.Single(a => a.UserId == user!.Id);
        var provider = db.TrainingProviders.Single(p => p.Id == apprentice.TrainingProviderId);
        var enrolment = db.Enrolments.Single(e => e.ApprenticeId == apprentice.Id);
        var signedOff = db.DutySignOffs.Count(s => s.EnrolmentId == enrolment.Id && s.RevokedAt == null);

        Assert.Multiple(() =>
        {
            Assert.That(provider.Name, Is.EqualTo("University of Northbridge"));
            Assert.That(signedOff, Is.InRange(1, 9));
        });
    }

    [Test]
    public async Task Provider_administrators_carry_their_provider()
    {
        using var scope = _services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync(DemoDataSeeder.ProviderBAdminEmail);
        using var db = _database.CreateDbContext();
        var providerB = db.TrainingProviders.Single(p => p.Name == "Southgate Institute of Health Sciences");

        var claims = await users.GetClaimsAsync(admin!);

        Assert.That(claims.Single(c => c.Type == AppClaimTypes.TrainingProviderId).Value, Is.EqualTo(providerB.Id.ToString()));
    }

    [Test]
    public async Task Seeding_again_does_nothing_and_says_so()
    {
        var before = CountEverything();
        using var scope = _services.CreateScope();

        var seeded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);

        Assert.That(seeded, Is.False);
        Assert.That(CountEverything(), Is.EqualTo(before));
    }

    [Test]
    public async Task Seeding_before_the_standard_is_imported_is_refused_with_a_clear_message()
    {
        using var empty = new TestDatabase(provider);
        await using var services = empty.BuildServices(new FixedClock(World.Now));
        using var scope = services.CreateScope();

        var refused = Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None));

        Assert.That(refused!.Message, Does.Contain("ST0413 v1.1"));
        Assert.That(empty.CountRows("AspNetUsers"), Is.Zero);
    }

    private Dictionary<string, long> CountEverything() =>
        new[] { "AspNetUsers", "AspNetUserRoles", "TrainingProviders", "Apprentices", "Enrolments", "EvidenceItems", "DutySignOffs", "AuditEvents" }
            .ToDictionary(t => t, _database.CountRows);
}
