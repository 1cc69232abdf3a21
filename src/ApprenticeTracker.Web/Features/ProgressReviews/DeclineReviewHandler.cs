using ApprenticeTracker.Domain.Reviews;

namespace ApprenticeTracker.Web.Features.ProgressReviews;

/// <summary>
/// Records that the signed-in person declines to sign a review for their party, with the reason, confirmed by their
/// password as a signature is. The review stays incomplete; the decline stays on record.
/// </summary>
public sealed class DeclineReviewHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PasswordSignature signatures, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid reviewId, DeclineReviewForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await ReviewSteps.ReviewToAnswerAsync(db, user, reviewId, ct);
        if (found is null)
        {
            return CommandResult.NotFound;
        }

        var (review, party, _) = found.Value;

        if (form.FormToken == Guid.Empty)
        {
            return CommandResult.Refused(null, "The form was incomplete. Open the review again.");
        }

        if (await ReviewSteps.UsedTokenAsync(db, form.FormToken, ct) is { } earlier)
        {
            return CommandResult.Done(earlier);
        }

        if (form.ConcurrencyStamp != review.ConcurrencyStamp)
        {
            return CommandResult.Conflict();
        }

        if (string.IsNullOrWhiteSpace(form.Reason))
        {
            return CommandResult.Refused(nameof(DeclineReviewForm.Reason), "Enter the reason you decline to sign.");
        }

        if (await signatures.CheckAsync(form.Password, "DeclinePassword") is { } refusedSignature)
        {
            return refusedSignature;
        }

        try
        {
            var now = time.GetUtcNow();
            review.Decline(party, await ReviewSteps.SignatoryAsync(db, user, party, ct), form.Reason, now);
            return await ReviewSteps.SaveAnswerAsync(contexts, db, review, form.FormToken, now, ct);
        }
        catch (DomainException refused)
        {
            return CommandResult.Refused(refused, field => field == ProgressReview.Fields.DeclineReason ? nameof(DeclineReviewForm.Reason) : null);
        }
    }
}
