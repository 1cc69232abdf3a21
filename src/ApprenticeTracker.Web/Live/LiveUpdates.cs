namespace ApprenticeTracker.Web.Live;

/// <summary>
/// The live events one circuit's user may receive. A scoped service (one per circuit): it listens to the hub and, for
/// each event, asks the database through <see cref="AccessScopes"/> whether this user may see its evidence item (or,
/// for a sign-off, its enrolment) now, at delivery, not when it was raised; only then does the component hear of it.
/// So an assessor unassigned a minute ago, or another apprentice, never receives it.
/// </summary>
public sealed class LiveUpdates(ILiveEventHub hub, IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{
    /// <summary>Calls <paramref name="onEvent"/> for each event this user may see, until the result is disposed.</summary>
    public IDisposable Listen(Func<LiveEvent, Task> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        return hub.Subscribe(async e =>
        {
            if (await MaySeeAsync(e, CancellationToken.None))
            {
                await onEvent(e);
            }
        });
    }

    /// <summary>True when the user may see what the event is about, by the same rules as every page.</summary>
    public async Task<bool> MaySeeAsync(LiveEvent liveEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(liveEvent);
        if (!user.IsSignedIn)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return liveEvent.EvidenceId is { } evidenceId
            ? await AccessScopes.Evidence(db, user).AnyAsync(i => i.Id == evidenceId && i.EnrolmentId == liveEvent.EnrolmentId, ct)
            : await AccessScopes.Enrolments(db, user).AnyAsync(e => e.Id == liveEvent.EnrolmentId, ct);
    }
}
