using ApprenticeTracker.Domain.Enrolments;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>
/// Reads the cohort dashboard of the signed-in provider administrator's organisation. The evidence counts come from
/// the duty evidence counts the database keeps (<see cref="Persistence.ReadModels.DutyEvidenceCount"/>), not from
/// grouping every evidence-to-duty link on each request: the heat map reads them for the page's enrolments, the
/// coverage chart for the whole filtered set. Drafts are the apprentice's own and are never counted.
/// </summary>
public sealed class DashboardQuery(IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{

    /// <summary>How many rows the CSV export reads at a time.</summary>
    private const int ExportBatchSize = 500;

    public async Task<DashboardModel> RunAsync(DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var filtered = Filtered(db, filter);
        var total = await filtered.CountAsync(ct);
        var pageCount = Math.Max(1, (total + DashboardFilter.PageSize - 1) / DashboardFilter.PageSize);
        if (filter.Page > pageCount)
        {
            filter = filter with { Page = pageCount };
        }

        var duties = await DutyColumnsAsync(db, filtered, ct);
        var rows = await RowsAsync(db, filtered, filter.Sort, (filter.Page - 1) * DashboardFilter.PageSize, DashboardFilter.PageSize, ct);
        var coverage = await CoverageAsync(db, filtered, duties, total, ct);
        return new DashboardModel(filter, duties.Columns, rows, total, coverage, await OptionsAsync(db, ct));
    }

    /// <summary>Every row of the filtered set, in the chosen order, for the CSV export.</summary>
    public async Task<(IReadOnlyList<DutyColumn> Duties, IReadOnlyList<DashboardRow> Rows)> AllRowsAsync(DashboardFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var filtered = Filtered(db, filter);
        var duties = await DutyColumnsAsync(db, filtered, ct);
        var rows = new List<DashboardRow>();
        while (true)
        {
            var batch = await RowsAsync(db, filtered, filter.Sort, rows.Count, ExportBatchSize, ct);
            rows.AddRange(batch);
            if (batch.Count < ExportBatchSize)
            {
                return (duties.Columns, rows);
            }
        }
    }

    /// <summary>The choices of the filter form: my organisation's cohorts, employers and assessors.</summary>
    public async Task<DashboardOptions> OptionsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await OptionsAsync(db, ct);
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
        }

        return query;
    }

    private async Task<IReadOnlyList<DashboardRow>> RowsAsync(
        AppDbContext db, IQueryable<Enrolment> filtered, DashboardSort sort, int skip, int take, CancellationToken ct)
    {
        var projected =
            from e in filtered
            join apprentice in db.Apprentices on e.ApprenticeId equals apprentice.Id
            join employer in db.Employers on e.EmployerId equals employer.Id
            from cohort in db.Cohorts.Where(c => c.Id == e.CohortId).DefaultIfEmpty()
            select new
            {
                e.Id,
                e.StandardId,
                apprentice.GivenName,
                apprentice.FamilyName,
                Cohort = cohort.Name,
                Employer = employer.Name,
                e.Status,
                SignedOff = db.DutySignOffs.Count(s => s.EnrolmentId == e.Id && s.RevokedAt == null),
                LastEvidenceAt = db.EvidenceItems.Where(i => i.EnrolmentId == e.Id && i.Status != EvidenceStatus.Draft).Max(i => i.SubmittedAt),
            };
        var ordered = sort switch
        {
            DashboardSort.Progress => projected.OrderByDescending(r => r.SignedOff).ThenBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id),
            DashboardSort.LastEvidence => projected.OrderByDescending(r => r.LastEvidenceAt).ThenBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id),
            _ => projected.OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName).ThenBy(r => r.Id),
        };
        var page = await ordered.Skip(skip).Take(take).ToListAsync(ct);
        if (page.Count == 0)
        {
            return [];
        }

        var ids = page.Select(r => r.Id).ToList();
        var counts = await (
                from count in AccessScopes.DutyEvidenceCounts(db, user)
                join duty in db.Duties on count.DutyId equals duty.Id
                where ids.Contains(count.EnrolmentId)
                select new { count.EnrolmentId, duty.Number, count.Accepted, count.Submitted, count.ReferredBack })
            .ToListAsync(ct);
        var signedOff = await (
                from s in db.DutySignOffs
                join duty in db.Duties on s.DutyId equals duty.Id
                where ids.Contains(s.EnrolmentId) && s.RevokedAt == null
                select new { s.EnrolmentId, duty.Number })
            .ToListAsync(ct);
        var assessors = await (
                from a in db.AssessorAssignments
                join person in db.Assessors on a.AssessorId equals person.Id
                where ids.Contains(a.EnrolmentId) && a.EndedAt == null
                orderby person.FamilyName, person.GivenName
                select new { a.EnrolmentId, person.GivenName, person.FamilyName })
            .ToListAsync(ct);
        var standardIds = page.Select(r => r.StandardId).Distinct().ToList();
        var dutyCounts = await db.Duties
            .Where(d => standardIds.Contains(d.StandardId))
            .GroupBy(d => d.StandardId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var signed = signedOff.Select(s => (s.EnrolmentId, s.Number)).ToHashSet();
        var cells = counts.ToLookup(c => c.EnrolmentId);
        var signedByEnrolment = signedOff.ToLookup(s => s.EnrolmentId);
        var assessorsByEnrolment = assessors.ToLookup(a => a.EnrolmentId, a => $"{a.GivenName} {a.FamilyName}");
        return page.Select(r =>
        {
            var rowCells = new Dictionary<int, DutyCell>();
            foreach (var c in cells[r.Id])
            {
                rowCells[c.Number] = new DutyCell(signed.Contains((r.Id, c.Number)), c.Accepted, c.Submitted, c.ReferredBack);
            }

            // A sign-off outlives the evidence count only if the evidence was withdrawn from view; show it all the same.
            foreach (var s in signedByEnrolment[r.Id].Where(s => !rowCells.ContainsKey(s.Number)))
            {
                rowCells[s.Number] = DutyCell.Empty with { SignedOff = true };
            }

            return new DashboardRow(
                r.Id,
                $"{r.GivenName} {r.FamilyName}",
                r.Cohort,
                r.Employer,
                assessorsByEnrolment[r.Id].ToList(),
                r.Status,
                r.SignedOff,
                dutyCounts.GetValueOrDefault(r.StandardId),
                r.LastEvidenceAt,
                rowCells);
        }).ToList();
    }

    private static async Task<(IReadOnlyList<DutyColumn> Columns, int Count)> DutyColumnsAsync(AppDbContext db, IQueryable<Enrolment> filtered, CancellationToken ct)
    {
        var standardIds = filtered.Select(e => e.StandardId).Distinct();
        var duties = await db.Duties
            .AsNoTracking()
            .Where(d => standardIds.Contains(d.StandardId))
            .ProjectToDutyColumn()
            .ToListAsync(ct);

        // Enrolments on different versions share duty numbers; the column shows the first version's wording.
        var columns = duties
            .GroupBy(d => d.Number)
            .OrderBy(g => g.Key)
            .Select(g => g.First())
            .ToList();
        return (columns, columns.Count);
    }

    private async Task<IReadOnlyList<DutyCoverage>> CoverageAsync(
        AppDbContext db, IQueryable<Enrolment> filtered, (IReadOnlyList<DutyColumn> Columns, int Count) duties, int total, CancellationToken ct)
    {
        // Grouped by duty id, a column of the table read, so that SQLite answers from one pass over the counts; a duty id
        // belongs to one standard version, so each enrolment has at most one row per duty number. Joins, not IN
        // (subquery): EF Core 6 turns a GROUP BY over the latter into a correlated subquery per group.
        var withEvidence = await (
                from count in AccessScopes.DutyEvidenceCounts(db, user)
                join enrolment in filtered on count.EnrolmentId equals enrolment.Id
                group count by count.DutyId into g
                select new { DutyId = g.Key, Enrolments = g.Count(), WithAccepted = g.Sum(c => c.Accepted > 0 ? 1 : 0) })
            .ToListAsync(ct);
        var signedOff = await (
                from signOff in db.DutySignOffs
                join enrolment in filtered on signOff.EnrolmentId equals enrolment.Id
                where signOff.RevokedAt == null
                group signOff by signOff.DutyId into g
                select new { DutyId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var standardIds = filtered.Select(e => e.StandardId).Distinct();
        var numbers = await db.Duties.Where(d => standardIds.Contains(d.StandardId)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);

        // Enrolments on different versions of a standard meet in one column per duty number.
        var evidenceByNumber = withEvidence
            .GroupBy(x => numbers.GetValueOrDefault(x.DutyId))
            .ToDictionary(g => g.Key, g => (Any: g.Sum(x => x.Enrolments), Accepted: g.Sum(x => x.WithAccepted)));
        var signedOffByNumber = signedOff
            .GroupBy(x => numbers.GetValueOrDefault(x.DutyId))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        return duties.Columns
            .Select(d => new DutyCoverage(
                d.Number,
                d.Code,
                signedOffByNumber.GetValueOrDefault(d.Number),
                evidenceByNumber.GetValueOrDefault(d.Number).Accepted,
                evidenceByNumber.GetValueOrDefault(d.Number).Any,
                total))
            .ToList();
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
        var assessors = await db.Assessors.AsNoTracking()
            .Where(a => a.TrainingProviderId == provider)
            .OrderBy(a => a.FamilyName).ThenBy(a => a.GivenName)
            .Select(a => new Choice(a.Id, a.GivenName + " " + a.FamilyName))
            .ToListAsync(ct);
        return new DashboardOptions(cohorts, employers, assessors);
    }
}
