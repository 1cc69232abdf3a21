using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Persistence.OffTheJob;

/// <summary>
/// Reads an enrolment's off-the-job plan and entries and lets the domain compute its progress: the one read that the
/// gateway checklist, the provider's pages and the end-point assessment report share. It does not check who may see
/// the enrolment; its callers have done that.
/// </summary>
public static class OffTheJobReader
{
    /// <summary>The progress of one enrolment on <paramref name="today"/>, or null when there is no such enrolment.</summary>
    public static async Task<OffTheJobProgress?> ProgressAsync(AppDbContext db, Guid enrolmentId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await (
                from e in db.Enrolments.AsNoTracking()
                where e.Id == enrolmentId
                join s in db.Standards on e.StandardId equals s.Id
                select new { e.StartDate, e.PlannedEndDate, e.GatewayPassedOn, e.ContractedHoursPerWeek, s.OffTheJobMinimumHours, e.PriorLearningMinutes })
            .SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var figures = await db.OffTheJobEntries.AsNoTracking()
            .Where(x => x.EnrolmentId == enrolmentId)
            .Select(x => new { x.ActivityDate, x.Minutes, x.Status })
            .ToListAsync(ct);
        return OffTheJobProgress.Compute(
            new OffTheJobPlan(plan.StartDate, plan.PlannedEndDate, plan.GatewayPassedOn, plan.ContractedHoursPerWeek, plan.OffTheJobMinimumHours, plan.PriorLearningMinutes),
            figures.Select(f => new OffTheJobFigure(f.ActivityDate, f.Minutes, f.Status)),
            today);
    }
}
