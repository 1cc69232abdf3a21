using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Web.Files;
using ApprenticeTracker.Web.Settings;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// The steps the evidence handlers share. Files are saved all or nothing, through <see cref="FileUploads"/>: they are
/// staged first, then the item is saved and the files moved into the store in one database transaction
/// (<see cref="SaveWithFilesAsync"/>); if anything is refused or fails, the files of the request are discarded.
/// </summary>
public sealed class EvidenceSaving(IDbContextFactory<AppDbContext> contexts, CurrentUser user, FileUploads uploads, IOptions<EvidenceOptions> options)
{
    internal EvidenceOptions Limits { get; } = options.Value;

    /// <summary>Saves the rows and moves the request's staged files into the store, in one transaction (<see cref="FileUploads.SaveWithFilesAsync"/>).</summary>
    internal Task SaveWithFilesAsync(AppDbContext db, StoredUploads stored, CancellationToken ct) =>
        uploads.SaveWithFilesAsync(db, stored.Keys, ct);

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

    internal async Task<StoredUploads> StoreAsync(IReadOnlyList<UploadedFile> files, int existingCount, FormErrors errors, DateTimeOffset now, CancellationToken ct)
    {
        var result = new StoredUploads();
        if (files.Count == 0)
        {
            return result;
        }

        if (existingCount + files.Count > Limits.MaxFilesPerItem)
        {
            var room = Math.Max(0, Limits.MaxFilesPerItem - existingCount);
            errors.Add(EvidenceFormModel.AttachmentsField, $"An item of evidence can have at most {Limits.MaxFilesPerItem} files. You chose {files.Count}; there is room for {room} more.");
            return result;
        }

        try
        {
            foreach (var upload in files)
            {
                if (await uploads.StageAsync(upload, EvidenceFormModel.AttachmentsField, errors, result.Keys, now, ct) is { } file)
                {
                    result.Attachments.Add(Attachment.From(file));
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

    internal void DeleteStored(StoredUploads stored) => uploads.Discard(stored.Keys);

    /// <summary>Deletes the stored files of <paramref name="keys"/> that no row refers to any more (<see cref="FileUploads.DeleteUnreferencedAsync"/>).</summary>
    internal Task DeleteUnreferencedAsync(AppDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct) =>
        uploads.DeleteUnreferencedAsync(db, keys, ct);

    internal sealed class StoredUploads
    {
        public List<string> Keys { get; } = [];

        public List<Attachment> Attachments { get; } = [];
    }
}
