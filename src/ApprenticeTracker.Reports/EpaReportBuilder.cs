using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.People;
using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Domain.Reviews;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Files;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Reports;

/// <summary>
/// Reads the <see cref="EpaReport"/> of one enrolment: a fixed number of projected, untracked queries whatever the
/// amount of evidence, then progress and gateway readiness computed by the domain. Report date and "today" come
/// from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class EpaReportBuilder
{
    /// <summary>Images larger than this are listed but not drawn, so one huge photo cannot swell every report.</summary>
    public const long MaxThumbnailSourceBytes = 4 * 1024 * 1024;

    private readonly IDbContextFactory<AppDbContext> _factory;
    private readonly EvidenceFileStore? _files;
    private readonly TimeProvider _time;

    /// <param name="files">Where attachments are stored; without it no thumbnails are drawn.</param>
    public EpaReportBuilder(IDbContextFactory<AppDbContext> factory, EvidenceFileStore? files, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(time);
        _factory = factory;
        _files = files;
        _time = time;
    }

    /// <summary>The report of an enrolment, or null when there is no such enrolment.</summary>
    /// <param name="withThumbnails">Read image attachments for drawing (the PDF); an HTML preview does without.</param>
    public async Task<EpaReport?> BuildAsync(Guid enrolmentId, bool withThumbnails, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        return await BuildAsync(db, enrolmentId, withThumbnails, ct);
    }

    /// <summary>As <see cref="BuildAsync(Guid, bool, CancellationToken)"/>, on a context the caller keeps for many reports.</summary>
    public async Task<EpaReport?> BuildAsync(AppDbContext db, Guid enrolmentId, bool withThumbnails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = _time.GetUtcNow();
        var today = Domain.Common.ServiceClock.DateOf(now);

        var head = await (
            from e in db.Enrolments.AsNoTracking()
            where e.Id == enrolmentId
            join a in db.Apprentices on e.ApprenticeId equals a.Id
            join em in db.Employers on e.EmployerId equals em.Id
            join p in db.TrainingProviders on e.TrainingProviderId equals p.Id
            join c in db.Cohorts on e.CohortId equals (Guid?)c.Id into cohorts
            from c in cohorts.DefaultIfEmpty()
            select new
            {
                e.Id, e.StandardId, e.StartDate, e.PlannedEndDate, e.MinimumDurationMonths, e.Status,
                e.PriorLearningReason, e.PriorLearningMinutes, e.ContractedHoursPerWeek, e.GatewayPassedOn, e.Uln,
                e.EmployerAgreedAt, e.EmployerAgreedByName, e.EmployerAgreementDeclaration,
                a.GivenName, a.FamilyName, a.NameOrder, a.Email,
                Employer = em.Name, Provider = p.Name, p.Ukprn,
                Cohort = c == null ? null : c.Name,
            }).SingleOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var standard = await db.Standards.AsNoTracking().SingleAsync(s => s.Id == head.StandardId, ct);
        var duties = await db.Duties.AsNoTracking()
            .Where(d => d.StandardId == head.StandardId)
            .OrderBy(d => d.Number)
            .Select(d => new DutyRef(d.Id, d.Number, d.Code, d.Statement))
            .ToListAsync(ct);
        var requirements = await db.GatewayRequirements.AsNoTracking().Where(r => r.StandardId == head.StandardId).ToListAsync(ct);
        var confirmations = await db.GatewayConfirmations.AsNoTracking().Where(c => c.EnrolmentId == enrolmentId).ToListAsync(ct);
        var assessors = await (
            from x in db.AssessorAssignments.AsNoTracking()
            where x.EnrolmentId == enrolmentId && x.EndedAt == null
            join s in db.Assessors on x.AssessorId equals s.Id
            orderby x.AssignedAt, s.Id
            select PersonName.Full(s.GivenName, s.FamilyName, s.NameOrder)).ToListAsync(ct);
        var signOffs = await db.DutySignOffs.AsNoTracking().Include(s => s.Evidence)
            .Where(s => s.EnrolmentId == enrolmentId)
            .ToListAsync(ct);

        // Drafts belong to the apprentice alone until submitted: a report never shows them.
        var evidence = await db.EvidenceItems.AsNoTracking()
            .Where(e => e.EnrolmentId == enrolmentId && e.Status != EvidenceStatus.Draft)
            .Select(e => new { e.Id, e.Title, e.Type, e.ActivityDate, e.Status, e.Description, e.RevisionNumber, e.CreatedAt })
            .ToListAsync(ct);
        var mappings = await (
            from m in db.Set<EvidenceDuty>().AsNoTracking()
            join e in db.EvidenceItems on m.EvidenceItemId equals e.Id
            where e.EnrolmentId == enrolmentId && e.Status != EvidenceStatus.Draft
            select new { m.EvidenceItemId, m.DutyId }).ToListAsync(ct);
        var reviews = await (
            from r in db.EvidenceReviews.AsNoTracking()
            join e in db.EvidenceItems on r.EvidenceItemId equals e.Id
            where e.EnrolmentId == enrolmentId
            select new { r.EvidenceItemId, r.Decision, r.AssessorName, r.ReviewedAt, r.Feedback }).ToListAsync(ct);
        var attachments = await (
            from f in db.Attachments.AsNoTracking()
            join e in db.EvidenceItems on f.EvidenceItemId equals e.Id
            where e.EnrolmentId == enrolmentId && e.Status == EvidenceStatus.Accepted
            orderby f.UploadedAt, f.FileName
            select new { f.EvidenceItemId, f.FileName, f.SizeBytes, f.Sha256, f.ContentType, f.StorageKey }).ToListAsync(ct);

        var byId = evidence.ToDictionary(e => e.Id);
        var reviewsByItem = reviews
            .GroupBy(r => r.EvidenceItemId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReviewedAt).Select(r => new ReviewRecord(r.Decision, r.AssessorName, r.ReviewedAt, r.Feedback)).ToList());
        var dutyById = duties.ToDictionary(d => d.DutyId);
        var mappingsByDuty = mappings.ToLookup(m => m.DutyId, m => m.EvidenceItemId);

        SignOffRecord Record(Domain.Enrolments.DutySignOff s) => new(
            s.AssessorName, s.SignedAt, s.Declaration,
            s.Evidence
                .Select(x => byId.GetValueOrDefault(x.EvidenceItemId))
                .Where(x => x is not null)
                .Select(x => new EvidenceReference(x!.Id, x.Title, x.ActivityDate))
                .OrderBy(x => x.ActivityDate)
                .ToList(),
            s.RevokedAt, s.RevokedByName, s.RevocationReason);

        var sections = duties.Select(d => new DutySection(
            d.Number, d.Code, d.Statement,
            signOffs.Where(s => s.DutyId == d.DutyId && s.IsActive).OrderByDescending(s => s.SignedAt).Select(Record).FirstOrDefault(),
            signOffs.Where(s => s.DutyId == d.DutyId && !s.IsActive).OrderBy(s => s.SignedAt).Select(Record).ToList(),
            mappingsByDuty[d.DutyId]
                .Distinct()
                .Select(id => byId[id])
                .OrderBy(e => e.ActivityDate).ThenBy(e => e.CreatedAt)
                .Select(e => new EvidenceRow(e.Id, e.ActivityDate, e.Title, e.Type, e.Status, reviewsByItem.GetValueOrDefault(e.Id)?.LastOrDefault()))
                .ToList())).ToList();

        var progress = EnrolmentProgress.Compute(
            duties,
            mappings.Select(m => new EvidenceMapping(m.EvidenceItemId, m.DutyId, byId[m.EvidenceItemId].Status)),
            signOffs.Where(s => s.IsActive).Select(s => new SignOffRef(s.Id, s.DutyId, s.AssessorName, s.SignedAt)));
        var entries = await db.OffTheJobEntries.AsNoTracking()
            .Where(x => x.EnrolmentId == enrolmentId)
            .Select(x => new { x.Id, x.ActivityDate, x.Minutes, x.Status, x.Kind })
            .ToListAsync(ct);
        var entryDuties = await (
                from d in db.OffTheJobEntryDuties.AsNoTracking()
                join x in db.OffTheJobEntries on d.EntryId equals x.Id
                where x.EnrolmentId == enrolmentId && x.Status == OffTheJobEntryStatus.Approved
                select new { d.DutyId, x.Minutes })
            .ToListAsync(ct);
        var offTheJob = OffTheJobProgress.Compute(
            new OffTheJobPlan(head.StartDate, head.PlannedEndDate, head.GatewayPassedOn, head.ContractedHoursPerWeek, standard.OffTheJobMinimumHours, head.PriorLearningMinutes),
            entries.Select(x => new OffTheJobFigure(x.ActivityDate, x.Minutes, x.Status)),
            today);
        var employerAgreement = head.EmployerAgreedAt is { } agreedAt
            ? new EmployerGatewayAgreement(head.EmployerAgreedByName ?? string.Empty, head.EmployerAgreementDeclaration ?? string.Empty, agreedAt)
            : null;
        var gateway = GatewayReadiness.Assess(progress, head.StartDate, head.MinimumDurationMonths, requirements, confirmations, today, offTheJob, head.Status, employerAgreement);
        var byKind = entries.Where(x => x.Status == OffTheJobEntryStatus.Approved)
            .GroupBy(x => x.Kind)
            .Select(g => new ReportOffTheJobLine(g.Key.DisplayName(), g.Sum(x => x.Minutes)))
            .OrderByDescending(k => k.Minutes).ThenBy(k => k.Heading, StringComparer.Ordinal)
            .ToList();
        var byDutyId = entryDuties.GroupBy(d => d.DutyId).ToDictionary(g => g.Key, g => g.Sum(d => d.Minutes));
        var byDuty = duties.Where(d => byDutyId.ContainsKey(d.DutyId)).Select(d => new ReportOffTheJobLine(d.Code, byDutyId[d.DutyId])).ToList();

        var attachmentsByItem = attachments.ToLookup(a => a.EvidenceItemId);
        var dutyCodesByItem = mappings.ToLookup(m => m.EvidenceItemId, m => dutyById.GetValueOrDefault(m.DutyId));
        var appendix = evidence
            .Where(e => e.Status == EvidenceStatus.Accepted)
            .OrderBy(e => e.ActivityDate).ThenBy(e => e.CreatedAt)
            .Select(e => new AppendixItem(
                e.Id, e.Title, e.Type, e.ActivityDate, e.RevisionNumber, e.Description,
                dutyCodesByItem[e.Id].Where(d => d is not null).OrderBy(d => d!.Number).Select(d => d!.Code).ToList(),
                reviewsByItem.GetValueOrDefault(e.Id) ?? [],
                attachmentsByItem[e.Id]
                    .Select(a => new AttachmentRecord(a.FileName, a.SizeBytes, a.Sha256, a.ContentType,
                        withThumbnails ? ReadImage(a.ContentType, a.SizeBytes, a.StorageKey) : null))
                    .ToList()))
            .ToList();

        var progressReviews = (await db.ProgressReviews.AsNoTracking()
                .Include(r => r.Signatures)
                .Where(r => r.EnrolmentId == enrolmentId)
                .ToListAsync(ct))
            .OrderBy(r => r.HeldOn).ThenBy(r => r.DraftedAt)
            .Select(r => new ReportProgressReview(
                r.HeldOn, r.NextReviewOn, r.CompletedAt,
                r.Signatures.Select(s => new ReportReviewSignature(s.Party.DisplayName(), s.Name, s.Capacity, s.At, s.DeclineReason)).ToList()))
            .ToList();

        return new EpaReport
        {
            EnrolmentId = head.Id,
            ApprenticeName = PersonName.Full(head.GivenName, head.FamilyName, head.NameOrder),
            ApprenticeEmail = head.Email,
            Uln = head.Uln,
            EmployerName = head.Employer,
            TrainingProviderName = head.Provider,
            TrainingProviderUkprn = head.Ukprn,
            CohortName = head.Cohort,
            Standard = new ReportStandard(standard.ReferenceNumber, standard.Version, standard.Title, standard.Level, standard.DisplayReference),
            StartDate = head.StartDate,
            PlannedEndDate = head.PlannedEndDate,
            Status = head.Status,
            Assessors = assessors,
            ReportDate = now,
            Duties = sections,
            Progress = progress,
            Gateway = gateway,
            EmployerAgreement = employerAgreement,
            OffTheJob = new ReportOffTheJob(offTheJob, standard.OffTheJobMinimumSource, head.PriorLearningReason, byKind, byDuty),
            Appendix = appendix,
            ProgressReviews = progressReviews,
        };
    }

    private ReadOnlyMemory<byte>? ReadImage(string contentType, long size, string storageKey)
    {
        if (_files is null || contentType is not ("image/png" or "image/jpeg") || size > MaxThumbnailSourceBytes)
        {
            return null;
        }

        try
        {
            using var stream = _files.OpenRead(storageKey);
            using var copy = new MemoryStream((int)size);
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (IOException)
        {
            // A file missing from the store is still listed with its hash; the report just cannot draw it.
            return null;
        }
    }
}
