using ApprenticeTracker.Web.Files;
namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>The apprentice deletes a waiting or queried entry of their own, with its file; an approved one stays on record.</summary>
public sealed class DeleteOffTheJobHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time, FileUploads uploads)
{
    public async Task<CommandResult> HandleAsync(Guid entryId, Guid concurrencyStamp, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await OffTheJobSteps.OwnEntryAsync(db, user, entryId, ct);
        if (entry is null)
        {
            return CommandResult.NotFound;
        }

        if (entry.ConcurrencyStamp != concurrencyStamp)
        {
            return CommandResult.Conflict();
        }

        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == entry.EnrolmentId, ct);
        var file = entry.Attachment?.StorageKey;
        return await OffTheJobSteps.SaveWithFilesAsync(db, uploads, () =>
        {
            entry.Delete(enrolment, user.AsActor(), time.GetUtcNow());
            db.OffTheJobEntries.Remove(entry);
        }, entry.Id, [], file is null ? [] : [file], ct);
    }
}
