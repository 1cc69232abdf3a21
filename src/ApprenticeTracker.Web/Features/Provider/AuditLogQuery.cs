namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>One page of my organisation's audit log, newest first, with the filter's choices.</summary>
public sealed record AuditLogModel(
    Guid? ApprenticeId, string? Action, int Page, int PageCount, int Total,
    IReadOnlyList<AuditEntry> Entries, IReadOnlyList<Choice> Apprentices, IReadOnlyList<string> Actions);

/// <summary>Who did what, when, to whom.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset OccurredAt, string ActorName, string Action, string EntityType, string? Apprentice, string? Details);

/// <summary>
/// Reads the audit log of the signed-in provider administrator's organisation: the events recorded against the
/// provider, and the events of its enrolments. Nothing of another provider is read.
/// </summary>
public sealed class AuditLogQuery(IDbContextFactory<AppDbContext> contexts, CurrentUser user)
{
    public const int PageSize = 50;

    public async Task<AuditLogModel> RunAsync(Guid? apprenticeId, string? action, int page, CancellationToken ct)
    {
        var providerId = ProviderScope.Of(user);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolments = AccessScopes.Enrolments(db, user);
        var enrolmentIds = enrolments.Select(e => (Guid?)e.Id);
        var events = db.AuditEvents.AsNoTracking()
            .Where(e => (e.TrainingProviderId == providerId && providerId != Guid.Empty) || enrolmentIds.Contains(e.EnrolmentId));

        var apprentices = await PersonChoices.OrderedAsync(
            db.Apprentices.AsNoTracking().Where(a => a.TrainingProviderId == providerId)
                .Select(a => new PersonChoices.Row(a.Id, a.GivenName, a.FamilyName, a.NameOrder)),
            ct);
        var actions = await events.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);

        if (apprenticeId is { } chosen && apprentices.Any(a => a.Id == chosen))
        {
            var theirs = enrolments.Where(e => e.ApprenticeId == chosen).Select(e => (Guid?)e.Id);
            events = events.Where(e => theirs.Contains(e.EnrolmentId) || (e.EntityType == "Apprentice" && e.EntityId == chosen));
        }
        else
        {
            apprenticeId = null;
        }

        if (!string.IsNullOrEmpty(action))
        {
            events = events.Where(e => e.Action == action);
        }

        var total = await events.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = await (
                from e in events
                join enrolment in db.Enrolments on e.EnrolmentId equals (Guid?)enrolment.Id into enrolments2
                from enrolment in enrolments2.DefaultIfEmpty()
                join apprentice in db.Apprentices on enrolment.ApprenticeId equals apprentice.Id into apprentices2
                from apprentice in apprentices2.DefaultIfEmpty()

                // Ids are GUIDs, so an entity id that matches an apprentice's id is that apprentice's own event.
                join registered in db.Apprentices on e.EntityId equals registered.Id into registered2
                from registered in registered2.DefaultIfEmpty()
                orderby e.Id descending
                select new
                {
                    e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.Details,
                    GivenName = apprentice != null ? apprentice.GivenName : registered != null ? registered.GivenName : null,
                    FamilyName = apprentice != null ? apprentice.FamilyName : registered != null ? registered.FamilyName : null,
                    NameOrder = apprentice != null ? apprentice.NameOrder : registered != null ? registered.NameOrder : NameOrder.GivenFirst,
                })
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(e => new AuditEntry(
                e.Id, e.OccurredAt, e.ActorName, e.Action, e.EntityType,
                e.FamilyName == null ? null : PersonName.Full(e.GivenName, e.FamilyName, e.NameOrder),
                e.Details))
            .ToListAsync(ct);
        return new AuditLogModel(apprenticeId, string.IsNullOrEmpty(action) ? null : action, page, pageCount, total, entries, apprentices, actions);
    }
}
