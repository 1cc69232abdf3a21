using ApprenticeTracker.Persistence.Files;
using ApprenticeTracker.Web.Settings;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Files;

/// <summary>A file as it arrived with a form: the uploader's name for it and a way to read it once.</summary>
public sealed record UploadedFile(string FileName, Func<Stream> OpenReadStream);

/// <summary>
/// The one way a form's file reaches the file store, for evidence and off-the-job entries alike. A file is staged
/// first (size-limited, its content recognised, see <see cref="EvidenceFileStore.StageAsync"/>) and described by the
/// domain's checks; the record is then saved and the file moved into the store in one database transaction
/// (<see cref="SaveWithFilesAsync"/>); if anything is refused or fails, the request's files are discarded.
/// </summary>
public sealed class FileUploads(EvidenceFileStore files, IOptions<EvidenceOptions> options)
{
    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>
    /// Stages one upload and describes it, refusing at <paramref name="field"/> (in <paramref name="errors"/>) a file
    /// that is empty, too large, not an accepted kind or badly named. The key of a staged file is added to
    /// <paramref name="staged"/> even when its description is refused, so that the caller discards it.
    /// </summary>
    public async Task<FileDescription?> StageAsync(
        UploadedFile upload, string field, FormErrors errors, List<string> staged, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(staged);
        StoredFile file;
        try
        {
            await using var content = upload.OpenReadStream();
            file = await files.StageAsync(content, upload.FileName, MaxFileBytes, ct);
        }
        catch (FileRejectedException ex)
        {
            errors.Add(field, ex.Message);
            return null;
        }

        staged.Add(file.StorageKey);
        try
        {
            return FileDescription.Describe(upload.FileName, file.SizeBytes, file.Sha256, file.Kind.ContentType, file.StorageKey, now, field);
        }
        catch (DomainException ex)
        {
            errors.Add(field, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Writes the rows, then moves the staged files into the store, then commits, all in one transaction. A crash
    /// before the commit leaves files in the store that no row refers to, which the sweep removes once they are older
    /// than its grace period; after the commit every row has its file. Never a row without its file: that order
    /// reversed (commit, then move) would leave one after a crash between the two.
    /// </summary>
    public async Task SaveWithFilesAsync(AppDbContext db, IEnumerable<string> stagedKeys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var key in stagedKeys)
        {
            files.Place(key);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Removes the files of a save that did not happen, staged or already placed.</summary>
    public void Discard(IEnumerable<string> stagedKeys)
    {
        ArgumentNullException.ThrowIfNull(stagedKeys);
        foreach (var key in stagedKeys)
        {
            files.Discard(key);
        }
    }

    /// <summary>
    /// After a save that dropped references to stored files, deletes those of <paramref name="keys"/> that no
    /// evidence attachment and no off-the-job entry still refers to (the revisions of an accepted item share its files).
    /// </summary>
    public async Task DeleteUnreferencedAsync(AppDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        var stillUsed = await StoredFileKeys.All(db).Where(k => distinct.Contains(k)).Distinct().ToListAsync(ct);
        foreach (var key in distinct.Except(stillUsed, StringComparer.Ordinal))
        {
            files.Delete(key);
        }
    }
}
