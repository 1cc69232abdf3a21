namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>Reads the submitted items of the signed-in assessor's apprentices whose records are open, the longest-waiting first.</summary>
public sealed class ReviewQueueQuery(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public async Task<IReadOnlyList<ReviewQueueItem>> RunAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);

        // Evidence of a withdrawn or completed apprenticeship is no longer reviewed, so it waits in no queue.
        // Inlined as constants (it never changes), so that EF Core caches the SQL instead of expanding a list
        // parameter into SQL again on every request.
        var closed = Enum.GetValues<EnrolmentStatus>().Where(s => s.IsFinal()).ToList();
        var found = await (
            from e in AccessScopes.Evidence(db, user)
            where e.Status == EvidenceStatus.Submitted
            join en in AccessScopes.Enrolments(db, user) on e.EnrolmentId equals en.Id
            where !EF.Constant(closed).Contains(en.Status)
            join a in db.Apprentices on en.ApprenticeId equals a.Id
            orderby e.SubmittedAt, e.Title
            select new { e.Id, e.EnrolmentId, a.GivenName, a.FamilyName, a.NameOrder, e.Title, e.Type, e.SubmittedAt, e.SubmissionCount })
            .AsNoTracking()
            .ToListAsync(ct);

        var now = time.GetUtcNow();
        return found
            .Select(e => new ReviewQueueItem
            {
                EvidenceId = e.Id,
                EnrolmentId = e.EnrolmentId,
                ApprenticeName = PersonName.Full(e.GivenName, e.FamilyName, e.NameOrder),
                Title = e.Title,
                Type = e.Type,
                SubmittedAt = e.SubmittedAt ?? now,
                SubmissionCount = e.SubmissionCount,
                DaysWaiting = e.SubmittedAt is { } at ? Math.Max(0, (int)(now - at).TotalDays) : 0,
            })
            .ToList();
    }
}
