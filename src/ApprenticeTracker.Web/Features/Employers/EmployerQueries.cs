using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Domain.Progress;
using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Persistence.OffTheJob;

namespace ApprenticeTracker.Web.Features.Employers;

/// <summary>
/// Reads what an employer contact sees, every load through <see cref="AccessScopes"/>: their employer's apprentices with
/// the provider that invited them, never a draft. Changes nothing.
/// </summary>
public sealed class EmployerQueries(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    /// <summary>The home page: each apprentice with progress, off-the-job hours and gateway readiness, by name.</summary>
    public async Task<EmployerHomeModel> HomeAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var employerId = user.IsEmployer ? user.EmployerId : null;
        var names = await (
                from employer in db.Employers
                join provider in db.TrainingProviders on employer.TrainingProviderId equals provider.Id
                where employer.Id == employerId
                select new { Employer = employer.Name, Provider = provider.Name })
            .SingleOrDefaultAsync(ct);
        var enrolments = await Loaded(AccessScopes.Enrolments(db, user)).ToListAsync(ct);
        var people = await (
                from e in AccessScopes.Enrolments(db, user)
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                from c in db.Cohorts.Where(c => c.Id == e.CohortId).DefaultIfEmpty()
                select new { e.Id, a.GivenName, a.FamilyName, a.NameOrder, Cohort = c == null ? null : c.Name })
            .ToDictionaryAsync(x => x.Id, ct);
        var standards = await StandardsAsync(db, enrolments.Select(e => e.StandardId), ct);
        var figures = (await (
                from x in AccessScopes.OffTheJobEntries(db, user)
                select new { x.EnrolmentId, Figure = new OffTheJobFigure(x.ActivityDate, x.Minutes, x.Status) })
            .ToListAsync(ct))
            .ToLookup(x => x.EnrolmentId, x => x.Figure);

        var today = time.Today();
        var rows = enrolments
            .Select(e =>
            {
                var standard = standards[e.StandardId];
                var progress = Progress(standard, e, []);
                var offTheJob = OffTheJobProgress.Compute(OffTheJobPlan.Of(e, standard), figures[e.Id], today);
                var gateway = GatewayReadiness.Assess(e, standard, progress, today, offTheJob);
                var person = people[e.Id];
                return new EmployerApprenticeRow
                {
                    EnrolmentId = e.Id,
                    Name = PersonName.Full(person.GivenName, person.FamilyName, person.NameOrder),
                    CohortName = person.Cohort,
                    Status = e.Status,
                    StartDate = e.StartDate,
                    DutiesSignedOff = progress.DutiesSignedOff,
                    TotalDuties = progress.TotalDuties,
                    OffTheJobApprovedMinutes = offTheJob.ApprovedMinutes,
                    OffTheJobPlannedMinutes = offTheJob.PlannedMinutes,
                    OffTheJobPlannedToDateMinutes = offTheJob.PlannedToDateMinutes,
                    GatewayPassedOn = e.GatewayPassedOn,
                    GatewayChecksMet = gateway.MetCount,
                    GatewayChecks = gateway.Checks.Count,
                };
            })
            .OrderBy(r => people[r.EnrolmentId].FamilyName, PersonName.Order).ThenBy(r => people[r.EnrolmentId].GivenName, PersonName.Order)
            .ToList();
        return new EmployerHomeModel(names?.Employer ?? string.Empty, names?.Provider ?? string.Empty, rows);
    }

    /// <summary>One apprentice, read-only; null when they are not the employer's (the page answers 404).</summary>
    public async Task<EmployerApprenticeModel?> ApprenticeAsync(Guid enrolmentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await Loaded(AccessScopes.Enrolments(db, user).Where(e => e.Id == enrolmentId)).SingleOrDefaultAsync(ct);
        if (enrolment is null)
        {
            return null;
        }

        var heading = await (
                from a in db.Apprentices
                join employer in db.Employers on enrolment.EmployerId equals employer.Id
                where a.Id == enrolment.ApprenticeId
                select new
                {
                    a.GivenName,
                    a.FamilyName,
                    a.NameOrder,
                    Employer = employer.Name,
                    Cohort = db.Cohorts.Where(c => c.Id == enrolment.CohortId).Select(c => c.Name).FirstOrDefault(),
                })
            .SingleAsync(ct);
        var standard = (await StandardsAsync(db, [enrolment.StandardId], ct))[enrolment.StandardId];
        var evidence = await AccessScopes.Evidence(db, user)
            .AsNoTracking()
            .Where(i => i.EnrolmentId == enrolmentId && i.Status != EvidenceStatus.Draft)
            .Select(i => new { i.Id, i.Title, i.Type, i.Status, i.ActivityDate, i.SubmittedAt, DutyIds = i.Duties.Select(d => d.DutyId).ToList() })
            .ToListAsync(ct);
        var today = time.Today();
        var offTheJob = (await OffTheJobReader.ProgressAsync(db, enrolment.Id, today, ct))!;
        var progress = Progress(standard, enrolment, evidence.SelectMany(i => i.DutyIds.Select(d => new EvidenceMapping(i.Id, d, i.Status))));
        var codes = standard.Duties.ToDictionary(d => d.Id);
        return new EmployerApprenticeModel
        {
            EnrolmentId = enrolment.Id,
            Name = PersonName.Full(heading.GivenName, heading.FamilyName, heading.NameOrder),
            EmployerName = heading.Employer,
            CohortName = heading.Cohort,
            Standard = $"{standard.DisplayReference} – {standard.Title}",
            Status = enrolment.Status,
            StartDate = enrolment.StartDate,
            PlannedEndDate = enrolment.PlannedEndDate,
            Progress = progress,
            OffTheJob = new OffTheJobSummary(offTheJob.ApprovedMinutes, offTheJob.PlannedMinutes, offTheJob.PlannedToDateMinutes),
            Gateway = GatewayReadiness.Assess(enrolment, standard, progress, today, offTheJob),
            GatewayPassedOn = enrolment.GatewayPassedOn,
            Evidence = evidence
                .OrderByDescending(i => i.ActivityDate).ThenByDescending(i => i.SubmittedAt)
                .Select(i => new EmployerEvidenceRow(
                    i.Id, i.Title, i.Type, i.Status, i.ActivityDate,
                    i.DutyIds.Where(codes.ContainsKey).Select(d => codes[d]).OrderBy(d => d.Number).Select(d => d.Code).ToList()))
                .ToList(),
        };
    }

    /// <summary>One evidence item of one of the employer's apprentices; null when out of scope or a draft (the page answers 404).</summary>
    public async Task<EmployerEvidenceModel?> EvidenceAsync(Guid enrolmentId, Guid evidenceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await (
                from i in AccessScopes.Evidence(db, user).AsNoTracking()
                where i.Id == evidenceId && i.EnrolmentId == enrolmentId && i.Status != EvidenceStatus.Draft
                join e in db.Enrolments on i.EnrolmentId equals e.Id
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                select new { i.Id, i.Title, i.Type, i.Status, i.ActivityDate, i.SubmittedAt, i.Description, a.GivenName, a.FamilyName, a.NameOrder, DutyIds = i.Duties.Select(d => d.DutyId).ToList() })
            .SingleOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var duties = await db.Duties.AsNoTracking().Where(d => item.DutyIds.Contains(d.Id)).OrderBy(d => d.Number).ProjectToDutyRef().ToListAsync(ct);
        var attachments = await db.Attachments.AsNoTracking().Where(x => x.EvidenceItemId == evidenceId).OrderBy(x => x.UploadedAt).ProjectToEmployerAttachmentRow().ToListAsync(ct);
        var reviews = await db.EvidenceReviews.AsNoTracking().Where(r => r.EvidenceItemId == evidenceId).OrderByDescending(r => r.ReviewedAt).ProjectToEmployerReviewRow().ToListAsync(ct);
        return new EmployerEvidenceModel
        {
            EnrolmentId = enrolmentId,
            ApprenticeName = PersonName.Full(item.GivenName, item.FamilyName, item.NameOrder),
            Id = item.Id,
            Title = item.Title,
            Type = item.Type,
            Status = item.Status,
            ActivityDate = item.ActivityDate,
            SubmittedAt = item.SubmittedAt,
            Description = item.Description,
            Duties = duties.Select(d => $"{d.Code} {d.Statement}").ToList(),
            Attachments = attachments,
            Reviews = reviews,
        };
    }

    /// <summary>Enrolments with what gateway readiness reads: their sign-offs and the provider's confirmations.</summary>
    private static IQueryable<Enrolment> Loaded(IQueryable<Enrolment> enrolments) =>
        enrolments.AsNoTracking().Include(e => e.SignOffs).Include(e => e.GatewayConfirmations).AsSplitQuery();

    private static async Task<Dictionary<Guid, Standard>> StandardsAsync(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Standards.AsNoTracking()
            .Include(s => s.Duties).Include(s => s.GatewayRequirements).AsSplitQuery()
            .Where(s => wanted.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, ct);
    }

    private static EnrolmentProgress Progress(Standard standard, Enrolment enrolment, IEnumerable<EvidenceMapping> mappings) =>
        EnrolmentProgress.Compute(
            standard.Duties.OrderBy(d => d.Number).Select(d => new DutyRef(d.Id, d.Number, d.Code, d.Statement)),
            mappings,
            enrolment.SignOffs.Where(s => s.RevokedAt is null).Select(s => new SignOffRef(s.Id, s.DutyId, s.AssessorName, s.SignedAt)));
}
