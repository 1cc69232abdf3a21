using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>Deletes a draft of the signed-in apprentice, with the files only it used.</summary>
public sealed class DeleteEvidenceHandler(IDbContextFactory<AppDbContext> contexts, EvidenceFileStore files, TimeProvider time)
{
    /// <returns>The outcome; <see cref="SaveOutcome.Saved"/> when the draft is gone.</returns>
    public async Task<SaveEvidenceResult> DeleteAsync(CurrentUser user, Guid itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await ApprenticeEnrolment.FindAsync(db, user, ct);
        var item = enrolment is null
            ? null
            : await AccessScopes.Evidence(db, user)
                .Where(i => i.Id == itemId && i.EnrolmentId == enrolment.Id)
                .Include(i => i.Attachments)
                .SingleOrDefaultAsync(ct);
        if (item is null)
        {
            return SaveEvidenceResult.NotFound;
        }

        var errors = new FormErrors();
        try
        {
            item.Discard(new Actor(user.UserId, user.DisplayName), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            errors.Add(null, ex.Message);
            return new SaveEvidenceResult(SaveOutcome.Refused, itemId, errors);
        }

        var keys = item.Attachments.Select(a => a.StorageKey).ToList();
        db.EvidenceItems.Remove(item);
        await db.SaveChangesAsync(ct);
        await StoredFiles.DeleteUnreferencedAsync(db, files, keys, ct);
        return new SaveEvidenceResult(SaveOutcome.Saved, itemId, errors);
    }
}
