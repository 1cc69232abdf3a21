using ApprenticeTracker.Domain.Reviews;

namespace ApprenticeTracker.Persistence.Reviews;

/// <summary>Where an enrolment stands with its progress reviews on a day.</summary>
/// <param name="LastHeldOn">The day of the last completed review (all three signed); null before the first.</param>
/// <param name="NextDue">The last day by which the next review is due; null when none is due (<see cref="ReviewSchedule.NextDue"/>).</param>
/// <param name="OverdueDays">Days past <paramref name="NextDue"/>; 0 when not overdue.</param>
/// <param name="OpenReviewId">The latest review still waiting for signatures, if any.</param>
public sealed record ReviewDue(Guid EnrolmentId, DateOnly? LastHeldOn, DateOnly? NextDue, int OverdueDays, Guid? OpenReviewId)
{
    public bool IsOverdue => OverdueDays > 0;
}

/// <summary>
/// Reads when the next progress review of each enrolment is due, from its last completed review and the dated rules: the
/// one read the home pages, the caseload, the CSV export and the reports share. It does not check who may see the
/// enrolments; callers pass a query that <c>AccessScopes</c> has scoped.
/// </summary>
public static class ReviewDueReader
{
    public static async Task<Dictionary<Guid, ReviewDue>> ForAsync(AppDbContext db, IQueryable<Enrolment> enrolments, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Each value its own scalar sub-query: SQLite has no APPLY for a sub-query that returns a row.
        var rows = await (
                from e in enrolments
                select new
                {
                    e.Id,
                    e.StartDate,
                    e.Status,
                    LastHeldOn = db.ProgressReviews.Where(r => r.EnrolmentId == e.Id && r.CompletedAt != null).Max(r => (DateOnly?)r.HeldOn),
                    AgreedWeeks = db.ProgressReviews.Where(r => r.EnrolmentId == e.Id && r.CompletedAt != null)
                        .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.CompletedAt).Select(r => r.AgreedIntervalWeeks).FirstOrDefault(),
                    AgreedReason = db.ProgressReviews.Where(r => r.EnrolmentId == e.Id && r.CompletedAt != null)
                        .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.CompletedAt).Select(r => r.AgreedIntervalReason).FirstOrDefault(),
                    OpenReviewId = db.ProgressReviews.Where(r => r.EnrolmentId == e.Id && r.CompletedAt == null)
                        .OrderByDescending(r => r.HeldOn).Select(r => (Guid?)r.Id).FirstOrDefault(),
                })
            .AsNoTracking()
            .ToListAsync(ct);
        return rows.ToDictionary(
            r => r.Id,
            r =>
            {
                var agreed = r.AgreedWeeks is { } weeks && r.AgreedReason is { } reason ? AgreedReviewInterval.Of(weeks, reason) : null;
                var due = ReviewSchedule.NextDue(r.StartDate, r.Status, r.LastHeldOn, agreed);
                return new ReviewDue(r.Id, r.LastHeldOn, due, ReviewSchedule.OverdueDays(due, today), r.OpenReviewId);
            });
    }

    /// <summary>One enrolment's; null when the query does not hold it.</summary>
    public static async Task<ReviewDue?> ForOneAsync(AppDbContext db, IQueryable<Enrolment> enrolments, Guid enrolmentId, DateOnly today, CancellationToken ct) =>
        (await ForAsync(db, enrolments.Where(e => e.Id == enrolmentId), today, ct)).GetValueOrDefault(enrolmentId);
}
