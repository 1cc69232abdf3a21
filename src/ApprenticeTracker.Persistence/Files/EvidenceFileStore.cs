using System.Security.Cryptography;

namespace ApprenticeTracker.Persistence.Files;

/// <summary>A file kept by the <see cref="EvidenceFileStore"/>: where, how big, its SHA-256 and its recognised kind.</summary>
public sealed record StoredFile(string StorageKey, long SizeBytes, string Sha256, FileKind Kind);

/// <summary>A file the store refused; the message says why, for the person who uploaded it.</summary>
public sealed class FileRejectedException : Exception
{
    public FileRejectedException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Keeps evidence files on disk under the data folder, outside the web root, each under a random name. A file is
/// received into the staging folder while its size is limited and its SHA-256 computed, recognised by its content,
/// and moved into the store (<see cref="Place"/>) only by the save that records it, inside that save's database
/// transaction: a crash leaves a staged file, or a placed file no row refers to, and never a row without its file.
/// <see cref="FileSweeper"/> removes what a crash leaves.
/// </summary>
public sealed class EvidenceFileStore
{
    private readonly string _root;
    private readonly string _staging;

    /// <param name="root">The folder files are kept in, for example <c>data/files</c>. Created when missing.</param>
    /// <param name="staging">
    /// The folder uploads are received into, for example <c>data/staging</c>; on the same file system as
    /// <paramref name="root"/>, so that placing a file is an atomic rename.
    /// </param>
    public EvidenceFileStore(string root, string staging)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(staging);
        _root = Path.GetFullPath(root);
        _staging = Path.GetFullPath(staging);
    }

    /// <summary>The folder the store keeps files in.</summary>
    public string Root => _root;

    /// <summary>The folder uploads wait in until their save places them.</summary>
    public string Staging => _staging;

    /// <summary>
    /// Receives a file of at most <paramref name="maxBytes"/> bytes whose content is one of the accepted kinds into the
    /// staging folder, written through to the disk. It is not in the store until <see cref="Place"/> moves it there.
    /// </summary>
    /// <param name="displayName">The uploader's name for the file, used only in messages.</param>
    /// <exception cref="FileRejectedException">The file is empty, too large or not an accepted kind.</exception>
    public async Task<StoredFile> StageAsync(Stream content, string displayName, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        Directory.CreateDirectory(_staging);
        var key = NewKey();
        var staged = StagedPathFor(key);
        var kept = false;
        try
        {
            long size;
            string sha256;
            FileKind? kind;
            await using (var file = new FileStream(staged, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                (size, sha256) = await CopyLimitedAsync(content, file, displayName, maxBytes, ct);
                if (size == 0)
                {
                    throw new FileRejectedException($"'{displayName}' is empty.");
                }

                kind = ContentSniffer.Sniff(file);

                // On the disk before any row can refer to it: a power cut after the commit must not leave an empty file.
                file.Flush(flushToDisk: true);
            }

            if (kind is not { IsAccepted: true })
            {
                throw new FileRejectedException(FileKind.RefusalMessage(kind, displayName));
            }

            kept = true;
            return new StoredFile(key, size, sha256, kind);
        }
        finally
        {
            if (!kept && File.Exists(staged))
            {
                File.Delete(staged);
            }
        }
    }

    /// <summary>
    /// Moves a staged file into the store with one rename. Call it inside the database transaction that records the
    /// file, after the rows are written and before the commit. Its time is set to now, so the sweep's grace period
    /// protects it until that commit.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file is staged under the key.</exception>
    public void Place(string storageKey)
    {
        var final = PathFor(storageKey);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        File.Move(StagedPathFor(storageKey), final);
        File.SetLastWriteTimeUtc(final, DateTime.UtcNow);
    }

    /// <summary>
    /// Removes the file of a save that did not happen, staged or already placed. Only for keys that save made: a key
    /// that rows already refer to goes through <see cref="Delete"/> once no row does.
    /// </summary>
    public void Discard(string storageKey)
    {
        var staged = StagedPathFor(storageKey);
        if (File.Exists(staged))
        {
            File.Delete(staged);
        }

        Delete(storageKey);
    }

    /// <summary>Whether an upload still waits in the staging folder under the key (the sweep has not removed it).</summary>
    public bool IsStaged(string storageKey) => IsStorageKey(storageKey) && File.Exists(StagedPathFor(storageKey));

    /// <summary>Opens a stored file for reading.</summary>
    /// <exception cref="FileNotFoundException">No file is stored under the key.</exception>
    public Stream OpenRead(string storageKey) =>
        new FileStream(PathFor(storageKey), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public bool Exists(string storageKey) => File.Exists(PathFor(storageKey));

    /// <summary>Removes a stored file; removing one that is not there is not an error.</summary>
    public void Delete(string storageKey)
    {
        var path = PathFor(storageKey);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>The path of a key: two levels of folders from its first characters keep folders small.</summary>
    public string PathFor(string storageKey)
    {
        if (!IsStorageKey(storageKey))
        {
            throw new ArgumentException("A storage key is 32 lower-case hexadecimal characters.", nameof(storageKey));
        }

        return Path.Combine(_root, RelativePathFor(storageKey));
    }

    /// <summary>Where a key's file lies relative to the store's folder, for example <c>0a/1b/0a1b…</c>.</summary>
    public static string RelativePathFor(string storageKey) => Path.Combine(storageKey[..2], storageKey[2..4], storageKey);

    /// <summary>Whether a name is a key this store makes: 32 lower-case hexadecimal characters.</summary>
    public static bool IsStorageKey(string? name) => name is { Length: 32 } && name.All(char.IsAsciiHexDigitLower);

    private string StagedPathFor(string storageKey) =>
        IsStorageKey(storageKey)
            ? Path.Combine(_staging, storageKey)
            : throw new ArgumentException("A storage key is 32 lower-case hexadecimal characters.", nameof(storageKey));

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static async Task<(long Size, string Sha256)> CopyLimitedAsync(Stream source, Stream target, string displayName, long maxBytes, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new FileRejectedException($"'{displayName}' is larger than {FormatLimit(maxBytes)}, the most a file may be.");
            }

            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        await target.FlushAsync(ct);
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string FormatLimit(long bytes) => Domain.Evidence.Attachment.FormatSize(bytes);
}
