namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>Removes one file from a draft or an item referred back; the stored file goes when nothing else uses it.</summary>
public sealed class RemoveAttachmentHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, EvidenceSaving saving, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid itemId, EvidenceFormModel form, Guid attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await saving.LoadOwnItemAsync(db, itemId, ct);
        if (item is null)
        {
            return CommandResult.NotFound;
        }

        var errors = new FormErrors();
        if (EvidenceSaving.CheckUnchanged(item, form) is { } conflict)
        {
            return conflict;
        }

        var enrolment = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == item.EnrolmentId, ct);
        Attachment? removed = null;
        EvidenceSaving.Try(errors, () => removed = item.Detach(enrolment, attachmentId, user.AsActor(), time.GetUtcNow()));
        if (removed is null)
        {
            return CommandResult.Refused(errors, itemId, item.ConcurrencyStamp);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict(EvidenceSaving.ChangedMeanwhile, await saving.CurrentStampAsync(itemId, ct)) with { Id = itemId };
        }

        await saving.DeleteUnreferencedAsync(db, [removed.StorageKey], ct);
        return CommandResult.Done(itemId, item.ConcurrencyStamp);
    }
}
