namespace ApprenticeTracker.Web.Features.Email;

/// <summary>A mail given up, as a provider administrator sees it: to whom, about what, and why it failed.</summary>
public sealed record FailedMail(string ToName, string ToAddress, string Subject, DateTimeOffset CreatedAt, int Attempts, string? LastError);

/// <summary>The mails given up that were meant for the signed-in provider administrator's people, newest first.</summary>
public sealed class FailedMailQuery(IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{
    public const int MaxShown = 200;

    public async Task<IReadOnlyList<FailedMail>> ListAsync(CancellationToken ct)
    {
        // Scoped in the query: someone who is not a provider administrator, or has no provider, sees nothing.
        var providerId = user.IsProviderAdmin && user.TrainingProviderId is { } id ? id : Guid.Empty;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.PermanentlyFailed && m.TrainingProviderId == providerId && providerId != Guid.Empty)
            .OrderByDescending(m => m.CreatedAt)
            .Take(MaxShown)
            .Select(m => new FailedMail(m.ToName, m.ToAddress, m.Subject, m.CreatedAt, m.Attempts, m.LastError))
            .ToListAsync(ct);
    }
}
