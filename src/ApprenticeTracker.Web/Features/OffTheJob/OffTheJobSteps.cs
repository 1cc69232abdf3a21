using ApprenticeTracker.Domain.OffTheJob;
using ApprenticeTracker.Web.Files;

namespace ApprenticeTracker.Web.Features.OffTheJob;

/// <summary>The steps the off-the-job handlers share: reading the form, and what the domain needs to judge it.</summary>
internal static class OffTheJobSteps
{
    /// <summary>The signed-in apprentice's current enrolment, tracked; null when they have none.</summary>
    public static Task<Enrolment?> OwnEnrolmentAsync(AppDbContext db, CurrentUser user, CancellationToken ct) =>
        AccessScopes.Enrolments(db, user)
            .Where(e => user.ApprenticeId != null && e.ApprenticeId == user.ApprenticeId)
            .OrderByDescending(e => e.StartDate)
            .FirstOrDefaultAsync(ct);

    /// <summary>One of the signed-in apprentice's own entries, tracked with its links; null when not theirs.</summary>
    public static Task<OffTheJobEntry?> OwnEntryAsync(AppDbContext db, CurrentUser user, Guid entryId, CancellationToken ct)
    {
        var own = AccessScopes.Enrolments(db, user).Where(e => user.ApprenticeId != null && e.ApprenticeId == user.ApprenticeId).Select(e => e.Id);
        return db.OffTheJobEntries.Include(x => x.Duties).Include(x => x.Evidence)
            .SingleOrDefaultAsync(x => x.Id == entryId && own.Contains(x.EnrolmentId), ct);
    }

    /// <summary>
    /// Reads the form's date, duration and kind; what it cannot read is refused here, by field, and the rest is left to
    /// the domain. The content returned has stand-ins for what could not be read (never saved: the errors say so).
    /// </summary>
    public static OffTheJobContent Read(OffTheJobForm form, DateOnly today, FormErrors errors)
    {
        DateOnly? date = DateOnly.TryParseExact(form.ActivityDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (date is null)
        {
            errors.Add(OffTheJobEntry.Fields.ActivityDate, "Enter the date of the activity.");
        }

        int? minutes = form.Hours is null && form.Minutes is null ? null : ((form.Hours ?? 0) * 60) + (form.Minutes ?? 0);
        if (minutes is null)
        {
            errors.Add(OffTheJobEntry.Fields.Duration, "Enter how long the activity took, in hours and minutes.");
        }
        else if (form.Minutes is < 0 or > 59)
        {
            errors.Add(OffTheJobEntry.Fields.Duration, "Enter minutes from 0 to 59.");
            minutes = null;
        }

        var kind = OffTheJobActivityKinds.Parse(form.Kind);
        if (kind is null)
        {
            errors.Add(OffTheJobEntry.Fields.Kind, "Choose the kind of activity.");
        }

        return new OffTheJobContent(date ?? today, minutes ?? 1, kind ?? OffTheJobActivityKind.Other, form.WhatWasLearnt);
    }

    /// <summary>Adds the domain's refusals of fields the form itself has not already refused.</summary>
    public static void Add(FormErrors errors, Refusals refusals)
    {
        foreach (var refusal in refusals)
        {
            if (refusal.Field is null || !errors.Has(refusal.Field))
            {
                errors.Add(FieldFor(refusal.Field), refusal.Message);
            }
        }
    }

    /// <summary>The form's input for each field the domain names; the form uses the domain's names.</summary>
    public static string? FieldFor(string? field) => field switch
    {
        OffTheJobEntry.Fields.ActivityDate or OffTheJobEntry.Fields.Duration or OffTheJobEntry.Fields.Kind or OffTheJobEntry.Fields.WhatWasLearnt
            or OffTheJobEntry.Fields.DutyIds or OffTheJobEntry.Fields.EvidenceIds or OffTheJobEntry.Fields.Reason or OffTheJobEntry.Fields.Reflection
            or OffTheJobEntry.Fields.Attachment => field,
        _ => null,
    };

    public static async Task<IReadOnlySet<Guid>> EvidenceIdsAsync(AppDbContext db, Guid enrolmentId, CancellationToken ct) =>
        (await db.EvidenceItems.Where(i => i.EnrolmentId == enrolmentId).Select(i => i.Id).ToListAsync(ct)).ToHashSet();

    public static Task<int> MinutesOnAsync(AppDbContext db, Guid enrolmentId, DateOnly day, Guid? except, CancellationToken ct) =>
        db.OffTheJobEntries.Where(x => x.EnrolmentId == enrolmentId && x.ActivityDate == day && x.Id != except).SumAsync(x => x.Minutes, ct);

    /// <summary>
    /// Stages the file chosen with the form, if any (refused at the file's field when it breaks the evidence file
    /// rules); the caller discards <paramref name="staged"/> unless the save that records it succeeds.
    /// </summary>
    public static Task<FileDescription?> StageAsync(
        FileUploads uploads, UploadedFile? upload, FormErrors errors, List<string> staged, DateTimeOffset now, CancellationToken ct) =>
        upload is null
            ? Task.FromResult<FileDescription?>(null)
            : uploads.StageAsync(upload, OffTheJobForm.AttachmentField, errors, staged, now, ct);

    /// <summary>
    /// Makes a change through the domain and saves it with the staged files moved into the store in the same
    /// transaction; a refusal, a concurrent change or a failure saves nothing and discards the staged files. Files the
    /// change stopped referring to (<paramref name="dropped"/>) are deleted after the commit.
    /// </summary>
    public static async Task<CommandResult> SaveWithFilesAsync(
        AppDbContext db, FileUploads uploads, Action change, Guid? id, List<string> staged, IReadOnlyCollection<string> dropped, CancellationToken ct)
    {
        var saved = false;
        try
        {
            change();
            await uploads.SaveWithFilesAsync(db, staged, ct);
            saved = true;
        }
        catch (DomainException refused)
        {
            return CommandResult.Refused(refused, FieldFor);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }
        finally
        {
            if (!saved)
            {
                uploads.Discard(staged);
            }
        }

        await uploads.DeleteUnreferencedAsync(db, dropped, ct);
        return CommandResult.Done(id);
    }

    /// <summary>Makes a change through the domain and saves it; a refusal or a concurrent change saves nothing.</summary>
    public static async Task<CommandResult> SaveAsync(AppDbContext db, Action change, Guid? id, CancellationToken ct)
    {
        try
        {
            change();
            await db.SaveChangesAsync(ct);
            return CommandResult.Done(id);
        }
        catch (DomainException refused)
        {
            return CommandResult.Refused(refused, FieldFor);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }
    }
}
