using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>
/// The provider records one taught session for a whole cohort: one entry, already approved, for each apprentice of
/// the cohort in learning who had started by that day. All or nothing: when the session is refused for any apprentice
/// (a day already full, say), nothing is saved and the refusal names the apprentice.
/// </summary>
public sealed class RecordCohortSessionHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    /// <summary>The field of a refusal about the cohort as a whole (nobody to record the session for).</summary>
    public const string CohortField = "Cohort";

    public async Task<CommandResult> HandleAsync(Guid cohortId, CohortSessionForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await AccessScopes.Cohorts(db, user).AnyAsync(c => c.Id == cohortId, ct))
        {
            return CommandResult.NotFound;
        }

        var today = time.Today();
        var errors = new FormErrors();
        var content = OffTheJobSteps.Read(form.AsEntryForm(), today, errors);
        if (string.IsNullOrWhiteSpace(form.WhatWasTaught))
        {
            errors.Add(OffTheJobEntry.Fields.WhatWasLearnt, "Enter what was taught.");
        }
        var enrolments = await OffTheJobQueries.CohortSessionEnrolments(db, user, cohortId)
            .Where(e => e.StartDate <= content.ActivityDate)
            .ToListAsync(ct);
        if (enrolments.Count == 0 && !errors.Has(OffTheJobEntry.Fields.ActivityDate))
        {
            errors.Add(CohortField, "No apprentice of this cohort was in learning on that day, so there is nobody to record the session for.");
        }

        var enrolmentIds = enrolments.Select(e => e.Id).ToList();
        var names = await db.Apprentices.Where(a => enrolments.Select(e => e.ApprenticeId).Contains(a.Id))
            .Select(a => new { a.Id, a.GivenName, a.FamilyName, a.NameOrder })
            .ToDictionaryAsync(a => a.Id, a => PersonName.Full(a.GivenName, a.FamilyName, a.NameOrder), ct);
        var minutesThatDay = await db.OffTheJobEntries
            .Where(x => enrolmentIds.Contains(x.EnrolmentId) && x.ActivityDate == content.ActivityDate)
            .GroupBy(x => x.EnrolmentId)
            .Select(g => new { EnrolmentId = g.Key, Minutes = g.Sum(x => x.Minutes) })
            .ToDictionaryAsync(g => g.EnrolmentId, g => g.Minutes, ct);
        var standardIds = enrolments.Select(e => e.StandardId).Distinct().ToList();
        var standards = await db.Standards.Include(s => s.Duties).Where(s => standardIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

        // A refusal that holds for every apprentice is about the session and shown once; one that holds for some names them.
        var refused = new List<(string Field, string Message, string Name)>();
        foreach (var enrolment in enrolments)
        {
            var refusals = OffTheJobEntry.RefusalsOf(
                enrolment, standards[enrolment.StandardId], content, [], [], new HashSet<Guid>(), minutesThatDay.GetValueOrDefault(enrolment.Id), today);
            refused.AddRange(refusals.Select(r => (OffTheJobSteps.FieldFor(r.Field) ?? CohortField, r.Message, names[enrolment.ApprenticeId])));
        }

        var unreadable = errors.All.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var group in refused.GroupBy(r => (r.Field, r.Message)).Where(g => !unreadable.Contains(g.Key.Field)))
        {
            var who = group.Select(r => r.Name).Order(PersonName.Order).ToList();
            errors.Add(group.Key.Field, who.Count == enrolments.Count ? group.Key.Message : $"{string.Join(", ", who)}: {group.Key.Message}");
        }

        if (errors.Any)
        {
            return CommandResult.Refused(errors);
        }

        var actor = user.AsActor();
        var now = time.GetUtcNow();
        var saved = await OffTheJobSteps.SaveAsync(db, () =>
        {
            foreach (var enrolment in enrolments)
            {
                db.OffTheJobEntries.Add(OffTheJobEntry.RecordCohortSession(
                    enrolment, standards[enrolment.StandardId], content.ActivityDate, content.Minutes, content.WhatWasLearnt ?? string.Empty,
                    minutesThatDay.GetValueOrDefault(enrolment.Id), today, actor, now));
            }
        }, cohortId, ct);
        return saved.Succeeded
            ? saved with { Next = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{OffTheJobRoutes.CohortSession(cohortId)}?recorded={enrolments.Count}") }
            : saved;
    }
}
