using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Persistence.Files;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>A file as it arrived with a form: the uploader's name for it and a way to read it once.</summary>
public sealed record UploadedFile(string FileName, Func<Stream> OpenReadStream);

/// <summary>
/// The steps the evidence handlers share. Files are saved all or nothing: they are staged first, then the item is
/// saved and the files moved into the store in one database transaction (<see cref="SaveWithFilesAsync"/>); if
/// anything is refused or fails, the files of the request are discarded.
/// </summary>
public sealed class EvidenceSaving(IDbContextFactory<AppDbContext> contexts, CurrentUser user, EvidenceFileStore files, IOptions<EvidenceOptions> options)
{
    internal EvidenceOptions Limits { get; } = options.Value;

    /// <summary>
    /// Writes the rows, then moves the staged files into the store, then commits, all in one transaction. A crash
    /// before the commit leaves files in the store that no row refers to, which the sweep removes once they are older
    /// than its grace period; after the commit every row has its file. Never a row without its file: that order
    /// reversed (commit, then move) would leave one after a crash between the two.
    /// </summary>
    internal async Task SaveWithFilesAsync(AppDbContext db, StoredUploads stored, CancellationToken ct)
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

    /// <summary>The form field a domain refusal concerns, by the domain's field constant: the one place they are bound.</summary>
    internal static string? FieldFor(string? domainField) => domainField switch
    {
        EvidenceItem.Fields.Title => nameof(EvidenceFormModel.Title),
        EvidenceItem.Fields.Type => nameof(EvidenceFormModel.Type),
        EvidenceItem.Fields.ActivityDate => nameof(EvidenceFormModel.ActivityDate),
        EvidenceItem.Fields.Description => nameof(EvidenceFormModel.Description),
        EvidenceItem.Fields.DutyIds => EvidenceFormModel.DutyIdsField,
        EvidenceItem.Fields.KsbIds => EvidenceFormModel.KsbIdsField,
        EvidenceItem.Fields.Attachments => EvidenceFormModel.AttachmentsField,
        _ => null,
    };

    internal static CommandResult? CheckUnchanged(EvidenceItem item, EvidenceFormModel form)
    {
        if (form.ConcurrencyStamp != item.ConcurrencyStamp)
        {
            return CommandResult.Conflict(ChangedMeanwhile, item.ConcurrencyStamp) with { Id = item.Id };
        }

        return null;
    }

    internal async Task<Guid?> CurrentStampAsync(Guid itemId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.EvidenceItems.Where(i => i.Id == itemId).Select(i => (Guid?)i.ConcurrencyStamp).SingleOrDefaultAsync(ct);
    }

    internal async Task<EvidenceItem?> LoadOwnItemAsync(AppDbContext db, Guid itemId, CancellationToken ct)
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

    internal static Task<Standard> LoadStandardAsync(AppDbContext db, Guid standardId, CancellationToken ct) =>
        db.Standards.AsNoTracking()
            .Include(s => s.Duties)
            .Include(s => s.Ksbs)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == standardId, ct);

    internal static Task<Guid?> FindTokenAsync(AppDbContext db, Guid token, CancellationToken ct) =>
        db.FormSubmissions.Where(s => s.Token == token).Select(s => (Guid?)s.RecordId).SingleOrDefaultAsync(ct);

    internal static bool IsSubmit(EvidenceFormModel form) =>
        string.Equals(form.Action, EvidenceFormModel.SubmitAction, StringComparison.Ordinal);

    /// <summary>
    /// Reads the typed fields that are not text. A value that cannot be read is refused here and passed on as none, so
    /// that the domain still checks the rest; a field left empty is the domain's to refuse.
    /// </summary>
    internal static EvidenceContent Parse(EvidenceFormModel form, FormErrors errors)
    {
        EvidenceType? type = null;
        if (string.IsNullOrWhiteSpace(form.Type))
        {
            type = null;
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
            date = null;
        }
        else if (DateOnly.TryParseExact(form.ActivityDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = day;
        }
        else
        {
            errors.Add(nameof(EvidenceFormModel.ActivityDate), "Enter the date of the activity as a real date, for example 21 11 2026.");
        }

        return new EvidenceContent(form.Title ?? string.Empty, type, date, form.Description);
    }

    /// <summary>
    /// While the apprenticeship is not active the domain refuses every change to evidence, whatever the form holds:
    /// that refusal is then the only message, given before any file of the request is stored.
    /// </summary>
    internal static bool RefusedUnlessActive(Domain.Enrolments.Enrolment enrolment, string action, FormErrors errors)
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

    internal static void Try(FormErrors errors, Action action)
    {
        try
        {
            action();
        }
        catch (DomainException ex)
        {
            errors.Add(ex, FieldFor);
        }
    }

    internal async Task<StoredUploads> StoreAsync(IReadOnlyList<UploadedFile> uploads, int existingCount, FormErrors errors, DateTimeOffset now, CancellationToken ct)
    {
        var result = new StoredUploads();
        if (uploads.Count == 0)
        {
            return result;
        }

        if (existingCount + uploads.Count > Limits.MaxFilesPerItem)
        {
            var room = Math.Max(0, Limits.MaxFilesPerItem - existingCount);
            errors.Add(EvidenceFormModel.AttachmentsField, $"An item of evidence can have at most {Limits.MaxFilesPerItem} files. You chose {uploads.Count}; there is room for {room} more.");
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
                    file = await files.StageAsync(content, upload.FileName, Limits.MaxFileBytes, ct);
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

    internal void DeleteStored(StoredUploads stored)
    {
        foreach (var key in stored.Keys)
        {
            files.Discard(key);
        }
    }

    internal sealed class StoredUploads
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
