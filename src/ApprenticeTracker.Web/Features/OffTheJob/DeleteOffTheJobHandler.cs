namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>The apprentice deletes a waiting or queried entry of their own; an approved one stays on record.</summary>
public sealed class DeleteOffTheJobHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
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
        return await OffTheJobSteps.SaveAsync(db, () =>
        {
            entry.Delete(enrolment, user.AsActor(), time.GetUtcNow());
            db.OffTheJobEntries.Remove(entry);
        }, entry.Id, ct);
    }
}
