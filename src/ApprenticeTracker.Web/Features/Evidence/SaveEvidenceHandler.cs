using System.Globalization;
using ApprenticeTracker.Domain.Common;
using ApprenticeTracker.Domain.Evidence;
using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Persistence;
using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Persistence.Forms;
using ApprenticeTracker.Web.Features.Email;
using ApprenticeTracker.Web.Features.Portfolio;
using ApprenticeTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>A file as it arrived with a form: the uploader's name for it and a way to read it once.</summary>
public sealed record UploadedFile(string FileName, Func<Stream> OpenReadStream);

/// <summary>What became of a save.</summary>
public enum SaveOutcome
{
    /// <summary>The item is stored (or, for a form sent twice, was stored by the first submission).</summary>
    Saved,

    /// <summary>Nothing was stored; <see cref="SaveEvidenceResult.Errors"/> says why.</summary>
    Refused,

    /// <summary>No such item of the signed-in apprentice (or they have no enrolment).</summary>
    NotFound,

    /// <summary>An attachment was removed; the rest of the form was not saved.</summary>
    AttachmentRemoved,
}

/// <summary>The result of <see cref="SaveEvidenceHandler"/>.</summary>
public sealed record SaveEvidenceResult(SaveOutcome Outcome, Guid? ItemId, FormErrors Errors, Guid? ConcurrencyStamp = null)
{
    public static SaveEvidenceResult NotFound { get; } = new(SaveOutcome.NotFound, null, new FormErrors());
}

/// <summary>
/// Logs and edits the signed-in apprentice's evidence, with its files, all or nothing: the files are staged first,
/// then the item is saved and the files moved into the store in one database transaction
/// (<see cref="SaveWithFilesAsync"/>); if anything is refused or fails, the files of the request are discarded.
/// </summary>
public sealed class SaveEvidenceHandler(
    IDbContextFactory<AppDbContext> contexts, EvidenceFileStore files, IOptions<EvidenceOptions> options, Notifications notifications, TimeProvider time)
{
    private readonly EvidenceOptions _limits = options.Value;

    public async Task<SaveEvidenceResult> CreateAsync(CurrentUser user, EvidenceFormModel form, IReadOnlyList<UploadedFile> uploads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(uploads);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var enrolmentRef = await ApprenticeEnrolment.FindAsync(db, user, ct);
        if (enrolmentRef is null)
        {
            return SaveEvidenceResult.NotFound;
        }

        var errors = new FormErrors();
        if (form.FormToken == Guid.Empty)
        {
            errors.Add(null, "The form was incomplete. Open the form again and re-enter the evidence.");
            return new SaveEvidenceResult(SaveOutcome.Refused, null, errors);
        }

        if (await FindTokenAsync(db, form.FormToken, ct) is { } earlier)
        {
            return new SaveEvidenceResult(SaveOutcome.Saved, earlier, errors);
        }

        var now = time.GetUtcNow();
        var actor = new Actor(user.UserId, user.DisplayName);
        var enrolment = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolmentRef.Id, ct);
        if (RefusedUnlessActive(enrolment, "logged", errors))
        {
            return new SaveEvidenceResult(SaveOutcome.Refused, null, errors);
        }

        var standard = await LoadStandardAsync(db, enrolment.StandardId, ct);
        var content = Parse(form, errors);
        EvidenceItem? item = null;
        if (content is not null)
        {
            try
            {
                item = EvidenceItem.Draft(enrolment, standard, content, form.DutyIds, form.KsbIds, Today(now), actor, now);
            }
            catch (DomainException ex)
            {
                CollectRefusals(ex, new Probe(enrolment, standard, form, Today(now), actor, now), errors);
            }
        }
        else
        {
            CollectRefusals(null, new Probe(enrolment, standard, form, Today(now), actor, now), errors);
        }

        var stored = await StoreAsync(uploads, existingCount: 0, errors, now, ct);
        try
        {
            if (item is not null && !errors.Any)
            {
                foreach (var attachment in stored.Attachments)
                {
                    Try(errors, () => item.Attach(enrolment, attachment, _limits.MaxFilesPerItem, actor, now));
                }

                if (IsSubmit(form))
                {
                    Try(errors, () => item.Submit(enrolment, actor, now));
                }
            }

            if (item is null || errors.Any)
            {
                DeleteStored(stored);
                return new SaveEvidenceResult(SaveOutcome.Refused, null, errors);
            }

            db.EvidenceItems.Add(item);
            db.FormSubmissions.Add(new FormSubmission(form.FormToken, item.Id, now));
            if (IsSubmit(form))
            {
                await notifications.EvidenceSubmittedAsync(db, item, now, ct);
            }

            await SaveWithFilesAsync(db, stored, ct);
            return new SaveEvidenceResult(SaveOutcome.Saved, item.Id, errors, item.ConcurrencyStamp);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            DeleteStored(stored);

            // Two submissions of one form raced, and the database refused the second token: the first one's item stands.
            await using var again = await contexts.CreateDbContextAsync(CancellationToken.None);
            if (await FindTokenAsync(again, form.FormToken, CancellationToken.None) is { } winner)
            {
                return new SaveEvidenceResult(SaveOutcome.Saved, winner, new FormErrors());
            }

            throw;
        }
        catch
        {
            DeleteStored(stored);
            throw;
        }
    }

    public async Task<SaveEvidenceResult> EditAsync(CurrentUser user, Guid itemId, EvidenceFormModel form, IReadOnlyList<UploadedFile> uploads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(uploads);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await LoadOwnItemAsync(db, user, itemId, ct);
        if (item is null)
        {
            return SaveEvidenceResult.NotFound;
        }

        var errors = new FormErrors();
        if (CheckUnchanged(item, form, errors) is { } conflict)
        {
            return conflict;
        }

        var now = time.GetUtcNow();
        var actor = new Actor(user.UserId, user.DisplayName);
        var enrolment = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == item.EnrolmentId, ct);
        if (RefusedUnlessActive(enrolment, IsSubmit(form) ? "submitted" : "changed", errors))
        {
            return new SaveEvidenceResult(SaveOutcome.Refused, item.Id, errors, item.ConcurrencyStamp);
        }

        var standard = await LoadStandardAsync(db, enrolment.StandardId, ct);
        var content = Parse(form, errors);
        if (content is not null)
        {
            try
            {
                item.Edit(enrolment, standard, content, form.DutyIds, form.KsbIds, Today(now), actor, now);
            }
            catch (DomainException ex)
            {
                CollectRefusals(ex, new Probe(enrolment, standard, form, Today(now), actor, now), errors);
            }
        }
        else
        {
            CollectRefusals(null, new Probe(enrolment, standard, form, Today(now), actor, now), errors);
        }

        var stored = await StoreAsync(uploads, item.Attachments.Count, errors, now, ct);
        try
        {
            if (!errors.Any)
            {
                foreach (var attachment in stored.Attachments)
                {
                    Try(errors, () => item.Attach(enrolment, attachment, _limits.MaxFilesPerItem, actor, now));
                }

                if (IsSubmit(form))
                {
                    Try(errors, () => item.Submit(enrolment, actor, now));
                }
            }

            if (errors.Any)
            {
                DeleteStored(stored);
                return new SaveEvidenceResult(SaveOutcome.Refused, item.Id, errors);
            }

            if (IsSubmit(form))
            {
                await notifications.EvidenceSubmittedAsync(db, item, now, ct);
            }

            await SaveWithFilesAsync(db, stored, ct);
            return new SaveEvidenceResult(SaveOutcome.Saved, item.Id, errors, item.ConcurrencyStamp);
        }
        catch (DbUpdateConcurrencyException)
        {
            DeleteStored(stored);
            errors.Add(null, ChangedMeanwhile);
            return new SaveEvidenceResult(SaveOutcome.Refused, itemId, errors, await CurrentStampAsync(itemId, ct));
        }
        catch
        {
            DeleteStored(stored);
            throw;
        }
    }

    /// <summary>Removes one file from a draft or an item referred back; the stored file goes when nothing else uses it.</summary>
    public async Task<SaveEvidenceResult> RemoveAttachmentAsync(CurrentUser user, Guid itemId, EvidenceFormModel form, Guid attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await LoadOwnItemAsync(db, user, itemId, ct);
        if (item is null)
        {
            return SaveEvidenceResult.NotFound;
        }

        var errors = new FormErrors();
        if (CheckUnchanged(item, form, errors) is { } conflict)
        {
            return conflict;
        }

        var enrolment = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == item.EnrolmentId, ct);
        Attachment? removed = null;
        Try(errors, () => removed = item.Detach(enrolment, attachmentId, new Actor(user.UserId, user.DisplayName), time.GetUtcNow()));
        if (removed is null)
        {
            return new SaveEvidenceResult(SaveOutcome.Refused, itemId, errors, item.ConcurrencyStamp);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            errors.Add(null, ChangedMeanwhile);
            return new SaveEvidenceResult(SaveOutcome.Refused, itemId, errors, await CurrentStampAsync(itemId, ct));
        }

        await StoredFiles.DeleteUnreferencedAsync(db, files, [removed.StorageKey], ct);
        return new SaveEvidenceResult(SaveOutcome.AttachmentRemoved, itemId, errors, item.ConcurrencyStamp);
    }

    /// <summary>
    /// Writes the rows, then moves the staged files into the store, then commits, all in one transaction. A crash
    /// before the commit leaves files in the store that no row refers to, which the sweep removes once they are older
    /// than its grace period; after the commit every row has its file. Never a row without its file: that order
    /// reversed (commit, then move) would leave one after a crash between the two.
    /// </summary>
    private async Task SaveWithFilesAsync(AppDbContext db, StoredUploads stored, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var key in stored.Keys)
        {
            files.Place(key);
        }

        await transaction.CommitAsync(ct);
    }

    internal const string ChangedMeanwhile =
        "This item was changed (perhaps in another tab) after you opened it, so your changes were not saved. What you typed is still below: check the item, then save again.";

    /// <summary>The form field a domain refusal concerns, by the domain's field name.</summary>
    internal static string? FieldFor(string? domainField) => domainField switch
    {
        nameof(EvidenceItem.Title) => nameof(EvidenceFormModel.Title),
        nameof(EvidenceItem.Type) => nameof(EvidenceFormModel.Type),
        nameof(EvidenceItem.ActivityDate) => nameof(EvidenceFormModel.ActivityDate),
        nameof(EvidenceItem.Description) => nameof(EvidenceFormModel.Description),
        "DutyIds" => EvidenceFormModel.DutyIdsField,
        "KsbIds" => EvidenceFormModel.KsbIdsField,
        "Attachments" => EvidenceFormModel.AttachmentsField,
        _ => null,
    };

    /// <summary>Today's date in the United Kingdom, where the apprenticeships are: activity cannot be later.</summary>
    internal static DateOnly Today(DateTimeOffset now)
    {
        var london = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, london).DateTime);
    }

    private static SaveEvidenceResult? CheckUnchanged(EvidenceItem item, EvidenceFormModel form, FormErrors errors)
    {
        if (form.ConcurrencyStamp != item.ConcurrencyStamp)
        {
            errors.Add(null, ChangedMeanwhile);
            return new SaveEvidenceResult(SaveOutcome.Refused, item.Id, errors, item.ConcurrencyStamp);
        }

        return null;
    }

    private async Task<Guid?> CurrentStampAsync(Guid itemId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.EvidenceItems.Where(i => i.Id == itemId).Select(i => (Guid?)i.ConcurrencyStamp).SingleOrDefaultAsync(ct);
    }

    private static async Task<EvidenceItem?> LoadOwnItemAsync(AppDbContext db, CurrentUser user, Guid itemId, CancellationToken ct)
    {
        var enrolment = await ApprenticeEnrolment.FindAsync(db, user, ct);
        if (enrolment is null)
        {
            return null;
        }

        // Tracked, with the stamp as the page saw it: the save then fails if someone changed the item in between.
        return await AccessScopes.Evidence(db, user)
            .Where(i => i.Id == itemId && i.EnrolmentId == enrolment.Id)
            .Include(i => i.Duties)
            .Include(i => i.Ksbs)
            .Include(i => i.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
    }

    private static Task<Standard> LoadStandardAsync(AppDbContext db, Guid standardId, CancellationToken ct) =>
        db.Standards.AsNoTracking()
            .Include(s => s.Duties)
            .Include(s => s.Ksbs)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == standardId, ct);

    private static Task<Guid?> FindTokenAsync(AppDbContext db, Guid token, CancellationToken ct) =>
        db.FormSubmissions.Where(s => s.Token == token).Select(s => (Guid?)s.RecordId).SingleOrDefaultAsync(ct);

    private static bool IsSubmit(EvidenceFormModel form) =>
        string.Equals(form.Action, EvidenceFormModel.SubmitAction, StringComparison.Ordinal);

    /// <summary>Reads the typed fields that are not text; the domain checks the rest.</summary>
    private static EvidenceContent? Parse(EvidenceFormModel form, FormErrors errors)
    {
        EvidenceType? type = null;
        if (string.IsNullOrWhiteSpace(form.Type))
        {
            errors.Add(nameof(EvidenceFormModel.Type), "Choose the type of evidence.");
        }
        else if (Enum.TryParse<EvidenceType>(form.Type, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(form.Type[0]))
        {
            type = parsed;
        }
        else
        {
            errors.Add(nameof(EvidenceFormModel.Type), "Choose one of the types of evidence listed.");
        }

        DateOnly? date = null;
        if (string.IsNullOrWhiteSpace(form.ActivityDate))
        {
            errors.Add(nameof(EvidenceFormModel.ActivityDate), "Enter the date of the activity.");
        }
        else if (DateOnly.TryParseExact(form.ActivityDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = day;
        }
        else
        {
            errors.Add(nameof(EvidenceFormModel.ActivityDate), "Enter the date of the activity as a real date, for example 21 11 2026.");
        }

        return type is { } t && date is { } d ? new EvidenceContent(form.Title ?? string.Empty, t, d, form.Description) : null;
    }

    /// <summary>
    /// The domain stops at the first rule a form breaks. To show every refusal at once, the content is checked again
    /// on a scratch draft (never stored), with each refused field replaced by a harmless value, until it passes.
    /// </summary>
    /// <param name="first">The refusal already met, if any; it is reported even when the scratch check cannot run.</param>
    private static void CollectRefusals(DomainException? first, Probe probe, FormErrors errors)
    {
        var found = new List<(string? Field, string Message)>();
        var title = probe.Form.Title ?? string.Empty;
        var description = probe.Form.Description;
        var type = Enum.TryParse<EvidenceType>(probe.Form.Type, ignoreCase: false, out var t) && Enum.IsDefined(t) ? t : EvidenceType.Observation;
        var date = DateOnly.TryParseExact(probe.Form.ActivityDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : probe.Enrolment.StartDate;
        IEnumerable<Guid> duties = probe.Form.DutyIds;
        IEnumerable<Guid> ksbs = probe.Form.KsbIds;
        // Each pass replaces one refused field, so there are at most as many passes as fields.
        var stop = false;
        for (var pass = 0; pass < 8 && !stop; pass++)
        {
            try
            {
                var scratch = EvidenceItem.Draft(probe.Enrolment, probe.Standard, new EvidenceContent(title, type, date, description), duties, ksbs, probe.Today, probe.Actor, probe.At);
                stop = true;
                if (probe.Submit)
                {
                    scratch.Submit(probe.Enrolment, probe.Actor, probe.At);
                }
            }
            catch (DomainException ex) when (ex.Field is not null)
            {
                found.Add((FieldFor(ex.Field), ex.Message));
                switch (ex.Field)
                {
                    case nameof(EvidenceItem.Title): title = "Title"; break;
                    case nameof(EvidenceItem.Description): description = null; break;
                    case nameof(EvidenceItem.Type): type = EvidenceType.Observation; break;
                    case nameof(EvidenceItem.ActivityDate): date = probe.Enrolment.StartDate; break;
                    case "DutyIds": duties = []; break;
                    case "KsbIds": ksbs = []; break;
                    default: stop = true; break;
                }
            }
            catch (DomainException)
            {
                // A refusal of the whole request (the apprenticeship is not active): only the first one counts.
                stop = true;
            }
        }

        if (first is not null && !found.Exists(f => f.Message == first.Message))
        {
            found.Insert(0, (FieldFor(first.Field), first.Message));
        }

        foreach (var (field, message) in found.Where(f => !errors.All.Contains(f)))
        {
            errors.Add(field, message);
        }
    }

    private sealed record Probe(Domain.Enrolments.Enrolment Enrolment, Standard Standard, EvidenceFormModel Form, DateOnly Today, Actor Actor, DateTimeOffset At)
    {
        public bool Submit => IsSubmit(Form);
    }

    /// <summary>
    /// While the apprenticeship is not active the domain refuses every change to evidence, whatever the form holds:
    /// that refusal is then the only message, given before any file of the request is stored.
    /// </summary>
    private static bool RefusedUnlessActive(Domain.Enrolments.Enrolment enrolment, string action, FormErrors errors)
    {
        try
        {
            enrolment.EnsureAcceptsEvidence(action);
            return false;
        }
        catch (DomainException ex)
        {
            errors.Add(null, ex.Message);
            return true;
        }
    }

    private static void Try(FormErrors errors, Action action)
    {
        try
        {
            action();
        }
        catch (DomainException ex)
        {
            errors.Add(FieldFor(ex.Field), ex.Message);
        }
    }

    private async Task<StoredUploads> StoreAsync(IReadOnlyList<UploadedFile> uploads, int existingCount, FormErrors errors, DateTimeOffset now, CancellationToken ct)
    {
        var result = new StoredUploads();
        if (uploads.Count == 0)
        {
            return result;
        }

        if (existingCount + uploads.Count > _limits.MaxFilesPerItem)
        {
            var room = Math.Max(0, _limits.MaxFilesPerItem - existingCount);
            errors.Add(EvidenceFormModel.AttachmentsField, $"An item of evidence can have at most {_limits.MaxFilesPerItem} files. You chose {uploads.Count}; there is room for {room} more.");
            return result;
        }

        try
        {
            foreach (var upload in uploads)
            {
                StoredFile file;
                try
                {
                    await using var content = upload.OpenReadStream();
                    file = await files.StageAsync(content, upload.FileName, _limits.MaxFileBytes, ct);
                }
                catch (FileRejectedException ex)
                {
                    errors.Add(EvidenceFormModel.AttachmentsField, ex.Message);
                    continue;
                }

                result.Keys.Add(file.StorageKey);
                try
                {
                    result.Attachments.Add(Attachment.Describe(upload.FileName, file.SizeBytes, file.Sha256, file.Kind.ContentType, file.StorageKey, now));
                }
                catch (DomainException ex)
                {
                    errors.Add(EvidenceFormModel.AttachmentsField, ex.Message);
                }
            }
        }
        catch
        {
            DeleteStored(result);
            throw;
        }

        return result;
    }

    private void DeleteStored(StoredUploads stored)
    {
        foreach (var key in stored.Keys)
        {
            files.Discard(key);
        }
    }

    private sealed class StoredUploads
    {
        public List<string> Keys { get; } = [];

        public List<Attachment> Attachments { get; } = [];
    }
}

/// <summary>Housekeeping of stored files shared by the evidence handlers.</summary>
internal static class StoredFiles
{
    /// <summary>
    /// Deletes the stored files of <paramref name="keys"/> that no attachment row still references: the revisions of
    /// an accepted item share its files.
    /// </summary>
    public static async Task DeleteUnreferencedAsync(AppDbContext db, EvidenceFileStore store, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var stillUsed = await db.Attachments.Where(a => distinct.Contains(a.StorageKey)).Select(a => a.StorageKey).Distinct().ToListAsync(ct);
        foreach (var key in distinct.Except(stillUsed, StringComparer.Ordinal))
        {
            store.Delete(key);
        }
    }
}
