
namespace ApprenticeTracker.Web.Features.ProgressReviews;

/// <summary>
/// Records the signed-in person's signature of a review for the party they are (apprentice, employer contact, provider),
/// once their password confirms that they are the one signing (<see cref="PasswordSignature"/>). A form sent twice (a
/// double click) signs once; the third party's signature completes the review.
/// </summary>
public sealed class SignReviewHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, PasswordSignature signatures, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid reviewId, SignReviewForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await ReviewSteps.ReviewToAnswerAsync(db, user, reviewId, ct);
        if (found is null)
        {
            return CommandResult.NotFound;
        }

        var (review, party, apprenticeName) = found.Value;

        if (form.FormToken == Guid.Empty)
        {
            return CommandResult.Refused(null, "The form was incomplete. Open the review again and sign.");
        }

        if (await ReviewSteps.UsedTokenAsync(db, form.FormToken, ct) is { } earlier)
        {
            return CommandResult.Done(earlier);
        }

        if (form.ConcurrencyStamp != review.ConcurrencyStamp)
        {
            return CommandResult.Conflict();
        }

        if (await signatures.CheckAsync(form.Password, nameof(SignReviewForm.Password)) is { } refusedSignature)
        {
            return refusedSignature;
        }

        try
        {
            var now = time.GetUtcNow();
            review.Sign(party, await ReviewSteps.SignatoryAsync(db, user, party, ct), review.Declaration(apprenticeName), now);
            return await ReviewSteps.SaveAnswerAsync(contexts, db, review, form.FormToken, now, ct);
        }
        catch (DomainException refused)
        {
            return CommandResult.Refused(refused, _ => null);
        }
    }
}
