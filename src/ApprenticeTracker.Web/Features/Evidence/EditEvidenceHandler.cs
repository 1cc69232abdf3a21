using ApprenticeTracker.Web.Features.Email;
using ApprenticeTracker.Web.Files;
using ApprenticeTracker.Web.Live;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>Changes a draft or an item referred back, with any files added, all or nothing (see <see cref="EvidenceSaving"/>).</summary>
public sealed class EditEvidenceHandler(IDbContextFactory<AppDbContext> contexts, CurrentUser user, EvidenceSaving saving, Notifications notifications, ILiveEventHub live, TimeProvider time)
{
    public async Task<CommandResult> HandleAsync(Guid itemId, EvidenceFormModel form, IReadOnlyList<UploadedFile> uploads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(uploads);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await saving.LoadOwnItemAsync(db, itemId, ct);
        if (item is null)
        {
            return CommandResult.NotFound;
        }

        var errors = new FormErrors();
        if (EvidenceSaving.CheckUnchanged(item, form) is { } conflict)
        {
            return conflict;
        }

        var now = time.GetUtcNow();
        var actor = user.AsActor();
        var enrolment = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == item.EnrolmentId, ct);
        if (EvidenceSaving.RefusedUnlessActive(enrolment, EvidenceSaving.IsSubmit(form) ? "submitted" : "changed", errors))
        {
            return CommandResult.Refused(errors, item.Id, item.ConcurrencyStamp);
        }

        var standard = await EvidenceSaving.LoadStandardAsync(db, enrolment.StandardId, ct);
        var witness = await EvidenceSaving.FindWitnessAsync(db, enrolment.Id, form, errors, ct);
        var content = EvidenceSaving.Parse(form, witness, errors);
        try
        {
            item.Edit(enrolment, standard, content, form.DutyIds, form.KsbIds, time.Today(), actor, now, EvidenceSaving.IsSubmit(form));
        }
        catch (DomainException ex)
        {
            errors.Add(ex, EvidenceSaving.FieldFor);
        }

        var stored = await saving.StoreAsync(form, uploads, item.Attachments.Count, errors, now, ct);
        try
        {
            if (!errors.Any)
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

            if (errors.Any)
            {
                saving.KeepForRetry(stored, form);
                return CommandResult.Refused(errors, item.Id);
            }

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
        catch (DbUpdateConcurrencyException)
        {
            saving.DeleteStored(stored);
            return CommandResult.Conflict(EvidenceSaving.ChangedMeanwhile, await saving.CurrentStampAsync(itemId, ct)) with { Id = itemId };
        }
        catch
        {
            saving.DeleteStored(stored);
            throw;
        }
    }

}
