using ApprenticeTracker.Domain.Organisations;
using ApprenticeTracker.Domain.Standards;
using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Web.Files;
using ApprenticeTracker.Web.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Evidence;

/// <summary>
/// The steps the evidence handlers share. Files are saved all or nothing, through <see cref="FileUploads"/>: they are
/// staged first, then the item is saved and the files moved into the store in one database transaction
/// (<see cref="SaveWithFilesAsync"/>); if anything is refused or fails, the files of the request are discarded.
/// </summary>
public sealed class EvidenceSaving(IDbContextFactory<AppDbContext> contexts, CurrentUser user, FileUploads uploads, EvidenceFileStore files, IOptions<EvidenceOptions> options, IDataProtectionProvider protection)
{
    private readonly KeptFileTokens _kept = new(protection);

    internal EvidenceOptions Limits { get; } = options.Value;

    internal const string KeptFileGone =
        "A file kept from your last try is no longer available (kept files are cleared after an hour): choose it again.";

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
        EvidenceItem.Fields.WitnessContactId => nameof(EvidenceFormModel.WitnessContactId),
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

    /// <summary>
    /// The contacts who may witness the enrolment's evidence: those of its employer invited by its provider. Read-only
    /// (never tracked), so that a witness named on an item is not saved with it.
    /// </summary>
    internal static IQueryable<EmployerContact> WitnessesOf(AppDbContext db, Guid enrolmentId) =>
        from e in db.Enrolments
        where e.Id == enrolmentId
        join c in db.EmployerContacts.AsNoTracking() on e.EmployerId equals c.EmployerId
        where c.TrainingProviderId == e.TrainingProviderId
        select c;

    /// <summary>
    /// The witness the form names, among the enrolment's employer's contacts (<see cref="WitnessesOf"/>); null when none
    /// is named, or when what was posted is not one of them, which is refused here.
    /// </summary>
    internal static async Task<EmployerContact?> FindWitnessAsync(AppDbContext db, Guid enrolmentId, EvidenceFormModel form, FormErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.WitnessContactId))
        {
            return null;
        }

        var witness = Guid.TryParse(form.WitnessContactId, out var id)
            ? await WitnessesOf(db, enrolmentId).SingleOrDefaultAsync(c => c.Id == id, ct)
            : null;
        if (witness is null)
        {
            errors.Add(nameof(EvidenceFormModel.WitnessContactId), "Choose a witness from your employer's contacts listed.");
        }

        return witness;
    }

    internal static bool IsSubmit(EvidenceFormModel form) =>
        string.Equals(form.Action, EvidenceFormModel.SubmitAction, StringComparison.Ordinal);

    /// <summary>
    /// Reads the typed fields that are not text. A value that cannot be read is refused here and passed on as none, so
    /// that the domain still checks the rest; a field left empty is the domain's to refuse.
    /// </summary>
    internal static EvidenceContent Parse(EvidenceFormModel form, EmployerContact? witness, FormErrors errors)
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

        return new EvidenceContent(form.Title ?? string.Empty, type, date, form.Description, witness);
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

    /// <summary>
    /// Stages the files of this post and takes back those kept from a refused one (still ticked on the form). Kept
    /// files that the form no longer ticks stay staged until the sweep removes them.
    /// </summary>
    internal async Task<StoredUploads> StoreAsync(EvidenceFormModel form, IReadOnlyList<UploadedFile> chosen, int existingCount, FormErrors errors, DateTimeOffset now, CancellationToken ct)
    {
        var result = new StoredUploads();
        var kept = form.KeptFileTokens.Select(t => _kept.Read(t, user.UserId, form.FormToken)).ToList();
        if (kept.Any(k => k is null || !files.IsStaged(k.StorageKey)))
        {
            errors.Add(EvidenceFormModel.AttachmentsField, KeptFileGone);
        }

        var keptFiles = kept.OfType<KeptUpload>().Where(k => files.IsStaged(k.StorageKey)).DistinctBy(k => k.StorageKey).ToList();
        if (chosen.Count == 0 && keptFiles.Count == 0)
        {
            return result;
        }

        var tooMany = existingCount + keptFiles.Count + chosen.Count > Limits.MaxFilesPerItem;
        if (tooMany)
        {
            var room = Math.Max(0, Limits.MaxFilesPerItem - existingCount);
            errors.Add(EvidenceFormModel.AttachmentsField, $"An item of evidence can have at most {Limits.MaxFilesPerItem} files. You chose {keptFiles.Count + chosen.Count}; there is room for {room} more.");
        }

        // Taken back first, so that a refusal of this post keeps them again.
        foreach (var file in keptFiles)
        {
            result.Keys.Add(file.StorageKey);
            result.Files.Add(file);
            result.Attachments.Add(Attachment.Describe(file.FileName, file.SizeBytes, file.Sha256, file.ContentType, file.StorageKey, now));
        }

        if (tooMany)
        {
            return result;
        }

        try
        {
            foreach (var upload in chosen)
            {
                if (await uploads.StageAsync(upload, EvidenceFormModel.AttachmentsField, errors, result.Keys, now, ct) is { } file)
                {
                    result.Attachments.Add(Attachment.From(file));
                    result.Files.Add(new KeptUpload(file.StorageKey, file.FileName, file.SizeBytes, file.Sha256, file.ContentType));
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

    /// <summary>
    /// After a refusal: the files that were accepted stay staged, and the form offers them again, ticked, so that the
    /// apprentice need not choose them again. Files the refusal concerned (a wrong kind, too large) are not kept.
    /// </summary>
    internal void KeepForRetry(StoredUploads stored, EvidenceFormModel form)
    {
        var kept = stored.Files.Select(f => f.StorageKey).ToHashSet(StringComparer.Ordinal);
        foreach (var key in stored.Keys.Where(k => !kept.Contains(k)))
        {
            uploads.Discard([key]);
        }

        form.Keep(stored.Files
            .Select(f => new KeptFile(_kept.Protect(user.UserId, form.FormToken, f), f.FileName, Attachment.FormatSize(f.SizeBytes)))
            .ToList());
    }

    internal void DeleteStored(StoredUploads stored) => uploads.Discard(stored.Keys);

    /// <summary>Deletes the stored files of <paramref name="keys"/> that no row refers to any more (<see cref="FileUploads.DeleteUnreferencedAsync"/>).</summary>
    internal Task DeleteUnreferencedAsync(AppDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct) =>
        uploads.DeleteUnreferencedAsync(db, keys, ct);

    internal sealed class StoredUploads
    {
        public List<string> Keys { get; } = [];

        public List<Attachment> Attachments { get; } = [];

        /// <summary>The files staged and described, which a refusal keeps for the next try.</summary>
        public List<KeptUpload> Files { get; } = [];
    }
}
