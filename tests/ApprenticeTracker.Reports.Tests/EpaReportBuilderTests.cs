using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Persistence.Seeding;
using ApprenticeTracker.Reports.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Reports.Tests;

public class EpaReportBuilderTests
{
    private DemoWorld _world = null!;

    [OneTimeSetUp]
    public async Task Seed() => _world = await DemoWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDown() => await _world.DisposeAsync();

    [Test]
    public async Task The_report_names_the_apprentice_employer_provider_standard_and_assessor()
    {
        var report = await BuildAsync(_world.EnrolmentOf(DemoDataSeeder.ApprenticeEmail));

        Assert.Multiple(() =>
        {
            Assert.That(report.ApprenticeName, Is.EqualTo("Łucja Wójcik"));
            Assert.That(report.Uln, Is.EqualTo(DemoDataSeeder.UlnFor(0).Value));
            Assert.That(report.EmployerName, Is.EqualTo("Northbridge Teaching Hospitals NHS Foundation Trust"));
            Assert.That(report.TrainingProviderName, Is.EqualTo("University of Northbridge"));
            Assert.That(report.Standard.DisplayReference, Is.EqualTo("ST0413 v1.1"));
            Assert.That(report.Standard.Level, Is.EqualTo(6));
            Assert.That(report.Assessors, Is.EqualTo(new[] { "Grace Adeyemi" }));
            Assert.That(report.ReportDate, Is.EqualTo(DemoWorld.Now));
        });
    }

    [Test]
    public async Task Every_duty_has_a_section_with_its_sign_off_or_none()
    {
        var report = await BuildAsync(_world.EnrolmentOf(DemoDataSeeder.ApprenticeEmail));

        Assert.That(report.Duties.Select(d => d.Code), Is.EqualTo(Enumerable.Range(1, 10).Select(n => $"D{n}")));
        Assert.That(report.Duties.Count(d => d.IsSignedOff), Is.EqualTo(6));
        Assert.That(report.Progress.DutiesSignedOff, Is.EqualTo(6));
        var signedOff = report.Duties.First(d => d.IsSignedOff).SignOff!;
        Assert.Multiple(() =>
        {
            Assert.That(signedOff.AssessorName, Is.EqualTo("Grace Adeyemi"));
            Assert.That(signedOff.Declaration, Does.StartWith("I confirm that Łucja Wójcik has demonstrated competence"));
            Assert.That(signedOff.RestsOn, Is.Not.Empty);
        });
    }

    [Test]
    public async Task A_sign_off_rests_only_on_accepted_evidence_listed_under_its_duty()
    {
        var report = await BuildAsync(_world.EnrolmentOf(DemoDataSeeder.ApprenticeEmail));

        foreach (var duty in report.Duties.Where(d => d.IsSignedOff))
        {
            var accepted = duty.Evidence.Where(e => e.Status == EvidenceStatus.Accepted).Select(e => e.EvidenceItemId);
            Assert.That(duty.SignOff!.RestsOn.Select(e => e.EvidenceItemId), Is.SubsetOf(accepted), duty.Code);
        }
    }

    [Test]
    public async Task A_revoked_sign_off_is_reported_with_who_revoked_it_and_why()
    {
        var report = await BuildAsync(_world.EnrolmentOfName("Ayşe", "Yılmaz"));

        var revoked = report.Duties.SelectMany(d => d.Revoked).ToList();
        Assert.That(revoked, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(revoked[0].RevocationReason, Does.StartWith("The evidence shows the task observed"));
            Assert.That(revoked[0].RevokedByName, Is.Not.Empty);
            Assert.That(report.Duties.Single(d => d.Revoked.Count == 1).IsSignedOff, Is.False);
            Assert.That(report.Progress.DutiesSignedOff, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task The_appendix_holds_every_accepted_item_and_nothing_else()
    {
        var enrolmentId = _world.EnrolmentOf(DemoDataSeeder.ApprenticeEmail);
        await using var db = _world.CreateDbContext();
        var accepted = await db.EvidenceItems
            .Where(e => e.EnrolmentId == enrolmentId && e.Status == EvidenceStatus.Accepted).Select(e => e.Id).ToListAsync();

        var report = await BuildAsync(enrolmentId);

        Assert.That(report.Appendix.Select(a => a.EvidenceItemId), Is.EquivalentTo(accepted));
        Assert.That(report.Appendix.SelectMany(a => a.Reviews).Select(r => r.Decision), Has.Some.EqualTo(ReviewDecision.Accepted));
    }

    [Test]
    public async Task Drafts_appear_nowhere_in_the_report()
    {
        var enrolmentId = _world.EnrolmentOf(DemoDataSeeder.ApprenticeEmail);
        await using var db = _world.CreateDbContext();
        var drafts = await db.EvidenceItems
            .Where(e => e.EnrolmentId == enrolmentId && e.Status == EvidenceStatus.Draft).Select(e => e.Id).ToListAsync();

        var report = await BuildAsync(enrolmentId);

        Assert.That(drafts, Is.Not.Empty, "The demo apprentice has drafts, or this test proves nothing.");
        Assert.That(report.Duties.SelectMany(d => d.Evidence).Select(e => e.EvidenceItemId), Has.None.AnyOf(drafts.Cast<object>().ToArray()));
        Assert.That(report.Progress.Duties.Sum(d => d.Draft), Is.Zero);
    }

    [Test]
    public async Task The_gateway_checklist_comes_from_the_domain_with_the_report_date_as_today()
    {
        var report = await BuildAsync(_world.EnrolmentOfName("Siobhán", "Ó Súilleabháin"));

        Assert.That(report.Gateway.IsReady, Is.True);
        Assert.That(report.Gateway.Checks[0].Detail, Is.EqualTo("10 of 10 duties signed off"));
    }

    [Test]
    public async Task The_gateway_checklist_ends_with_the_employers_agreement_and_the_report_carries_its_declaration()
    {
        var report = await BuildAsync(_world.EnrolmentOfName("Siobhán", "Ó Súilleabháin"));

        Assert.That(report.Gateway.Checks[^1].Key, Is.EqualTo(GatewayReadiness.EmployerAgreementKey));
        Assert.That(report.Gateway.Checks[^1].Detail, Does.StartWith("Agreed by Zoë Hartley, Workplace mentor on "));
        Assert.That(report.EmployerAgreement?.Declaration, Does.Contain("Siobhán Ó Súilleabháin").And.Contain("ready for end-point assessment"));
    }

    [Test]
    public async Task The_off_the_job_section_gives_planned_and_approved_hours_by_kind_and_by_duty_from_the_log()
    {
        var enrolmentId = _world.EnrolmentOf(DemoDataSeeder.ApprenticeEmail);
        var report = await BuildAsync(enrolmentId);
        await using var db = _world.CreateDbContext();
        var approved = await db.OffTheJobEntries.Where(x => x.EnrolmentId == enrolmentId && x.Status == OffTheJobEntryStatus.Approved).SumAsync(x => x.Minutes);
        var approvedOfDuty1 = await (
            from x in db.OffTheJobEntries
            join d in db.OffTheJobEntryDuties on x.Id equals d.EntryId
            join duty in db.Duties on d.DutyId equals duty.Id
            where x.EnrolmentId == enrolmentId && x.Status == OffTheJobEntryStatus.Approved && duty.Number == 1
            select x.Minutes).SumAsync();
        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == enrolmentId);
        var planned = OffTheJobRules.PlannedMinutesBeforePriorLearning(
            enrolment.StartDate, enrolment.PlannedEndDate, enrolment.ContractedHoursPerWeek, DemoDataSeeder.DemoOffTheJobMinimumHours) - enrolment.PriorLearningMinutes;

        var otj = report.OffTheJob;
        Assert.That(approved, Is.GreaterThan(0), "The demo apprentice has approved off-the-job hours, or this test proves nothing.");
        Assert.Multiple(() =>
        {
            Assert.That(otj.Progress.ApprovedMinutes, Is.EqualTo(approved));
            Assert.That(otj.Progress.PlannedMinutes, Is.EqualTo(planned));
            Assert.That(otj.ByKind.Sum(k => k.Minutes), Is.EqualTo(approved));
            Assert.That(otj.ByKind.Select(k => k.Minutes), Is.Ordered.Descending);
            Assert.That(otj.ByDuty.SingleOrDefault(d => d.Heading == "D1")?.Minutes ?? 0, Is.EqualTo(approvedOfDuty1));
            Assert.That(EpaReportPdf.OffTheJobBasis(otj), Does.StartWith(otj.Progress.Plan.Rules.Summary));
        });
    }

    [Test]
    public async Task The_gateway_line_for_off_the_job_training_is_met_only_when_the_log_meets_the_plan_and_the_provider_confirmed_it()
    {
        var atGateway = await BuildAsync(_world.EnrolmentOfName("Siobhán", "Ó Súilleabháin"));
        var learning = await BuildAsync(_world.EnrolmentOf(DemoDataSeeder.ApprenticeEmail));

        var met = atGateway.Gateway.Checks.Single(c => c.Key == GatewayReadiness.OffTheJobKey);
        var notMet = learning.Gateway.Checks.Single(c => c.Key == GatewayReadiness.OffTheJobKey);
        Assert.Multiple(() =>
        {
            Assert.That(met.IsMet, Is.True);
            Assert.That(met.Detail, Does.Contain("planned hours approved").And.Contain("confirmed by"));
            Assert.That(notMet.IsMet, Is.False);
            Assert.That(notMet.Detail, Does.StartWith($"{OffTheJobRules.Hours(learning.OffTheJob.Progress.ApprovedMinutes)} of {OffTheJobRules.Hours(learning.OffTheJob.Progress.PlannedMinutes!.Value)} planned hours approved"));
        });
    }

    [Test]
    public async Task A_report_takes_the_same_few_queries_however_much_evidence_there_is()
    {
        var few = _world.EnrolmentOfName("Ayşe", "Yılmaz");
        var many = _world.EnrolmentOfName("Siobhán", "Ó Súilleabháin");

        var before = _world.Commands.Count;
        var fewReport = await BuildAsync(few);
        var forFew = _world.Commands.Count - before;
        before = _world.Commands.Count;
        var manyReport = await BuildAsync(many);
        var forMany = _world.Commands.Count - before;

        Assert.That(manyReport.Appendix, Has.Count.GreaterThan(fewReport.Appendix.Count));
        Assert.That(forMany, Is.EqualTo(forFew));
        // Eleven for the evidence, sign-offs and gateway; two for the off-the-job log and its duties; one for the progress
        // reviews with their signatures.
        Assert.That(forMany, Is.LessThanOrEqualTo(14));
    }

    [Test]
    public async Task An_unknown_enrolment_has_no_report()
    {
        var report = await _world.Builder().BuildAsync(Guid.NewGuid(), withThumbnails: true, CancellationToken.None);

        Assert.That(report, Is.Null);
    }

    [Test]
    public async Task Accepted_evidence_lists_its_attachments_with_size_and_hash_and_reads_images_for_thumbnails()
    {
        var enrolmentId = await AddAcceptedItemWithImageAsync();

        var report = await BuildAsync(enrolmentId);

        var file = report.Appendix.SelectMany(a => a.Attachments).Single(f => f.FileName == "ward-round.png");
        Assert.Multiple(() =>
        {
            Assert.That(file.SizeBytes, Is.EqualTo(TestImages.Png.Length));
            Assert.That(file.Sha256, Has.Length.EqualTo(64));
            Assert.That(file.Thumbnail!.Value.ToArray(), Is.EqualTo(TestImages.Png));
        });
    }

    private async Task<EpaReport> BuildAsync(Guid enrolmentId) =>
        await _world.Builder().BuildAsync(enrolmentId, withThumbnails: true, CancellationToken.None)
        ?? throw new AssertionException("No report was built.");

    private async Task<Guid> AddAcceptedItemWithImageAsync()
    {
        await using var db = _world.CreateDbContext();
        var enrolment = await db.Enrolments.Include(e => e.Assignments)
            .SingleAsync(e => db.Apprentices.Any(a => a.Id == e.ApprenticeId && a.GivenName == "Mohammed" && a.FamilyName == "Rahman"));
        var standard = await db.Standards.Include(s => s.Duties).Include(s => s.Ksbs).SingleAsync(s => s.Id == enrolment.StandardId);
        var assessorId = enrolment.CurrentAssessorIds.First();
        var assessor = await db.Assessors.SingleAsync(a => a.Id == assessorId);
        var stored = await _world.Files.StageAsync(new MemoryStream(TestImages.Png), "ward-round.png", 1_000_000, CancellationToken.None);
        _world.Files.Place(stored.StorageKey);
        var at = DemoWorld.Now.AddDays(-2);
        var self = new Actor("apprentice", "Mohammed Rahman");
        var item = EvidenceItem.Draft(
            enrolment, standard, new EvidenceContent("Ward round photograph", EvidenceType.WorkProduct, DateOnly.FromDateTime(at.UtcDateTime), "A photograph of the ward round board."),
            [standard.Duties[0].Id], [], DateOnly.FromDateTime(DemoWorld.Now.UtcDateTime), self, at);
        item.Attach(enrolment, Attachment.Describe("ward-round.png", stored.SizeBytes, stored.Sha256, stored.Kind.ContentType, stored.StorageKey, at), 10, self, at);
        item.Submit(enrolment, self, at);
        item.Accept(enrolment, assessor, "Clear and relevant.", at.AddHours(2));
        db.EvidenceItems.Add(item);
        await db.SaveChangesAsync();
        return enrolment.Id;
    }
}
