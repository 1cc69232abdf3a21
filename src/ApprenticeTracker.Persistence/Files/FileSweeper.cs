using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Persistence.Files;

/// <summary>A file the sweep removed (or, in a dry run, would remove): where, relative to the data folder, and why.</summary>
public sealed record SweptFile(string RelativePath, string Reason, DateTimeOffset LastWritten);

/// <summary>A row whose file is not in the store: an evidence attachment, or an off-the-job entry's file.</summary>
/// <param name="AttachmentId">The attachment's id, or the off-the-job entry's.</param>
/// <param name="Owner">What the file belongs to, for messages: "evidence …" or "off-the-job entry …".</param>
public sealed record MissingFile(Guid AttachmentId, string Owner, string FileName, string StorageKey);

/// <summary>What a sweep found.</summary>
/// <param name="Removed">The files removed, or that a dry run would remove.</param>
/// <param name="Spared">Files that would go but are younger than the grace period, so may belong to a save in progress.</param>
/// <param name="Missing">Attachment rows whose file is missing; the sweep cannot mend those.</param>
public sealed record SweepResult(IReadOnlyList<SweptFile> Removed, int Spared, IReadOnlyList<MissingFile> Missing, TimeSpan GracePeriod);

/// <summary>
/// Removes what an interrupted save or request leaves in the data folder: staged uploads, request buffers
/// (<c>ASPNETCORE_*.tmp</c>) and stored files that no row refers to (evidence attachments, off-the-job entries' files), each only once it is older than
/// <see cref="AppOptions.OrphanFileGracePeriod"/>; and finds attachment rows whose file is missing. Runs at start-up
/// and as the <c>check-files</c> verb.
/// </summary>
public sealed partial class FileSweeper(
    IDbContextFactory<AppDbContext> contexts, DataPaths paths, EvidenceFileStore store, IOptions<AppOptions> options, TimeProvider time, ILogger<FileSweeper> logger)
{
    public const string StagedReason = "a staged upload whose save never finished";
    public const string BufferReason = "a request buffer of an interrupted upload";
    public const string OrphanReason = "no attachment refers to it";

    /// <param name="dryRun">Report what would be removed and remove nothing.</param>
    public async Task<SweepResult> SweepAsync(bool dryRun, CancellationToken ct)
    {
        var grace = options.Value.OrphanFileGracePeriod;
        var cutoff = time.GetUtcNow() - grace;

        // Files are listed before the rows are read. A file placed and committed after the listing is not in it; one
        // placed before the listing whose save commits after the rows are read is younger than the grace period.
        var staged = List(paths.StagingFolder);
        var buffers = List(paths.TempFolder);
        var stored = List(store.Root);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await StoredFileKeys.ReferencesAsync(db, ct);
        var referenced = rows.Select(r => store.PathFor(r.StorageKey)).ToHashSet(StringComparer.Ordinal);

        var candidates = staged.Select(f => (File: f, Reason: StagedReason))
            .Concat(buffers.Select(f => (File: f, Reason: BufferReason)))
            .Concat(stored.Where(f => !referenced.Contains(f.FullName)).Select(f => (File: f, Reason: OrphanReason)));
        var removed = new List<SweptFile>();
        var spared = 0;
        foreach (var (file, reason) in candidates)
        {
            var lastWritten = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
            if (lastWritten > cutoff)
            {
                spared++;
                continue;
            }

            var relative = Path.GetRelativePath(paths.Root, file.FullName);
            if (!dryRun)
            {
                try
                {
                    file.Delete();
                }
                catch (IOException ex)
                {
                    LogNotRemoved(logger, relative, ex.Message);
                    continue;
                }

                LogRemoved(logger, relative, reason, lastWritten);
            }

            removed.Add(new SweptFile(relative, reason, lastWritten));
        }

        var missing = rows
            .Where(r => !File.Exists(store.PathFor(r.StorageKey)))
            .Select(r => new MissingFile(r.Id, r.Owner, r.FileName, r.StorageKey))
            .ToList();
        foreach (var file in missing)
        {
            LogMissing(logger, file.AttachmentId, file.FileName, file.Owner, Path.GetRelativePath(paths.Root, store.PathFor(file.StorageKey)));
        }

        return new SweepResult(removed, spared, missing, grace);
    }

    private static List<FileInfo> List(string folder) =>
        Directory.Exists(folder)
            ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).ToList()
            : [];

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Path}: {Reason} (last written {LastWritten}).")]
    private static partial void LogRemoved(ILogger logger, string path, string reason, DateTimeOffset lastWritten);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove {Path}: {Error}")]
    private static partial void LogNotRemoved(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Attachment {AttachmentId} ('{FileName}') of {Owner} has no file: {Path} is missing.")]
    private static partial void LogMissing(ILogger logger, Guid attachmentId, string fileName, string owner, string path);
}
