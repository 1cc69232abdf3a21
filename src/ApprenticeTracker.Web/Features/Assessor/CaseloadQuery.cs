using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Web.Settings;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>Reads the caseload of the signed-in assessor: the apprentices they are currently assigned to.</summary>
public sealed class CaseloadQuery(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, IOptions<AssessorOptions> options, IOptions<OffTheJobOptions> offTheJobOptions, TimeProvider time)
{
    public async Task<CaseloadModel> RunAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);

        // As in the review queue: evidence of a withdrawn or completed apprenticeship can no longer be reviewed, so it
        // is not waiting, and neither the count nor the red/amber/green rule counts it.
        // Inlined as constants (it never changes), so that EF Core caches the SQL instead of expanding a list
        // parameter into SQL again on every request.
        var closed = Enum.GetValues<EnrolmentStatus>().Where(s => s.IsFinal()).ToList();
        var found = await (
            from e in AccessScopes.Enrolments(db, user)
            join a in db.Apprentices on e.ApprenticeId equals a.Id
            join employer in db.Employers on e.EmployerId equals employer.Id
            join s in db.Standards on e.StandardId equals s.Id
            from c in db.Cohorts.Where(c => c.Id == e.CohortId).DefaultIfEmpty()
            from t in db.OffTheJobTotals.Where(t => t.EnrolmentId == e.Id).DefaultIfEmpty()
            select new
            {
                e.Id,
                a.GivenName,
                a.FamilyName,
                a.NameOrder,
                Employer = employer.Name,
                Cohort = c == null ? null : c.Name,
                s.ReferenceNumber,
                s.Version,
                e.Status,
                e.StartDate,
                SignedOff = e.SignOffs.Count(so => so.RevokedAt == null),
                Duties = db.Duties.Count(d => d.StandardId == s.Id),
                Waiting = db.EvidenceItems.Count(i => i.EnrolmentId == e.Id && i.Status == EvidenceStatus.Submitted && !EF.Constant(closed).Contains(e.Status)),
                OldestWaiting = db.EvidenceItems
                    .Where(i => i.EnrolmentId == e.Id && i.Status == EvidenceStatus.Submitted && !EF.Constant(closed).Contains(e.Status))
                    .Min(i => i.SubmittedAt),
                LastSubmitted = db.EvidenceItems.Where(i => i.EnrolmentId == e.Id).Max(i => i.SubmittedAt),
                Plan = new OffTheJobPlan(e.StartDate, e.PlannedEndDate, e.GatewayPassedOn, e.ContractedHoursPerWeek, s.OffTheJobMinimumHours, e.PriorLearningMinutes),
                Approved = t == null ? 0 : t.ApprovedMinutes,
                WaitingOffTheJob = t == null ? 0 : t.WaitingMinutes,
            })
            .AsNoTracking()
            .ToListAsync(ct);

        var rule = options.Value;
        var behind = offTheJobOptions.Value;
        var now = time.GetUtcNow();
        var today = ServiceClock.DateOf(now);

        // Sorted by name first: the sort by red, amber, green after it is stable, so names stay in order within each.
        var rows = found
            .OrderBy(r => r.FamilyName, PersonName.Order).ThenBy(r => r.GivenName, PersonName.Order)
            .Select(r =>
            {
                // Active and started: before the start date nobody is quiet or behind.
                var inLearning = r.Status == EnrolmentStatus.Active && !r.Status.IsBeforeStart(r.StartDate, today);
                return new CaseloadRow
                {
                    EnrolmentId = r.Id,
                    ApprenticeName = PersonName.Full(r.GivenName, r.FamilyName, r.NameOrder),
                    EmployerName = r.Employer,
                    CohortName = r.Cohort,
                    Standard = $"{r.ReferenceNumber} v{r.Version}",
                    Status = r.Status,
                    StartDate = r.StartDate,
                    DutiesSignedOff = r.SignedOff,
                    TotalDuties = r.Duties,
                    WaitingForReview = r.Waiting,
                    LastSubmittedAt = r.LastSubmitted,
                    LongestWaitDays = r.OldestWaiting is { } since ? (int)(now - since).TotalDays : null,
                    OffTheJobApprovedMinutes = r.Approved,
                    OffTheJobWaitingMinutes = r.WaitingOffTheJob,
                    OffTheJobPlannedToDateMinutes = r.Plan.PlannedToDateMinutes(today),
                    OffTheJobShortfall = r.Plan.Shortfall(r.Approved, today),
                    Rag = Worse(
                        rule.Classify(
                            inLearning,
                            r.LastSubmitted ?? new DateTimeOffset(r.StartDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                            r.OldestWaiting,
                            now),
                        !inLearning ? CaseloadRag.Green
                            : behind.IsFarBehind(r.Plan.Shortfall(r.Approved, today)) ? CaseloadRag.Red
                            : behind.IsBehind(r.Plan.Shortfall(r.Approved, today)) ? CaseloadRag.Amber
                            : CaseloadRag.Green),
                };
            })
            .OrderBy(r => r.Rag)
            .ThenByDescending(r => r.LongestWaitDays ?? -1)
            .ToList();
        return new CaseloadModel(rows, rule, behind);
    }

    /// <summary>Red before amber before green: the more urgent of the evidence rule and the off-the-job rule.</summary>
    private static CaseloadRag Worse(CaseloadRag a, CaseloadRag b) => a < b ? a : b;
}
