using ApprenticeTracker.Persistence.WhatsNew;

namespace ApprenticeTracker.Web.Features.WhatsNew;

/// <summary>
/// "Mark as seen": moves the signed-in person's own <see cref="SeenMark"/> up to when their list was read (never later
/// than now, never back), and tells the circuit's other parts (<see cref="WhatsNewSignal"/>). The form post and the
/// interactive button both call it; it acts only for the signed-in person, so nobody can mark another's.
/// </summary>
public sealed class MarkSeenHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time, WhatsNewSignal signal)
{
    public async Task<CommandResult> HandleAsync(DateTimeOffset readAt, CancellationToken ct)
    {
        if (!user.IsSignedIn)
        {
            return CommandResult.NotFound;
        }

        var now = time.GetUtcNow();
        var upTo = readAt > now ? now : readAt;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var mark = await db.SeenMarks.SingleOrDefaultAsync(m => m.UserId == user.UserId, ct);
            if (mark is null)
            {
                db.SeenMarks.Add(new SeenMark(user.UserId, upTo));
            }
            else
            {
                mark.MoveTo(upTo);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt == 1 && mark is null)
            {
                // Another tab of the same person made the first mark meanwhile: move that one instead.
            }
        }

        signal.Notify();
        return CommandResult.Done();
    }
}

/// <summary>
/// Within one circuit (or request), tells the header's count that the person marked things seen, so that it reads
/// again at once; live events tell it of new things.
/// </summary>
public sealed class WhatsNewSignal
{
    public event Action? Changed;

    public void Notify() => Changed?.Invoke();
}
