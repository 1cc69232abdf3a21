namespace ApprenticeTracker.Web.Features.Assessor;

/// <summary>
/// Reads one evidence item of the signed-in assessor's apprentices in full; null when it is not theirs to see
/// (another assessor's apprentice, another provider's, or a draft, which only its apprentice sees).
/// </summary>
public sealed class ReviewQuery(IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{
    public async Task<ReviewModel?> RunAsync(Guid evidenceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await AccessScopes.Evidence(db, user)
            .AsNoTracking()
            .Where(e => e.Id == evidenceId && e.Status != EvidenceStatus.Draft)
            .ProjectToReviewItem()
            .SingleOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var heading = await ApprenticeHeadings.Of(db, AccessScopes.Enrolments(db, user).Where(en => en.Id == item.EnrolmentId))
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (heading is null)
        {
            return null;
        }

        var dutyIds = db.EvidenceItems.Where(e => e.Id == evidenceId).SelectMany(e => e.Duties).Select(d => d.DutyId);
        var duties = await db.Duties
            .AsNoTracking()
            .Where(d => dutyIds.Contains(d.Id))
            .OrderBy(d => d.Number)
            .ProjectToReviewDuty()
            .ToListAsync(ct);
        var attachments = await db.Attachments
            .AsNoTracking()
            .Where(a => a.EvidenceItemId == evidenceId)
            .OrderBy(a => a.UploadedAt)
            .ProjectToReviewAttachment()
            .ToListAsync(ct);
        var history = await db.EvidenceReviews
            .AsNoTracking()
            .Where(r => r.EvidenceItemId == evidenceId)
            .OrderBy(r => r.ReviewedAt)
            .ProjectToReviewHistoryEntry()
            .ToListAsync(ct);

        return new ReviewModel
        {
            Apprentice = heading,
            EvidenceId = item.Id,
            Title = item.Title,
            Type = item.Type,
            ActivityDate = item.ActivityDate,
            Description = item.Description,
            Status = item.Status,
            SubmittedAt = item.SubmittedAt,
            SubmissionCount = item.SubmissionCount,
            RevisionNumber = item.RevisionNumber,
            ConcurrencyStamp = item.ConcurrencyStamp,
            Duties = duties,
            Attachments = attachments,
            History = history,
        };
    }
}
