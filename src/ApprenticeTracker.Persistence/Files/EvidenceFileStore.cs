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
/// received into a temporary file while its size is limited and its SHA-256 computed, recognised by its content,
/// and only then moved into place, so a refused or interrupted upload leaves nothing behind.
/// </summary>
public sealed class EvidenceFileStore
{
    private const string IncomingFolderName = ".incoming";
    private readonly string _root;

    /// <param name="root">The folder files are kept in, for example <c>data/files</c>. Created when missing.</param>
    public EvidenceFileStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
    }

    /// <summary>The folder the store keeps files in.</summary>
    public string Root => _root;

    /// <summary>
    /// Stores a file of at most <paramref name="maxBytes"/> bytes whose content is one of the accepted kinds.
    /// </summary>
    /// <param name="displayName">The uploader's name for the file, used only in messages.</param>
    /// <exception cref="FileRejectedException">The file is empty, too large or not an accepted kind.</exception>
    public async Task<StoredFile> SaveAsync(Stream content, string displayName, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var incoming = Path.Combine(_root, IncomingFolderName);
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, NewKey());
        try
        {
            long size;
            string sha256;
            FileKind? kind;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                (size, sha256) = await CopyLimitedAsync(content, file, displayName, maxBytes, ct);
                if (size == 0)
                {
                    throw new FileRejectedException($"'{displayName}' is empty.");
                }

                kind = ContentSniffer.Sniff(file);
            }

            if (kind is not { IsAccepted: true })
            {
                throw new FileRejectedException(FileKind.RefusalMessage(kind, displayName));
            }

            var key = NewKey();
            var final = PathFor(key);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(temp, final);
            return new StoredFile(key, size, sha256, kind);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

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
    private string PathFor(string storageKey)
    {
        if (storageKey is not { Length: 32 } || !storageKey.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A storage key is 32 lower-case hexadecimal characters.", nameof(storageKey));
        }

        return Path.Combine(_root, storageKey[..2], storageKey[2..4], storageKey);
    }

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
