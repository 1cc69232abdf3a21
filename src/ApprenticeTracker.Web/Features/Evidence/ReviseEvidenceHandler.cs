namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// Starts a revision of the signed-in apprentice's accepted evidence: a new draft with the same content, duties, KSBs
/// and files, while the accepted item stays on record as it is (<see cref="EvidenceItem.Revise"/>).
/// </summary>
public sealed class ReviseEvidenceHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, EvidenceSaving saving, TimeProvider time)
{
    /// <returns>Succeeded with the id of the new draft, or of the revision already in progress.</returns>
    public async Task<CommandResult> HandleAsync(Guid itemId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await saving.LoadOwnItemAsync(db, itemId, ct);
        if (item is null)
        {
            return CommandResult.NotFound;
        }

        // One revision at a time: asked twice (a second tab, a repeated post), the apprentice is taken to the one
        // already started instead of a second copy.
        var open = await db.EvidenceItems
            .Where(i => i.RevisionOfId == itemId && i.Status != EvidenceStatus.Accepted)
            .Select(i => (Guid?)i.Id)
            .FirstOrDefaultAsync(ct);
        if (open is { } inProgress)
        {
            return CommandResult.Done(inProgress);
        }

        EvidenceItem revision;
        try
        {
            var enrolmentEntity = await db.Enrolments.SingleAsync(e => e.Id == item.EnrolmentId, ct);
            revision = item.Revise(enrolmentEntity, user.AsActor(), time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return CommandResult.Refused(ex);
        }

        db.EvidenceItems.Add(revision);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(revision.Id);
    }
}
