using ApprenticeTracker.Reports;

namespace ApprenticeTracker.Web.Features.Reports;

/// <summary>An enrolment the signed-in user may see the report of.</summary>
public sealed record ReportListItem(Guid EnrolmentId, string ApprenticeName, string? CohortName, EnrolmentStatus Status);

/// <summary>A cohort of the provider admin's organisation and the reports its bulk export holds.</summary>
public sealed record CohortExport(Guid CohortId, string Name, DateOnly StartDate, IReadOnlyList<ReportTarget> Targets);

/// <summary>A cohort as the export reads it, before its reports are added.</summary>
public sealed record CohortHeading(Guid Id, string Name, DateOnly StartDate);

/// <summary>What the report pages and downloads read, always through <see cref="AccessScopes.Enrolments"/>.</summary>
public sealed class ReportsQuery(IDbContextFactory<AppDbContext> factory, CurrentUser user, EpaReportBuilder builder)
{
    /// <summary>The apprentice's name when the user may see this enrolment's report; otherwise null.</summary>
    public async Task<string?> ApprenticeNameAsync(Guid enrolmentId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await (
            from e in AccessScopes.Enrolments(db, user).AsNoTracking()
            where e.Id == enrolmentId
            join a in db.Apprentices on e.ApprenticeId equals a.Id
            select PersonName.Full(a.GivenName, a.FamilyName, a.NameOrder)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The report for the HTML preview (without image data), or null when the user may not see it.</summary>
    public async Task<EpaReport?> PreviewAsync(Guid enrolmentId, CancellationToken ct)
    {
        return await ApprenticeNameAsync(enrolmentId, ct) is null
            ? null
            : await builder.BuildAsync(enrolmentId, withThumbnails: false, ct);
    }

    /// <summary>Every enrolment whose report the user may see.</summary>
    public async Task<IReadOnlyList<ReportListItem>> ListAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await (
            from e in AccessScopes.Enrolments(db, user).AsNoTracking()
            join a in db.Apprentices on e.ApprenticeId equals a.Id
            join c in db.Cohorts on e.CohortId equals (Guid?)c.Id into cohorts
            from c in cohorts.DefaultIfEmpty()
            select new { e.Id, a.GivenName, a.FamilyName, a.NameOrder, Cohort = c == null ? null : c.Name, e.Status }).ToListAsync(ct);
        return rows
            .OrderBy(r => r.FamilyName, PersonName.Order).ThenBy(r => r.GivenName, PersonName.Order)
            .Select(r => new ReportListItem(r.Id, PersonName.Full(r.GivenName, r.FamilyName, r.NameOrder), r.Cohort, r.Status))
            .ToList();
    }

    /// <summary>The provider admin's cohorts with the reports each export holds; empty for other roles.</summary>
    public async Task<IReadOnlyList<CohortExport>> CohortExportsAsync(CancellationToken ct)
    {
        if (!user.IsProviderAdmin || user.TrainingProviderId is not { } providerId)
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var cohorts = await db.Cohorts.AsNoTracking().Where(c => c.TrainingProviderId == providerId)
            .ProjectToCohortHeading().ToListAsync(ct);
        var targets = await TargetsAsync(db, cohorts.Select(c => c.Id).ToList(), ct);
        return cohorts
            .OrderByDescending(c => c.StartDate)
            .Select(c => new CohortExport(c.Id, c.Name, c.StartDate, targets.GetValueOrDefault(c.Id) ?? []))
            .ToList();
    }

    /// <summary>One cohort's export when it belongs to the provider admin's organisation; otherwise null.</summary>
    public async Task<CohortExport?> CohortExportAsync(Guid cohortId, CancellationToken ct)
    {
        if (!user.IsProviderAdmin || user.TrainingProviderId is not { } providerId)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId && c.TrainingProviderId == providerId)
            .ProjectToCohortHeading().SingleOrDefaultAsync(ct);
        if (cohort is null)
        {
            return null;
        }

        var targets = await TargetsAsync(db, [cohort.Id], ct);
        return new CohortExport(cohort.Id, cohort.Name, cohort.StartDate, targets.GetValueOrDefault(cohort.Id) ?? []);
    }

    private async Task<Dictionary<Guid, List<ReportTarget>>> TargetsAsync(AppDbContext db, List<Guid> cohortIds, CancellationToken ct)
    {
        var rows = await (
            from e in AccessScopes.Enrolments(db, user).AsNoTracking()
            where e.CohortId != null && cohortIds.Contains(e.CohortId.Value)
            join a in db.Apprentices on e.ApprenticeId equals a.Id
            select new { CohortId = e.CohortId!.Value, e.Id, a.GivenName, a.FamilyName, a.NameOrder }).ToListAsync(ct);
        return rows
            .GroupBy(r => r.CohortId)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(r => r.FamilyName, PersonName.Order).ThenBy(r => r.GivenName, PersonName.Order)
                    .Select(r => new ReportTarget(r.Id, PersonName.Full(r.GivenName, r.FamilyName, r.NameOrder))).ToList());
    }
}
