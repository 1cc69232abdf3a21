using ApprenticeTracker.Domain.Reviews;
using ApprenticeTracker.Persistence.Reviews;
using ApprenticeTracker.Reports;
using ApprenticeTracker.Web.Settings;

namespace ApprenticeTracker.Web.Features.ProgressReviews;

/// <summary>
/// Reads progress reviews for the feature's pages, every load through <see cref="AccessScopes"/>: a review of an
/// enrolment the user may not see is not found. Changes nothing.
/// </summary>
public sealed class ProgressReviewQueries(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    /// <summary>An apprentice's reviews and when the next is due; null when the enrolment is not the user's to see.</summary>
    public async Task<EnrolmentReviewsModel?> EnrolmentAsync(Guid enrolmentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var heading = await ReviewSteps.HeadingAsync(db, user, enrolmentId, ct);
        if (heading is null)
        {
            return null;
        }

        var due = await ReviewDueReader.ForOneAsync(db, AccessScopes.Enrolments(db, user), enrolmentId, time.Today(), ct);
        var reviews = await db.ProgressReviews.AsNoTracking()
            .Where(r => r.EnrolmentId == enrolmentId)
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.DraftedAt)
            .Select(r => new ReviewRow(
                r.Id, r.HeldOn, r.NextReviewOn,
                r.Signatures.Count(s => s.DeclineReason == null),
                r.Signatures.Count(s => s.DeclineReason != null),
                r.CompletedAt != null))
            .ToListAsync(ct);
        var agreed = await db.ProgressReviews.AsNoTracking()
            .Where(r => r.EnrolmentId == enrolmentId && r.CompletedAt != null && r.HeldOn == due!.LastHeldOn)
            .Select(r => r.AgreedIntervalWeeks)
            .FirstOrDefaultAsync(ct);
        var rule = agreed is { } weeks
            ? $"An interval of {weeks.ToString(CultureInfo.InvariantCulture)} weeks agreed with the employer at the last review."
            : ProgressReviewRules.For(heading.StartDate).Summary;
        var canDraft = await CanDraftAsync(db, enrolmentId, ct);
        return new EnrolmentReviewsModel(heading, due!, rule, canDraft, reviews);
    }

    /// <summary>
    /// The home pages' list: every apprentice the user may see whose review is overdue or due soon (by
    /// <paramref name="options"/>), waits for the user's signature, or was completed in the last
    /// <see cref="RecentDays"/> days; an apprentice sees their own always. Overdue first, then by due date.
    /// </summary>
    public async Task<IReadOnlyList<ReviewsDueRow>> DueForMeAsync(ReviewOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = time.Today();
        var scope = AccessScopes.Enrolments(db, user);
        var dues = await ReviewDueReader.ForAsync(db, scope, today, ct);
        var people = await (
                from e in scope
                join a in db.Apprentices on e.ApprenticeId equals a.Id
                select new { e.Id, e.ApprenticeId, e.EmployerId, a.GivenName, a.FamilyName, a.NameOrder })
            .AsNoTracking()
            .ToDictionaryAsync(x => x.Id, ct);
        var open = await (
                from r in db.ProgressReviews
                where scope.Any(e => e.Id == r.EnrolmentId) && r.CompletedAt == null
                select new { r.Id, r.EnrolmentId, r.HeldOn, Signed = r.Signatures.Where(s => s.DeclineReason == null).Select(s => s.Party).ToList() })
            .AsNoTracking()
            .ToListAsync(ct);
        var completed = await (
                from r in db.ProgressReviews
                where scope.Any(e => e.Id == r.EnrolmentId) && r.CompletedAt != null
                select new { r.Id, r.EnrolmentId, r.HeldOn })
            .AsNoTracking()
            .ToListAsync(ct);
        var lastIds = completed.GroupBy(r => r.EnrolmentId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.HeldOn)!.Id);

        var rows = new List<ReviewsDueRow>();
        foreach (var (id, due) in dues)
        {
            var person = people[id];
            var party = ReviewSteps.PartyOf(user, person.ApprenticeId, person.EmployerId);
            var awaiting = party is { } p
                ? open.Where(r => r.EnrolmentId == id && !r.Signed.Contains(p)).OrderByDescending(r => r.HeldOn).Select(r => (Guid?)r.Id).FirstOrDefault()
                : null;
            var red = options.IsRed(due);
            var amber = options.IsAmber(due, today);
            var recent = due.LastHeldOn is { } last && last.AddDays(RecentDays) >= today;
            if (red || amber || awaiting is not null || recent || party == ReviewParty.Apprentice)
            {
                rows.Add(new ReviewsDueRow(id, PersonName.Full(person.GivenName, person.FamilyName, person.NameOrder), due, lastIds.TryGetValue(id, out var lastId) ? lastId : null, awaiting, red, amber));
            }
        }

        return rows
            .OrderByDescending(r => r.Red).ThenByDescending(r => r.AwaitingYou is not null).ThenByDescending(r => r.Amber)
            .ThenBy(r => r.Due.NextDue ?? DateOnly.MaxValue)
            .ThenBy(r => r.ApprenticeName, PersonName.Order)
            .ToList();
    }

    /// <summary>How long a completed review stays in the home pages' list, in days.</summary>
    public const int RecentDays = 30;

    /// <summary>One review with what the user may do with it; null when it is not theirs to see.</summary>
    public async Task<ReviewDetailModel?> ReviewAsync(Guid reviewId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.ProgressReviews.AsNoTracking()
            .Include(r => r.Actions)
            .Include(r => r.Signatures)
            .Include(r => r.Addenda)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == reviewId && AccessScopes.Enrolments(db, user).Any(e => e.Id == r.EnrolmentId), ct);
        if (review is null)
        {
            return null;
        }

        var heading = await ReviewSteps.HeadingAsync(db, user, review.EnrolmentId, ct);
        var parties = await db.Enrolments.Where(e => e.Id == review.EnrolmentId).Select(e => new { e.ApprenticeId, e.EmployerId }).SingleAsync(ct);
        var party = ReviewSteps.PartyOf(user, parties.ApprenticeId, parties.EmployerId);
        var providerSide = party == ReviewParty.Provider && !heading!.Status.IsFinal();
        return new ReviewDetailModel(heading!, review, party, providerSide && !review.IsLocked, providerSide && review.IsLocked);
    }

    /// <summary>A review with the names its paper copy shows; null when it is not the user's to see.</summary>
    public async Task<(ProgressReviewParties Parties, ProgressReview Review)?> PaperCopyAsync(Guid reviewId, CancellationToken ct)
    {
        var detail = await ReviewAsync(reviewId, ct);
        if (detail is null)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var names = await (
                from e in db.Enrolments
                where e.Id == detail.Heading.EnrolmentId
                join p in db.TrainingProviders on e.TrainingProviderId equals p.Id
                join s in db.Standards on e.StandardId equals s.Id
                select new { Provider = p.Name, s.ReferenceNumber, s.Version, s.Title })
            .AsNoTracking()
            .SingleAsync(ct);
        var standard = $"{names.ReferenceNumber} v{names.Version}: {names.Title}";
        return (new ProgressReviewParties(detail.Heading.ApprenticeName, detail.Heading.EmployerName, names.Provider, standard), detail.Review);
    }

    /// <summary>
    /// The draft page of a new review, filled from the records; null when the enrolment is not the user's or they may
    /// not draft its reviews.
    /// </summary>
    public async Task<(DraftReviewModel Model, ReviewForm Form)?> NewDraftAsync(Guid enrolmentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var heading = await ReviewSteps.HeadingAsync(db, user, enrolmentId, ct);
        if (heading is null || !await CanDraftAsync(db, enrolmentId, ct))
        {
            return null;
        }

        var today = time.Today();
        var model = await ModelAsync(db, heading, null, today, ct);
        var form = new ReviewForm
        {
            HeldOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DutyProgress = await ReviewSteps.DutyProgressAsync(db, enrolmentId, ct),
            NextReviewOn = model.LatestNextReview?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FormToken = Guid.NewGuid(),
        };
        return (model, form);
    }

    /// <summary>The draft page of a review nobody has signed; null when it is not the user's to change.</summary>
    public async Task<(DraftReviewModel Model, ReviewForm Form)?> EditDraftAsync(Guid reviewId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.ProgressReviews.AsNoTracking()
            .Include(r => r.Actions)
            .Include(r => r.Signatures)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == reviewId && AccessScopes.Enrolments(db, user).Any(e => e.Id == r.EnrolmentId), ct);
        if (review is null || review.IsLocked || !await CanDraftAsync(db, review.EnrolmentId, ct))
        {
            return null;
        }

        var heading = await ReviewSteps.HeadingAsync(db, user, review.EnrolmentId, ct);
        var model = await ModelAsync(db, heading!, review.Id, review.HeldOn, ct);
        return (model with { OffTheJob = new ReviewOffTheJob(review.OffTheJobPlannedMinutes, review.OffTheJobActualMinutes) }, ReviewSteps.FormOf(review));
    }

    private static async Task<DraftReviewModel> ModelAsync(AppDbContext db, ReviewHeading heading, Guid? reviewId, DateOnly on, CancellationToken ct)
    {
        var offTheJob = await ReviewSteps.OffTheJobAsync(db, heading.EnrolmentId, on, ct);
        var last = await db.ProgressReviews.AsNoTracking()
            .Include(r => r.Actions)
            .Where(r => r.EnrolmentId == heading.EnrolmentId && r.CompletedAt != null && r.Id != reviewId)
            .OrderByDescending(r => r.HeldOn)
            .FirstOrDefaultAsync(ct);
        var rules = ProgressReviewRules.For(heading.StartDate);
        return new DraftReviewModel(heading, reviewId, offTheJob, rules.Summary, rules.DueAfter(on), last?.Actions ?? []);
    }

    /// <summary>True when the user drafts reviews of this enrolment: its assessor or provider administrator, while the record is open.</summary>
    private async Task<bool> CanDraftAsync(AppDbContext db, Guid enrolmentId, CancellationToken ct)
    {
        var enrolment = await AccessScopes.Enrolments(db, user).Where(e => e.Id == enrolmentId)
            .Select(e => new { e.ApprenticeId, e.EmployerId, e.Status })
            .SingleOrDefaultAsync(ct);
        return enrolment is not null
            && !enrolment.Status.IsFinal()
            && ReviewSteps.PartyOf(user, enrolment.ApprenticeId, enrolment.EmployerId) == ReviewParty.Provider;
    }
}
