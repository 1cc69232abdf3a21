using ApprenticeTracker.Domain.Reviews;

namespace ApprenticeTracker.Web.Features.ProgressReviews;

/// <summary>
/// Adds the training provider's correction to a signed review, which itself cannot change; a form sent twice adds it once.
/// </summary>
public sealed class AddAddendumHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid reviewId, AddendumForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.ProgressReviews
            .Include(r => r.Signatures)
            .Include(r => r.Addenda)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == reviewId && AccessScopes.Enrolments(db, user).Any(e => e.Id == r.EnrolmentId), ct);
        var enrolment = review is null ? null : await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == review.EnrolmentId, ct);
        if (review is null || enrolment is null
            || enrolment.Status.IsFinal()
            || ReviewSteps.PartyOf(user, enrolment.ApprenticeId, enrolment.EmployerId) != ReviewParty.Provider)
        {
            return CommandResult.NotFound;
        }

        if (form.FormToken == Guid.Empty)
        {
            return CommandResult.Refused(null, "The form was incomplete. Open the review again.");
        }

        if (await ReviewSteps.UsedTokenAsync(db, form.FormToken, ct) is { } earlier)
        {
            return CommandResult.Done(earlier);
        }

        try
        {
            var now = time.GetUtcNow();
            review.AddAddendum(form.Text, user.AsActor(), now);
            return await ReviewSteps.SaveAnswerAsync(contexts, db, review, form.FormToken, now, ct);
        }
        catch (DomainException refused)
        {
            return CommandResult.Refused(refused, field => field == ProgressReview.Fields.Addendum ? nameof(AddendumForm.Text) : null);
        }
    }
}
