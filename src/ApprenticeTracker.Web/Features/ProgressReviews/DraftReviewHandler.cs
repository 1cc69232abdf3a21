using ApprenticeTracker.Domain.Reviews;
using ApprenticeTracker.Persistence.Forms;

namespace ApprenticeTracker.Web.Features.ProgressReviews;

/// <summary>
/// Records a new progress review of an apprentice of the signed-in assessor's caseload (or the provider administrator's
/// provider), its off-the-job figures read from the log; a form sent twice creates the review once.
/// </summary>
public sealed class DraftReviewHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid enrolmentId, ReviewForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await AccessScopes.Enrolments(db, user).SingleOrDefaultAsync(e => e.Id == enrolmentId, ct);
        if (enrolment is null || ReviewSteps.PartyOf(user, enrolment.ApprenticeId, enrolment.EmployerId) != ReviewParty.Provider)
        {
            return CommandResult.NotFound;
        }

        if (form.FormToken == Guid.Empty)
        {
            return CommandResult.Refused(null, "The form was incomplete. Open the form again and re-enter the review.");
        }

        if (await ReviewSteps.UsedTokenAsync(db, form.FormToken, ct) is { } earlier)
        {
            return CommandResult.Done(earlier);
        }

        var errors = new FormErrors();
        var content = ReviewSteps.Read(form, errors);
        var today = time.Today();
        var now = time.GetUtcNow();
        try
        {
            var offTheJob = await ReviewSteps.OffTheJobAsync(db, enrolmentId, content.HeldOn ?? today, ct);
            var review = ProgressReview.Draft(enrolment, content, offTheJob, today, user.AsActor(), now);
            if (errors.Any)
            {
                return CommandResult.Refused(errors);
            }

            db.ProgressReviews.Add(review);
            db.FormSubmissions.Add(new FormSubmission(form.FormToken, review.Id, now));
            await db.SaveChangesAsync(ct);
            return CommandResult.Done(review.Id);
        }
        catch (DomainException refused)
        {
            ReviewSteps.Add(errors, refused);
            return CommandResult.Refused(errors);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Two submissions of one form raced, and the database refused the second token: the first one's review stands.
            await using var again = await contexts.CreateDbContextAsync(CancellationToken.None);
            if (await ReviewSteps.UsedTokenAsync(again, form.FormToken, CancellationToken.None) is { } winner)
            {
                return CommandResult.Done(winner);
            }

            throw;
        }
    }
}
