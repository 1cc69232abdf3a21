using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Web.Files;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>
/// The apprentice amends a waiting or queried entry (a queried one goes back for approval); on an approved entry only
/// what they learnt (<see cref="OffTheJobForm.Reflection"/>) changes. A file chosen replaces the entry's, and
/// <see cref="OffTheJobForm.RemoveAttachment"/> removes it; the file that goes is deleted once the change is saved.
/// Refused when the entry changed since the form opened.
/// </summary>
public sealed class AmendOffTheJobHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, TimeProvider time, FileUploads uploads)
{
    public async Task<CommandResult> HandleAsync(Guid entryId, OffTheJobForm form, UploadedFile? upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await OffTheJobSteps.OwnEntryAsync(db, user, entryId, ct);
        if (entry is null)
        {
            return CommandResult.NotFound;
        }

        if (entry.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return CommandResult.Conflict();
        }

        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == entry.EnrolmentId, ct);
        if (!entry.IsChangeable)
        {
            return await OffTheJobSteps.SaveAsync(db, () => entry.Reflect(enrolment, form.Reflection, user.AsActor(), time.GetUtcNow()), entry.Id, ct);
        }

        var today = time.Today();
        var errors = new FormErrors();
        var content = OffTheJobSteps.Read(form, today, errors);
        var standard = await db.Standards.Include(s => s.Duties).SingleAsync(s => s.Id == enrolment.StandardId, ct);
        var evidence = await OffTheJobSteps.EvidenceIdsAsync(db, enrolment.Id, ct);
        var already = await OffTheJobSteps.MinutesOnAsync(db, enrolment.Id, content.ActivityDate, entry.Id, ct);
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

        // Deleted after the save only when no row refers to it any more: removed or replaced, not kept.
        var previous = entry.Attachment?.StorageKey;
        return await OffTheJobSteps.SaveWithFilesAsync(db, uploads, () =>
        {
            entry.Amend(enrolment, standard, content, form.DutyIds, form.EvidenceIds, evidence, already, today, user.AsActor(), now);
            if (file is not null)
            {
                entry.Attach(enrolment, file, user.AsActor(), now);
            }
            else if (form.RemoveAttachment && entry.Attachment is not null)
            {
                entry.RemoveAttachment(enrolment, user.AsActor(), now);
            }
        }, entry.Id, staged, previous is null ? [] : [previous], ct);
    }
}
