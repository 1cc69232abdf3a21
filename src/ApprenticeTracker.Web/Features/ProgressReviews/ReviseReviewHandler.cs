using ApprenticeTracker.Domain.Reviews;

namespace ApprenticeTracker.Web.Features.ProgressReviews;

/// <summary>Changes a review's draft before anyone has signed or declined it; the off-the-job figures are read again for its date.</summary>
public sealed class ReviseReviewHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid reviewId, ReviewForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = await db.ProgressReviews
            .Include(r => r.Actions)
            .Include(r => r.Signatures)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == reviewId && AccessScopes.Enrolments(db, user).Any(e => e.Id == r.EnrolmentId), ct);
        var enrolment = review is null ? null : await db.Enrolments.SingleAsync(e => e.Id == review.EnrolmentId, ct);
        if (review is null || enrolment is null || ReviewSteps.PartyOf(user, enrolment.ApprenticeId, enrolment.EmployerId) != ReviewParty.Provider)
        {
            return CommandResult.NotFound;
        }

        if (form.ConcurrencyStamp != review.ConcurrencyStamp)
        {
            return CommandResult.Conflict(concurrencyStamp: review.ConcurrencyStamp);
        }

        var errors = new FormErrors();
        var content = ReviewSteps.Read(form, errors);
        var today = time.Today();
        try
        {
            var offTheJob = await ReviewSteps.OffTheJobAsync(db, enrolment.Id, content.HeldOn ?? today, ct);
            review.Revise(enrolment, content, offTheJob, today, user.AsActor(), time.GetUtcNow());
            if (errors.Any)
            {
                return CommandResult.Refused(errors);
            }

            await db.SaveChangesAsync(ct);
            return CommandResult.Done(review.Id, review.ConcurrencyStamp);
        }
        catch (DomainException refused)
        {
            ReviewSteps.Add(errors, refused);
            return CommandResult.Refused(errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }
    }
}
