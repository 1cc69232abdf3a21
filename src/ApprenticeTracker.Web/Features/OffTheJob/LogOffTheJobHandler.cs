using ApprenticeTracker.Domain.OffTheJob;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>The apprentice logs an activity; it waits for approval. Every refusal is shown at its field and nothing is saved.</summary>
public sealed class LogOffTheJobHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(OffTheJobForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolment = await OffTheJobSteps.OwnEnrolmentAsync(db, user, ct);
        if (enrolment is null)
        {
            return CommandResult.NotFound;
        }

        var today = time.Today();
        var errors = new FormErrors();
        var content = OffTheJobSteps.Read(form, today, errors);
        var standard = await db.Standards.Include(s => s.Duties).SingleAsync(s => s.Id == enrolment.StandardId, ct);
        var evidence = await OffTheJobSteps.EvidenceIdsAsync(db, enrolment.Id, ct);
        var already = await OffTheJobSteps.MinutesOnAsync(db, enrolment.Id, content.ActivityDate, null, ct);
        OffTheJobSteps.Add(errors, OffTheJobEntry.RefusalsOf(enrolment, standard, content, form.DutyIds, form.EvidenceIds, evidence, already, today));
        if (errors.Any)
        {
            return CommandResult.Refused(errors);
        }

        OffTheJobEntry? entry = null;
        var result = await OffTheJobSteps.SaveAsync(db, () =>
        {
            entry = OffTheJobEntry.Log(enrolment, standard, content, form.DutyIds, form.EvidenceIds, evidence, already, today, user.AsActor(), time.GetUtcNow());
            db.OffTheJobEntries.Add(entry);
        }, null, ct);
        return result.Succeeded ? CommandResult.Done(entry!.Id) : result;
    }
}
