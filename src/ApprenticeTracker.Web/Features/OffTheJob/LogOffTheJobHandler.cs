using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Web.Files;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>
/// The apprentice logs an activity, with an optional file; it waits for approval. Every refusal is shown at its field
/// and nothing is saved, the file included (see <see cref="FileUploads"/>).
/// </summary>
public sealed class LogOffTheJobHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time, FileUploads uploads)
{
    public async Task<CommandResult> HandleAsync(OffTheJobForm form, UploadedFile? upload, CancellationToken ct)
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

        var now = time.GetUtcNow();
        var staged = new List<string>();
        var file = await OffTheJobSteps.StageAsync(uploads, upload, errors, staged, now, ct);
        if (errors.Any)
        {
            uploads.Discard(staged);
            return CommandResult.Refused(errors);
        }

        OffTheJobEntry? entry = null;
        var result = await OffTheJobSteps.SaveWithFilesAsync(db, uploads, () =>
        {
            entry = OffTheJobEntry.Log(enrolment, standard, content, form.DutyIds, form.EvidenceIds, evidence, already, today, user.AsActor(), now);
            if (file is not null)
            {
                entry.Attach(enrolment, file, user.AsActor(), now);
            }

            db.OffTheJobEntries.Add(entry);
        }, null, staged, [], ct);
        return result.Succeeded ? CommandResult.Done(entry!.Id) : result;
    }
}
