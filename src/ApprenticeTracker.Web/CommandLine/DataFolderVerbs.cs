using ApprenticeTracker.Persistence.Backups;
using ApprenticeTracker.Persistence.Files;

namespace ApprenticeTracker.Web.CommandLine;

/// <summary>
/// The verbs that look after the data folder: <c>check-files [--dry-run]</c>, <c>backup --out &lt;folder&gt;</c>,
/// <c>verify-backup &lt;folder&gt;</c> and <c>restore --from &lt;folder&gt;</c>.
/// </summary>
public sealed class DataFolderVerbs(DatabaseInitializer initializer, FileSweeper sweeper, DataBackup backup, DataPaths paths)
{
    public const string CheckFiles = "check-files";
    public const string Backup = "backup";
    public const string VerifyBackup = "verify-backup";
    public const string Restore = "restore";
    public const string DryRunOption = "--dry-run";
    public const string OutOption = "--out";
    public const string FromOption = "--from";

    /// <summary>
    /// Sweeps what interrupted uploads left (older than the grace period) and lists attachments whose file is missing.
    /// </summary>
    /// <returns>0, or 1 when an attachment's file is missing.</returns>
    public async Task<int> CheckFilesAsync(bool dryRun, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await initializer.MigrateAsync(ct);
        var result = await sweeper.SweepAsync(dryRun, ct);
        var verb = dryRun ? "Would remove" : "Removed";
        foreach (var file in result.Removed)
        {
            output.WriteLine($"{verb} {file.RelativePath}: {file.Reason}, last written {file.LastWritten.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)}.");
        }

        var grace = result.GracePeriod.ToString("c", CultureInfo.InvariantCulture);
        output.WriteLine(
            $"{verb} {Count(result.Removed.Count, "file")} left by interrupted uploads; spared {Count(result.Spared, "newer one")}, younger than the grace period ({grace}), which a save in progress may still need.");
        foreach (var missing in result.Missing)
        {
            error.WriteLine($"The attachment '{missing.FileName}' ({missing.AttachmentId}) of {missing.Owner} has no file: {DataPaths.FilesFolderName}/{EvidenceFileStore.RelativePathFor(missing.StorageKey).Replace(Path.DirectorySeparatorChar, '/')} is missing.");
        }

        if (result.Missing.Count > 0)
        {
            error.WriteLine($"{Count(result.Missing.Count, "attachment")} of the database {(result.Missing.Count == 1 ? "has" : "have")} no file. Restore the files from a backup.");
            return ExitCodes.Failure;
        }

        output.WriteLine("Every attachment has its file.");
        return ExitCodes.Success;
    }

    public async Task<int> BackupAsync(string folder, TextWriter output, TextWriter error, CancellationToken ct) =>
        Report(await backup.WriteAsync(folder, ct), output, error, outcome => $"Backed up the database, {Count(outcome.EvidenceFiles, "evidence file")} and {Count(outcome.Keys, "key")} to {Path.GetFullPath(folder)}, with the SHA-256 of each in {DataBackup.ManifestFileName}.");

    public async Task<int> VerifyBackupAsync(string folder, TextWriter output, TextWriter error, CancellationToken ct) =>
        Report(await DataBackup.VerifyAsync(folder, ct), output, error, outcome => $"The backup in {Path.GetFullPath(folder)} is whole: the database passes SQLite's integrity check, and it, {Count(outcome.EvidenceFiles, "evidence file")} and {Count(outcome.Keys, "key")} match the manifest.");

    public async Task<int> RestoreAsync(string folder, TextWriter output, TextWriter error, CancellationToken ct) =>
        Report(await backup.RestoreAsync(folder, ct), output, error, outcome => $"Restored the database, {Count(outcome.EvidenceFiles, "evidence file")} and {Count(outcome.Keys, "key")} from {Path.GetFullPath(folder)} into {paths.Root}.");

    /// <summary>Writes the outcome's problems and fails, or writes what was done and succeeds.</summary>
    private static int Report(BackupOutcome outcome, TextWriter output, TextWriter error, Func<BackupOutcome, string> done)
    {
        if (!outcome.Succeeded)
        {
            foreach (var problem in outcome.Problems)
            {
                error.WriteLine(problem);
            }

            return ExitCodes.Failure;
        }

        output.WriteLine(done(outcome));
        return ExitCodes.Success;
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");
}
