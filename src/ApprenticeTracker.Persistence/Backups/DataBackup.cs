using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ApprenticeTracker.Persistence.Files;
using Microsoft.Data.Sqlite;

namespace ApprenticeTracker.Persistence.Backups;

/// <summary>What a backup, a check or a restore did, or why it did not.</summary>
/// <param name="Problems">Empty when it succeeded; otherwise every reason, each a sentence.</param>
/// <param name="EvidenceFiles">The evidence files in the backup.</param>
/// <param name="Keys">The data-protection key files in the backup.</param>
public sealed record BackupOutcome(IReadOnlyList<string> Problems, int EvidenceFiles, int Keys)
{
    public bool Succeeded => Problems.Count == 0;

    public static BackupOutcome Failed(params string[] problems) => new(problems, 0, 0);
}

/// <summary>
/// Backs up the data folder into a folder of its own and restores it: the database as a consistent copy made by
/// SQLite's <c>VACUUM INTO</c>, the evidence files its attachment rows refer to, and the data-protection keys, with a
/// manifest (<see cref="ManifestFileName"/>, in the format of <c>sha256sum</c>) of every file's SHA-256.
/// </summary>
/// <remarks>
/// The manifest is written last, so a backup that was interrupted has none and fails its check. Everything written is
/// readable by the owner only. A restore needs the data folder's lock exclusively (<see cref="DataFolderLock"/>), so it
/// refuses to run while the app or another verb uses the folder.
/// </remarks>
public sealed partial class DataBackup(DataPaths paths, EvidenceFileStore store)
{
    public const string ManifestFileName = "manifest.sha256";
    public const string DatabaseFileName = DataPaths.DatabaseFileName;

    private const string RestoringFolderName = ".restoring";
    private const string ReplacedFolderName = ".replaced";

    /// <summary>A file can go between the copy of the database and the copy of the files; the backup then starts again.</summary>
    private const int Attempts = 3;

    /// <summary>Writes a backup into <paramref name="folder"/>, which must be new or empty.</summary>
    public async Task<BackupOutcome> WriteAsync(string folder, CancellationToken ct)
    {
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return BackupOutcome.Failed($"The folder {target} is not empty. Back up into a new or empty folder.");
        }

        if (IsInside(target, paths.Root))
        {
            return BackupOutcome.Failed($"The folder {target} is inside the data folder {paths.Root}. Back up somewhere else.");
        }

        var source = paths.DatabaseFileInUse;
        if (source is null || !File.Exists(source))
        {
            return BackupOutcome.Failed($"There is no database to back up at {source ?? paths.ConnectionString}.");
        }

        OwnerOnly.CreateFolder(target);
        IReadOnlyList<string> missing = [];
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            ClearFolder(target);
            var database = Path.Combine(target, DatabaseFileName);
            await CopyDatabaseAsync(paths.ConnectionString, database, ct);
            var keys = await ReadStorageKeysAsync(database, ct);
            missing = await CopyEvidenceFilesAsync(keys, Path.Combine(target, DataPaths.FilesFolderName), ct);
            if (missing.Count > 0)
            {
                // Removed after the database was copied (a draft deleted), or lost: try again with a newer copy.
                continue;
            }

            var keyFiles = await CopyKeysAsync(Path.Combine(target, DataPaths.KeysFolderName), ct);
            await WriteManifestAsync(target, ct);
            return new BackupOutcome([], keys.Count, keyFiles);
        }

        ClearFolder(target);
        return BackupOutcome.Failed(
            [.. missing.Select(key => $"The database refers to the evidence file {Path.GetRelativePath(paths.Root, store.PathFor(key))}, which is missing from the data folder (the check-files verb lists every such file). Nothing was backed up.")]);
    }

    /// <summary>Checks a backup against its manifest and its database, without restoring it.</summary>
    public static async Task<BackupOutcome> VerifyAsync(string folder, CancellationToken ct)
    {
        var source = Path.GetFullPath(folder);
        var manifestPath = Path.Combine(source, ManifestFileName);
        if (!Directory.Exists(source))
        {
            return BackupOutcome.Failed($"There is no folder {source}.");
        }

        if (!File.Exists(manifestPath))
        {
            return BackupOutcome.Failed($"{source} has no {ManifestFileName}: it is not a backup, or the backup did not finish.");
        }

        var problems = new List<string>();
        var manifest = await ReadManifestAsync(manifestPath, problems, ct);
        foreach (var (path, sha256) in manifest)
        {
            var file = Path.Combine(source, path);
            if (!File.Exists(file))
            {
                problems.Add($"{path} is in the manifest but not in the backup.");
            }
            else if (!string.Equals(await HashAsync(file, ct), sha256, StringComparison.Ordinal))
            {
                problems.Add($"{path} has changed since the backup was made: its SHA-256 differs from the manifest's.");
            }
        }

        foreach (var extra in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Select(f => ManifestPath(source, f))
            .Where(p => p != ManifestFileName && !manifest.ContainsKey(p))
            .Order(StringComparer.Ordinal))
        {
            problems.Add($"{extra} is in the backup but not in the manifest.");
        }

        if (!manifest.ContainsKey(DatabaseFileName))
        {
            problems.Add($"The manifest lists no {DatabaseFileName}.");
            return new BackupOutcome(problems, 0, 0);
        }

        var evidence = manifest.Keys.Count(p => p.StartsWith(DataPaths.FilesFolderName + "/", StringComparison.Ordinal));
        var keys = manifest.Keys.Count(p => p.StartsWith(DataPaths.KeysFolderName + "/", StringComparison.Ordinal));
        if (problems.Count > 0)
        {
            return new BackupOutcome(problems, evidence, keys);
        }

        await CheckDatabaseAsync(Path.Combine(source, DatabaseFileName), manifest, problems, ct);
        return new BackupOutcome(problems, evidence, keys);
    }

    /// <summary>
    /// Replaces the data folder's database, evidence files and keys with a backup's, after checking it; removes the
    /// database's stale <c>-wal</c> and <c>-shm</c> files and empties the staging and buffer folders.
    /// </summary>
    public async Task<BackupOutcome> RestoreAsync(string folder, CancellationToken ct)
    {
        using var exclusive = DataFolderLock.TryExclusive(paths);
        if (exclusive is null)
        {
            return BackupOutcome.Failed(
                $"The app or another verb is using the data folder {paths.Root} (it holds {paths.LockFile}). Stop it, then restore. Nothing was changed.");
        }

        var database = paths.DatabaseFileInUse;
        if (database is null)
        {
            return BackupOutcome.Failed("The connection string names no database file to restore into. Nothing was changed.");
        }

        var check = await VerifyAsync(folder, ct);
        if (!check.Succeeded)
        {
            return check with { Problems = [.. check.Problems, "Nothing was restored."] };
        }

        var source = Path.GetFullPath(folder);
        var manifest = await ReadManifestAsync(Path.Combine(source, ManifestFileName), [], ct);
        OwnerOnly.CreateFolder(paths.Root);
        var restoring = Path.Combine(paths.Root, RestoringFolderName);
        var replaced = Path.Combine(paths.Root, ReplacedFolderName);
        DeleteFolder(restoring);
        DeleteFolder(replaced);
        OwnerOnly.CreateFolder(Path.Combine(restoring, DataPaths.FilesFolderName));
        OwnerOnly.CreateFolder(Path.Combine(restoring, DataPaths.KeysFolderName));
        foreach (var (path, sha256) in manifest.Where(m => m.Key != DatabaseFileName))
        {
            if (await CopyFileAsync(Path.Combine(source, path), Path.Combine(restoring, path), ct) != sha256)
            {
                DeleteFolder(restoring);
                return BackupOutcome.Failed($"{path} changed while it was copied. Nothing was restored.");
            }
        }

        // Each folder is swapped whole by renames within the data folder; an interrupted restore is mended by running it again.
        OwnerOnly.CreateFolder(replaced);
        foreach (var (name, live) in new[] { (DataPaths.FilesFolderName, paths.FilesFolder), (DataPaths.KeysFolderName, paths.KeysFolder) })
        {
            if (Directory.Exists(live))
            {
                Directory.Move(live, Path.Combine(replaced, name));
            }

            Directory.Move(Path.Combine(restoring, name), live);
        }

        var incoming = database + RestoringFolderName;
        if (await CopyFileAsync(Path.Combine(source, DatabaseFileName), incoming, ct) != manifest[DatabaseFileName])
        {
            File.Delete(incoming);
            return BackupOutcome.Failed($"{DatabaseFileName} changed while it was copied. The evidence files and keys are restored, the database is not: restore again.");
        }

        // A write-ahead log left beside the old database would be replayed into the restored one.
        SqliteConnection.ClearAllPools();
        foreach (var stale in new[] { "-wal", "-shm", "-journal" })
        {
            File.Delete(database + stale);
        }

        File.Move(incoming, database, overwrite: true);
        foreach (var leftovers in new[] { paths.StagingFolder, paths.TempFolder, restoring, replaced })
        {
            DeleteFolder(leftovers);
        }

        return check;
    }

    private static async Task CopyDatabaseAsync(string connectionString, string target, CancellationToken ct)
    {
        await using (var live = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString()))
        {
            await live.OpenAsync(ct);
            await using var command = live.CreateCommand();

            // A consistent snapshot as of one read transaction, while the app goes on writing.
            command.CommandText = "PRAGMA busy_timeout=5000; VACUUM INTO $target;";
            command.Parameters.AddWithValue("$target", target);
            await command.ExecuteNonQueryAsync(ct);
        }

        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await copy.OpenAsync(ct);
            await using var command = copy.CreateCommand();

            // A rollback journal, so that the copy is one self-contained file that opens read-only.
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            await command.ExecuteNonQueryAsync(ct);
        }

        await using (var file = new FileStream(target, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Flush(flushToDisk: true);
        }

        OwnerOnly.RestrictFile(target);
    }

    private static async Task<List<string>> ReadStorageKeysAsync(string database, CancellationToken ct)
    {
        await using var connection = OpenReadOnly(database);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT StorageKey FROM Attachments ORDER BY StorageKey;";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <returns>The keys whose file is not in the store.</returns>
    private async Task<IReadOnlyList<string>> CopyEvidenceFilesAsync(IReadOnlyList<string> keys, string target, CancellationToken ct)
    {
        OwnerOnly.CreateFolder(target);
        var missing = new List<string>();
        foreach (var key in keys)
        {
            try
            {
                await CopyFileAsync(store.PathFor(key), Path.Combine(target, EvidenceFileStore.RelativePathFor(key)), ct);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                missing.Add(key);
            }
        }

        return missing;
    }

    private async Task<int> CopyKeysAsync(string target, CancellationToken ct)
    {
        OwnerOnly.CreateFolder(target);
        if (!Directory.Exists(paths.KeysFolder))
        {
            return 0;
        }

        var files = Directory.GetFiles(paths.KeysFolder, "*.xml");
        foreach (var file in files)
        {
            await CopyFileAsync(file, Path.Combine(target, Path.GetFileName(file)), ct);
        }

        return files.Length;
    }

    private static async Task WriteManifestAsync(string folder, CancellationToken ct)
    {
        var lines = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path: ManifestPath(folder, f), Full: f))
            .OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            lines.Append(CultureInfo.InvariantCulture, $"{await HashAsync(file.Full, ct)}  {file.Path}\n");
        }

        var manifest = Path.Combine(folder, ManifestFileName);
        var partial = manifest + ".partial";
        await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(lines.ToString()), ct);
            stream.Flush(flushToDisk: true);
        }

        OwnerOnly.RestrictFile(partial);
        File.Move(partial, manifest);
    }

    private static async Task<Dictionary<string, string>> ReadManifestAsync(string manifestPath, List<string> problems, CancellationToken ct)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(manifestPath, ct))
        {
            number++;
            var match = ManifestLine().Match(line);
            if (!match.Success || !IsBackupPath(match.Groups["path"].Value))
            {
                problems.Add($"Line {number} of {ManifestFileName} is not '<SHA-256>  <file>' naming a file of a backup.");
                continue;
            }

            if (!entries.TryAdd(match.Groups["path"].Value, match.Groups["sha"].Value))
            {
                problems.Add($"{ManifestFileName} lists {match.Groups["path"].Value} twice.");
            }
        }

        return entries;
    }

    private static async Task CheckDatabaseAsync(string database, Dictionary<string, string> manifest, List<string> problems, CancellationToken ct)
    {
        await using var connection = OpenReadOnly(database);
        await connection.OpenAsync(ct);
        await using (var integrity = connection.CreateCommand())
        {
            integrity.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await integrity.ExecuteScalarAsync(ct);
            if (result != "ok")
            {
                problems.Add($"{DatabaseFileName} fails SQLite's integrity check: {result}");
                return;
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT FileName, StorageKey, Sha256 FROM Attachments ORDER BY StorageKey;";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (fileName, key, sha256) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            var path = EvidenceFileStore.IsStorageKey(key) ? ManifestPath(Path.Combine(DataPaths.FilesFolderName, EvidenceFileStore.RelativePathFor(key))) : key;
            if (!manifest.TryGetValue(path, out var listed))
            {
                problems.Add($"The attachment '{fileName}' has no file in the backup ({path}).");
            }
            else if (!string.Equals(listed, sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"The file of the attachment '{fileName}' ({path}) is not the file that was uploaded: its SHA-256 differs from the one the database records.");
            }
        }
    }

    private static SqliteConnection OpenReadOnly(string database) =>
        new(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());

    /// <summary>Copies a file, written through to the disk and readable by the owner only.</summary>
    /// <returns>The SHA-256 of what was copied.</returns>
    private static async Task<string> CopyFileAsync(string from, string to, CancellationToken ct)
    {
        OwnerOnly.CreateFolder(Path.GetDirectoryName(to)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan))
        await using (var target = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            target.Flush(flushToDisk: true);
        }

        OwnerOnly.RestrictFile(to);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<string> HashAsync(string file, CancellationToken ct)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    /// <summary>A file's path in the manifest: relative to the backup's folder, with forward slashes.</summary>
    private static string ManifestPath(string folder, string file) => ManifestPath(Path.GetRelativePath(folder, file));

    private static string ManifestPath(string relative) => relative.Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The database, an evidence file under <c>files/</c> or a key under <c>keys/</c>; never a path out of the backup.</summary>
    private static bool IsBackupPath(string path) =>
        path == DatabaseFileName
        || (BackupFilePath().IsMatch(path) && !path.Split('/').Any(part => part is "." or ".."));

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    private static void ClearFolder(string folder)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex("^(?<sha>[0-9a-f]{64})  (?<path>[^\\r\\n]+)$")]
    private static partial Regex ManifestLine();

    [GeneratedRegex("^(files/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{32}|keys/[A-Za-z0-9._-]+\\.xml)$")]
    private static partial Regex BackupFilePath();
}
