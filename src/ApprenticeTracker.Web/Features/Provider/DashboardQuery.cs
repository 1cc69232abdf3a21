using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Persistence.Reviews;
using ApprenticeTracker.Web.Settings;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>
/// Reads the cohort dashboard of the signed-in provider administrator's organisation. Nothing on it grows with the
/// provider's roll: the heat map reads the duty evidence counts the database keeps
/// (<see cref="Persistence.ReadModels.DutyEvidenceCount"/>) for the page's enrolments only; the coverage chart, the
/// number of apprentices and the duty columns come from the figures it keeps per group of enrolments
/// (<see cref="Persistence.ReadModels.DashboardCount"/>), a few hundred rows whatever the filter; the page of rows is
/// read in the order of an index, so SQLite stops after the page instead of sorting the roll. Drafts are the
/// apprentice's own and are never counted.
/// </summary>
public sealed class DashboardQuery(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time, IOptions<OffTheJobOptions> offTheJobOptions)
{
    private OffTheJobOptions Behind => offTheJobOptions.Value;

    /// <summary>How many rows the CSV export reads at a time.</summary>
    private const int ExportBatchSize = 500;

    public async Task<DashboardModel> RunAsync(DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(ct);

        // One connection for the page's queries, instead of one taken from the pool (and, on SQLite, given its busy
        // timeout) for each.
        await db.Database.OpenConnectionAsync(ct);
        var filtered = await FilteredAsync(db, filter, ct);
        var figures = await FiguresAsync(db, filter, ct);
        if (filter.BehindOnOffTheJob)
        {
            // The figures kept per group know nothing of off-the-job hours: the count is of the rows themselves.
            figures = (await filtered.CountAsync(ct), figures.Columns, figures.Coverage);
        }
        else if (filter.Status == EnrolmentStatus.Active)
        {
            // Nor of start dates: "Active" leaves out the enrolments not started, which have no evidence and no
            // sign-off, so the chart's counts stand and only the number of apprentices changes.
            var total = await filtered.CountAsync(ct);
            figures = (total, figures.Columns, figures.Coverage.Select(c => c with { Of = total }).ToList());
        }

        var pageCount = Math.Max(1, (figures.Total + DashboardFilter.PageSize - 1) / DashboardFilter.PageSize);
        if (filter.Page > pageCount)
        {
            filter = filter with { Page = pageCount };
        }

        var rows = await RowsAsync(db, filtered, filter.Sort, (filter.Page - 1) * DashboardFilter.PageSize, DashboardFilter.PageSize, ct);
        return new DashboardModel(filter, figures.Columns, rows, figures.Total, figures.Coverage, await OptionsAsync(db, ct));
    }

    /// <summary>Every row of the filtered set, in the chosen order, for the CSV export.</summary>
    public async Task<(IReadOnlyList<DutyColumn> Duties, IReadOnlyList<DashboardRow> Rows)> AllRowsAsync(DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var filtered = await FilteredAsync(db, filter, ct);
        var duties = await FiguresAsync(db, filter, ct);
        var rows = new List<DashboardRow>();
        while (true)
        {
            var batch = await RowsAsync(db, filtered, filter.Sort, rows.Count, ExportBatchSize, ct);
            rows.AddRange(batch);
            if (batch.Count < ExportBatchSize)
            {
                // The review columns of the export: one read over the filtered set, not one a batch.
                var reviews = await ReviewDueReader.ForAsync(db, filtered, time.Today(), ct);
                return (duties.Columns, rows.Select(r => r with { Review = reviews.GetValueOrDefault(r.EnrolmentId) }).ToList());
            }
        }
    }

    /// <summary>The choices of the filter form: my organisation's cohorts, employers and assessors.</summary>
    public async Task<DashboardOptions> OptionsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await OptionsAsync(db, ct);
    }

    private async Task<IQueryable<Enrolment>> FilteredAsync(AppDbContext db, DashboardFilter filter, CancellationToken ct)
    {
        var query = Filtered(db, filter);
        if (!filter.BehindOnOffTheJob)
        {
            return query;
        }

        // "Behind" depends on dates and the dated rules, which the domain computes: read each active enrolment's plan
        // and approved total (one row each), and keep the ids of those behind.
        var today = time.Today();
        var plans = await (
                from e in query.Where(e => e.Status == EnrolmentStatus.Active)
                join s in db.Standards on e.StandardId equals s.Id
                from t in db.OffTheJobTotals.Where(t => t.EnrolmentId == e.Id).DefaultIfEmpty()
                select new
                {
                    e.Id, e.StartDate, e.PlannedEndDate, e.GatewayPassedOn, e.ContractedHoursPerWeek, s.OffTheJobMinimumHours, e.PriorLearningMinutes,
                    Approved = t == null ? 0 : t.ApprovedMinutes,
                })
            .ToListAsync(ct);
        var behind = plans
            .Where(p => Behind.IsBehind(new OffTheJobPlan(p.StartDate, p.PlannedEndDate, p.GatewayPassedOn, p.ContractedHoursPerWeek, p.OffTheJobMinimumHours, p.PriorLearningMinutes)
                .Shortfall(p.Approved, today)))
            .Select(p => p.Id)
            .ToList();
        return query.Where(e => EF.Parameter(behind).Contains(e.Id));
    }

    private IQueryable<Enrolment> Filtered(AppDbContext db, DashboardFilter filter)
    {
        var query = AccessScopes.Enrolments(db, user).AsNoTracking();
        if (filter.CohortId is { } cohort)
        {
            query = query.Where(e => e.CohortId == cohort);
        }

        if (filter.EmployerId is { } employer)
        {
            query = query.Where(e => e.EmployerId == employer);
        }

        if (filter.AssessorId is { } assessor)
        {
            query = query.Where(e => db.AssessorAssignments.Any(a => a.EnrolmentId == e.Id && a.AssessorId == assessor && a.EndedAt == null));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
            if (status == EnrolmentStatus.Active)
            {
                // "Active" means in learning, as everywhere else: an enrolment before its start date reads "Not
                // started" (EnrolmentStatusRules.IsBeforeStart).
                var today = time.Today();
                query = query.Where(e => e.StartDate <= today);
            }
        }

        return query;
    }

    private async Task<IReadOnlyList<DashboardRow>> RowsAsync(
        AppDbContext db, IQueryable<Enrolment> filtered, DashboardSort sort, int skip, int take, CancellationToken ct)
    {
        // Apprentices first, by a cross join that SQLite keeps in that order: it walks the apprentices in the order of
        // the index on their British sort key (PersonName.SortKey) and finds each one's enrolment by (ApprenticeId,
        // TrainingProviderId), so the first page by name comes without sorting the roll.
        var projected =
            from apprentice in db.Apprentices
            from e in filtered
            where e.ApprenticeId == apprentice.Id
            join employer in db.Employers on e.EmployerId equals employer.Id
            from cohort in db.Cohorts.Where(c => c.Id == e.CohortId).DefaultIfEmpty()
            select new
            {
                e.Id,
                apprentice.GivenName,
                apprentice.FamilyName,
                apprentice.NameOrder,
                apprentice.NameSortKey,
                Cohort = cohort.Name,
                Employer = employer.Name,
                e.Status,
                e.StartDate,
                e.PlannedEndDate,
                e.GatewayPassedOn,
                e.ContractedHoursPerWeek,
                e.PriorLearningMinutes,
                e.Uln,
                OffTheJobMinimumHours = db.Standards.Where(st => st.Id == e.StandardId).Select(st => st.OffTheJobMinimumHours).FirstOrDefault(),
                DutyCount = db.Duties.Count(d => d.StandardId == e.StandardId),

                // Only submission sets SubmittedAt, and it takes the item out of Draft for good (a revision is a new
                // item), so drafts have none and MAX skips them. Unfiltered by status, SQLite answers from the index
                // on (EnrolmentId, SubmittedAt) alone instead of reading each of the apprentice's items.
                LastEvidenceAt = db.EvidenceItems.Where(i => i.EnrolmentId == e.Id).Max(i => i.SubmittedAt),
            };

        // The count of sign-offs is read with the cells below; the query counts them only to sort by progress.
        var ordered = sort switch
        {
            DashboardSort.Progress => projected
                .OrderByDescending(r => db.DutySignOffs.Count(s => s.EnrolmentId == r.Id && s.RevokedAt == null))
                .ThenBy(r => r.NameSortKey).ThenBy(r => r.Id),
            DashboardSort.LastEvidence => projected.OrderByDescending(r => r.LastEvidenceAt).ThenBy(r => r.NameSortKey).ThenBy(r => r.Id),
            _ => projected.OrderBy(r => r.NameSortKey).ThenBy(r => r.Id),
        };
        var page = await ordered.Skip(skip).Take(take).ToListAsync(ct);
        if (page.Count == 0)
        {
            return [];
        }

        // The page's ids as one JSON parameter (json_each), so that the SQL is the same for every page and EF Core caches
        // it, instead of expanding one parameter per id into SQL again on every request.
        // The ids come from the scoped query above, so these read only what the user may see. They start from the ids
        // rather than join the scope again: given both, SQLite walks every enrolment of the provider and every count of
        // each (the roll, about 80 ms at 20,000 apprentices) before it keeps the page's.
        var ids = page.Select(r => r.Id).ToList();

        // The cells: each duty's evidence counts and its active sign-off, in one query (a sign-off can outlive the
        // count of its evidence, so the sign-offs are their own rows rather than a join).
        var cells = await (
                from count in db.DutyEvidenceCounts
                join duty in db.Duties on count.DutyId equals duty.Id
                where EF.Parameter(ids).Contains(count.EnrolmentId)
                select new { count.EnrolmentId, duty.Number, count.Accepted, count.Submitted, count.ReferredBack, SignedOff = false })
            .Concat(
                from s in db.DutySignOffs
                join duty in db.Duties on s.DutyId equals duty.Id
                where EF.Parameter(ids).Contains(s.EnrolmentId) && s.RevokedAt == null
                select new { s.EnrolmentId, duty.Number, Accepted = 0, Submitted = 0, ReferredBack = 0, SignedOff = true })
            .ToListAsync(ct);
        var assessors = await (
                from a in db.AssessorAssignments
                join person in db.Assessors on a.AssessorId equals person.Id
                where EF.Parameter(ids).Contains(a.EnrolmentId) && a.EndedAt == null
                select new { a.EnrolmentId, person.GivenName, person.FamilyName, person.NameOrder })
            .ToListAsync(ct);
        var totals = await db.OffTheJobTotals.AsNoTracking()
            .Where(t => EF.Parameter(ids).Contains(t.EnrolmentId))
            .ToDictionaryAsync(t => t.EnrolmentId, ct);
        var today = time.Today();

        var cellsByEnrolment = cells.ToLookup(c => c.EnrolmentId);
        var assessorsByEnrolment = assessors
            .OrderBy(a => a.FamilyName, PersonName.Order).ThenBy(a => a.GivenName, PersonName.Order)
            .ToLookup(a => a.EnrolmentId, a => PersonName.Full(a.GivenName, a.FamilyName, a.NameOrder));
        return page.Select(r =>
        {
            var rowCells = new Dictionary<int, DutyCell>();
            foreach (var c in cellsByEnrolment[r.Id])
            {
                var cell = rowCells.GetValueOrDefault(c.Number) ?? DutyCell.Empty;
                rowCells[c.Number] = c.SignedOff
                    ? cell with { SignedOff = true }
                    : cell with { Accepted = c.Accepted, Submitted = c.Submitted, ReferredBack = c.ReferredBack };
            }

            return new DashboardRow(
                r.Id,
                PersonName.Full(r.GivenName, r.FamilyName, r.NameOrder),
                r.Cohort,
                r.Employer,
                assessorsByEnrolment[r.Id].ToList(),
                r.Status,
                rowCells.Values.Count(c => c.SignedOff),
                r.DutyCount,
                r.LastEvidenceAt,
                rowCells,
                r.StartDate)
            {
                OffTheJob = OffTheJobOf(
                    new OffTheJobPlan(r.StartDate, r.PlannedEndDate, r.GatewayPassedOn, r.ContractedHoursPerWeek, r.OffTheJobMinimumHours, r.PriorLearningMinutes),
                    totals.GetValueOrDefault(r.Id), r.Status, today),
                Uln = r.Uln,
            };
        }).ToList();
    }

    private DashboardOffTheJob OffTheJobOf(OffTheJobPlan plan, Persistence.ReadModels.OffTheJobTotal? total, EnrolmentStatus status, DateOnly today)
    {
        var approved = total?.ApprovedMinutes ?? 0;
        return new DashboardOffTheJob(
            plan.PlannedMinutes, approved, total?.WaitingMinutes ?? 0, plan.PlannedToDateMinutes(today),
            status == EnrolmentStatus.Active && Behind.IsBehind(plan.Shortfall(approved, today)));
    }

    /// <summary>
    /// The number of apprentices the filter selects, the duty columns of their standard versions and the coverage chart,
    /// in one query over the figures kept per group: the groups of no assessor, or of the assessor filtered to, so that
    /// each enrolment counts once.
    /// </summary>
    private async Task<(int Total, IReadOnlyList<DutyColumn> Columns, IReadOnlyList<DutyCoverage> Coverage)> FiguresAsync(
        AppDbContext db, DashboardFilter filter, CancellationToken ct)
    {
        var assessor = filter.AssessorId ?? Guid.Empty;
        var counts = AccessScopes.DashboardCounts(db, user).Where(c => c.AssessorId == assessor);
        if (filter.CohortId is { } cohort)
        {
            counts = counts.Where(c => c.CohortId == cohort);
        }

        if (filter.EmployerId is { } employer)
        {
            counts = counts.Where(c => c.EmployerId == employer);
        }

        if (filter.Status is { } status)
        {
            counts = counts.Where(c => c.Status == status);
        }

        var sums = await counts
            .GroupBy(c => new { c.StandardId, c.DutyId })
            .Select(g => new
            {
                g.Key.StandardId,
                g.Key.DutyId,
                Enrolments = g.Sum(c => c.Enrolments),
                WithEvidence = g.Sum(c => c.WithEvidence),
                WithAccepted = g.Sum(c => c.WithAccepted),
                SignedOff = g.Sum(c => c.SignedOff),
            })
            .ToListAsync(ct);
        var total = sums.Sum(s => s.Enrolments);
        var standardIds = sums.Where(s => s.Enrolments > 0).Select(s => s.StandardId).Distinct().ToList();
        var duties = await db.Duties
            .AsNoTracking()
            .Where(d => EF.Parameter(standardIds).Contains(d.StandardId))
            .ProjectToVersionDuty()
            .ToListAsync(ct);

        // Enrolments on different versions share duty numbers; the column shows the first version's wording, and the
        // chart adds the versions' figures together, one column per duty number.
        var columns = duties
            .GroupBy(d => d.Number)
            .OrderBy(g => g.Key)
            .Select(g => new DutyColumn(g.Key, g.First().Code, g.First().Statement))
            .ToList();
        var numbers = duties.ToDictionary(d => d.Id, d => d.Number);
        var byNumber = sums
            .Where(s => numbers.ContainsKey(s.DutyId))
            .GroupBy(s => numbers[s.DutyId])
            .ToDictionary(g => g.Key, g => (SignedOff: g.Sum(s => s.SignedOff), Accepted: g.Sum(s => s.WithAccepted), Any: g.Sum(s => s.WithEvidence)));
        var coverage = columns
            .Select(d =>
            {
                var figures = byNumber.GetValueOrDefault(d.Number);
                return new DutyCoverage(d.Number, d.Code, figures.SignedOff, figures.Accepted, figures.Any, total);
            })
            .ToList();
        return (total, columns, coverage);
    }

    private async Task<DashboardOptions> OptionsAsync(AppDbContext db, CancellationToken ct)
    {
        var provider = ProviderScope.Of(user);
        var cohorts = await db.Cohorts.AsNoTracking()
            .Where(c => c.TrainingProviderId == provider)
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Name)
            .ProjectToChoice()
            .ToListAsync(ct);
        var employers = await db.Employers.AsNoTracking()
            .Where(e => e.TrainingProviderId == provider)
            .OrderBy(e => e.Name)
            .ProjectToChoice()
            .ToListAsync(ct);
        var assessors = await PersonChoices.OrderedAsync(
            db.Assessors.AsNoTracking().Where(a => a.TrainingProviderId == provider)
                .Select(a => new PersonChoices.Row(a.Id, a.GivenName, a.FamilyName, a.NameOrder)),
            ct);
        return new DashboardOptions(cohorts, employers, assessors);
    }
}
