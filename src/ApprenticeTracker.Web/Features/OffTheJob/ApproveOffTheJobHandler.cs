namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>
/// Approves several entries at once from the list, each posted as <c>id:stamp</c>. All or nothing: when any is no
/// longer the user's to decide, changed since the list was opened, or is refused, none is approved.
/// </summary>
public sealed class ApproveOffTheJobHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public const string SelectedField = "Selected";

    public async Task<CommandResult> HandleAsync(IReadOnlyList<string> selected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selected);
        var chosen = selected
            .Select(v => v.Split(':'))
            .Select(p => p.Length == 2 && Guid.TryParse(p[0], out var id) && Guid.TryParse(p[1], out var stamp) ? (Id: id, Stamp: stamp) : (Id: Guid.Empty, Stamp: Guid.Empty))
            .DistinctBy(c => c.Id)
            .ToList();
        if (chosen.Count == 0)
        {
            return CommandResult.Refused(SelectedField, "Choose the entries to approve.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = chosen.Select(c => c.Id).ToList();
        var entries = await AccessScopes.OffTheJobEntriesToDecide(db, user).Where(x => ids.Contains(x.Id)).ToListAsync(ct);
        if (entries.Count != chosen.Count)
        {
            return CommandResult.NotFound;
        }

        var changed = chosen.Count(c => entries.Single(e => e.Id == c.Id).ConcurrencyStamp != c.Stamp);
        if (changed > 0)
        {
            return CommandResult.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"{changed} of the chosen entries changed since you opened the list, so nothing was approved. The list below is up to date: check it and approve again."));
        }

        var enrolmentIds = entries.Select(e => e.EnrolmentId).Distinct().ToList();
        var enrolments = await db.Enrolments.Where(e => enrolmentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var now = time.GetUtcNow();
        return await OffTheJobSteps.SaveAsync(db, () =>
        {
            foreach (var entry in entries.OrderBy(e => e.ActivityDate))
            {
                entry.Approve(enrolments[entry.EnrolmentId], user.AsActor(), now);
            }
        }, null, ct);
    }
}
