using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Web.Components.Forms;
using ApprenticeTracker.Web.Files;
using ApprenticeTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>Deletes a draft of the signed-in apprentice, with the files only it used.</summary>
public sealed class DeleteEvidenceHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, FileUploads uploads, TimeProvider time)
{
    /// <returns>Succeeded when the draft is gone.</returns>
    public async Task<CommandResult> HandleAsync(Guid itemId, CancellationToken ct)
    {
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
            return CommandResult.NotFound;
        }

        try
        {
            item.Discard(user.AsActor(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return CommandResult.Refused(ex);
        }

        var keys = item.Attachments.Select(a => a.StorageKey).ToList();
        db.EvidenceItems.Remove(item);
        await db.SaveChangesAsync(ct);
        await uploads.DeleteUnreferencedAsync(db, keys, ct);
        return CommandResult.Done(itemId);
    }
}
