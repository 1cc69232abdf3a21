using ApprenticeTracker.Persistence.Forms;
using ApprenticeTracker.Web.Features.Email;
using ApprenticeTracker.Web.Files;
using ApprenticeTracker.Web.Live;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// Logs a new item of the signed-in apprentice's evidence, with its files, all or nothing (see
/// <see cref="EvidenceSaving"/>); a form sent twice creates the item once.
/// </summary>
public sealed class LogEvidenceHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, EvidenceSaving saving, Notifications notifications, ILiveEventHub live, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(EvidenceFormModel form, IReadOnlyList<UploadedFile> uploads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(uploads);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolmentRef = await ApprenticeEnrolment.FindAsync(db, user, ct);
        if (enrolmentRef is null)
        {
            return CommandResult.NotFound;
        }

        var errors = new FormErrors();
        if (form.FormToken == Guid.Empty)
        {
            errors.Add(null, "The form was incomplete. Open the form again and re-enter the evidence.");
            return CommandResult.Refused(errors, null);
        }

        if (await EvidenceSaving.FindTokenAsync(db, form.FormToken, ct) is { } earlier)
        {
            return CommandResult.Done(earlier);
        }

        var now = time.GetUtcNow();
        var actor = user.AsActor();
        var enrolment = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolmentRef.Id, ct);
        if (EvidenceSaving.RefusedUnlessActive(enrolment, "logged", errors))
        {
            return CommandResult.Refused(errors, null);
        }

        var standard = await EvidenceSaving.LoadStandardAsync(db, enrolment.StandardId, ct);
        var witness = await EvidenceSaving.FindWitnessAsync(db, enrolment.Id, form, errors, ct);
        var content = EvidenceSaving.Parse(form, witness, errors);
        EvidenceItem? item = null;
        try
        {
            item = EvidenceItem.Draft(enrolment, standard, content, form.DutyIds, form.KsbIds, time.Today(), actor, now, EvidenceSaving.IsSubmit(form));
        }
        catch (DomainException ex)
        {
            errors.Add(ex, EvidenceSaving.FieldFor);
        }

        var stored = await saving.StoreAsync(form, uploads, existingCount: 0, errors, now, ct);
        try
        {
            if (item is not null && !errors.Any)
            {
                foreach (var attachment in stored.Attachments)
                {
                    EvidenceSaving.Try(errors, () => item.Attach(enrolment, attachment, saving.Limits.MaxFilesPerItem, actor, now));
                }

                if (EvidenceSaving.IsSubmit(form))
                {
                    EvidenceSaving.Try(errors, () => item.Submit(enrolment, actor, now));
                }
            }

            if (item is null || errors.Any)
            {
                saving.KeepForRetry(stored, form);
                return CommandResult.Refused(errors, null);
            }

            db.EvidenceItems.Add(item);
            db.FormSubmissions.Add(new FormSubmission(form.FormToken, item.Id, now));
            if (EvidenceSaving.IsSubmit(form))
            {
                await notifications.EvidenceSubmittedAsync(db, item, now, ct);
            }

            await saving.SaveWithFilesAsync(db, stored, ct);
            if (EvidenceSaving.IsSubmit(form))
            {
                live.Publish(LiveEvent.Submitted(item.EnrolmentId, item.Id));
            }

            return CommandResult.Done(item.Id, item.ConcurrencyStamp);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            saving.DeleteStored(stored);

            // Two submissions of one form raced, and the database refused the second token: the first one's item stands.
            await using var again = await contexts.CreateDbContextAsync(CancellationToken.None);
            if (await EvidenceSaving.FindTokenAsync(again, form.FormToken, CancellationToken.None) is { } winner)
            {
                return CommandResult.Done(winner);
            }

            throw;
        }
        catch
        {
            saving.DeleteStored(stored);
            throw;
        }
    }
}
