using ApprenticeTracker.Web.Features.Assessor;
using ApprenticeTracker.Web.Features.Evidence;
using ApprenticeTracker.Web.Features.Provider;

namespace ApprenticeTracker.Web.Features.WhatsNew;

/// <summary>
/// What is new for the signed-in person since their seen mark (never older than <see cref="Window"/>): for an assessor,
/// items waiting for their review; for an apprentice, decisions on their evidence; for a provider administrator, duties
/// signed off or revoked in their provider. An account in several roles gets each role's. Everything through
/// <see cref="AccessScopes"/>, so nothing appears that a page would not show.
/// </summary>
public sealed class WhatsNewQuery(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    /// <summary>How far back "new" reaches for someone who has never marked anything seen, or not for a long time.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>The most the page lists; the count in the header is exact.</summary>
    public const int MaxItems = 100;

    public async Task<WhatsNewList> ListAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!user.IsSignedIn)
        {
            return new WhatsNewList([], now, now);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var since = await SinceAsync(db, now, ct);
        var items = new List<WhatsNewItem>();
        if (user.IsAssessor)
        {
            var waiting = await ToReview(db, since)
                .OrderByDescending(x => x.Item.SubmittedAt).Take(MaxItems)
                .Select(x => new { x.Item.Id, x.Item.Title, x.Item.SubmittedAt, x.Item.SubmissionCount, x.Apprentice.GivenName, x.Apprentice.FamilyName, x.Apprentice.NameOrder })
                .ToListAsync(ct);
            items.AddRange(waiting.Select(w => new WhatsNewItem(
                w.SubmittedAt ?? now, w.SubmissionCount > 1 ? "Resubmitted for your review" : "Submitted for your review",
                w.Title, AssessorRoutes.Review(w.Id), PersonName.Full(w.GivenName, w.FamilyName, w.NameOrder))));
        }

        if (user.IsApprentice)
        {
            var decisions = await Decisions(db, since)
                .OrderByDescending(r => r.ReviewedAt).Take(MaxItems)
                .Select(r => new { r.ReviewedAt, r.Decision, r.AssessorName, Item = r.EvidenceItemId, r.Title })
                .ToListAsync(ct);
            items.AddRange(decisions.Select(d => new WhatsNewItem(
                d.ReviewedAt, d.Decision == ReviewDecision.Accepted ? $"Accepted by {d.AssessorName}" : $"Referred back by {d.AssessorName}",
                d.Title, EvidenceRoutes.Detail(d.Item), null)));
        }

        if (user.IsProviderAdmin)
        {
            var signOffs = await SignOffChanges(db, since)
                .OrderByDescending(s => s.At).Take(MaxItems)
                .ToListAsync(ct);
            items.AddRange(signOffs.Select(s => new WhatsNewItem(
                s.At, s.Revoked ? $"Sign-off revoked by {s.By}" : $"Signed off by {s.By}",
                $"{s.DutyCode} {s.Statement}", ProviderRoutes.Enrolment(s.EnrolmentId), PersonName.Full(s.GivenName, s.FamilyName, s.NameOrder))));
        }

        return new WhatsNewList(items.OrderByDescending(i => i.At).Take(MaxItems).ToList(), since, now);
    }

    /// <summary>How many things are new: what the header shows.</summary>
    public async Task<int> CountAsync(CancellationToken ct)
    {
        if (!user.IsSignedIn)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var since = await SinceAsync(db, time.GetUtcNow(), ct);
        var count = 0;
        if (user.IsAssessor)
        {
            count += await ToReview(db, since).CountAsync(ct);
        }

        if (user.IsApprentice)
        {
            count += await Decisions(db, since).CountAsync(ct);
        }

        if (user.IsProviderAdmin)
        {
            count += await SignOffChanges(db, since).CountAsync(ct);
        }

        return count;
    }

    private async Task<DateTimeOffset> SinceAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var windowStart = now - Window;
        var mark = await db.SeenMarks.AsNoTracking().Where(m => m.UserId == user.UserId).Select(m => (DateTimeOffset?)m.SeenUpTo).SingleOrDefaultAsync(ct);
        return mark is { } seen && seen > windowStart ? seen : windowStart;
    }

    private IQueryable<WaitingItem> ToReview(AppDbContext db, DateTimeOffset since)
    {
        // Evidence of a closed apprenticeship waits in no queue (as ReviewQueueQuery), so it is not new either.
        var closed = Enum.GetValues<EnrolmentStatus>().Where(s => s.IsFinal()).ToList();
        return from e in AccessScopes.Evidence(db, user).AsNoTracking()
               where e.Status == EvidenceStatus.Submitted && e.SubmittedAt > since
               join en in AccessScopes.Enrolments(db, user) on e.EnrolmentId equals en.Id
               where !EF.Constant(closed).Contains(en.Status)
               join a in db.Apprentices on en.ApprenticeId equals a.Id
               select new WaitingItem { Item = e, Apprentice = a };
    }

    private IQueryable<DecisionRow> Decisions(AppDbContext db, DateTimeOffset since) =>
        from r in db.EvidenceReviews.AsNoTracking()
        where r.ReviewedAt > since
        join e in AccessScopes.Evidence(db, user) on r.EvidenceItemId equals e.Id
        join en in db.Enrolments on e.EnrolmentId equals en.Id
        where en.ApprenticeId == user.ApprenticeId
        select new DecisionRow { ReviewedAt = r.ReviewedAt, Decision = r.Decision, AssessorName = r.AssessorName, EvidenceItemId = e.Id, Title = e.Title };

    private IQueryable<SignOffChange> SignOffChanges(AppDbContext db, DateTimeOffset since) =>
        from s in db.DutySignOffs.AsNoTracking()
        where s.SignedAt > since || s.RevokedAt > since
        join en in AccessScopes.Enrolments(db, user) on s.EnrolmentId equals en.Id
        where en.TrainingProviderId == user.TrainingProviderId
        join a in db.Apprentices on en.ApprenticeId equals a.Id
        join d in db.Duties on s.DutyId equals d.Id
        select new SignOffChange
        {
            At = s.RevokedAt ?? s.SignedAt,
            Revoked = s.RevokedAt != null,
            By = s.RevokedAt != null ? s.RevokedByName! : s.AssessorName,
            DutyCode = d.Code,
            Statement = d.Statement,
            EnrolmentId = en.Id,
            GivenName = a.GivenName,
            FamilyName = a.FamilyName,
            NameOrder = a.NameOrder,
        };

    private sealed class WaitingItem
    {
        public required EvidenceItem Item { get; init; }

        public required Apprentice Apprentice { get; init; }
    }

    private sealed class DecisionRow
    {
        public DateTimeOffset ReviewedAt { get; init; }

        public ReviewDecision Decision { get; init; }

        public required string AssessorName { get; init; }

        public Guid EvidenceItemId { get; init; }

        public required string Title { get; init; }
    }

    private sealed class SignOffChange
    {
        public DateTimeOffset At { get; init; }

        public bool Revoked { get; init; }

        public required string By { get; init; }

        public required string DutyCode { get; init; }

        public required string Statement { get; init; }

        public Guid EnrolmentId { get; init; }

        public required string GivenName { get; init; }

        public required string FamilyName { get; init; }

        public required NameOrder NameOrder { get; init; }
    }
}
