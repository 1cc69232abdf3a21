namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>Deletes a draft of the signed-in apprentice, with the files only it used.</summary>
public sealed class DeleteEvidenceHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, EvidenceSaving saving, TimeProvider time)
{
    /// <returns>Succeeded when the draft is gone.</returns>
    public async Task<CommandResult> HandleAsync(Guid itemId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await saving.LoadOwnItemAsync(db, itemId, ct);
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
        await saving.DeleteUnreferencedAsync(db, keys, ct);
        return CommandResult.Done(itemId);
    }
}
