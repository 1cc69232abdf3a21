namespace ApprenticeTracker.Persistence;

/// <summary>
/// An OS lock on the data folder's lock file (<see cref="DataPaths.LockFile"/>), held for as long as a process uses the
/// folder. The app and every verb hold it shared, so several may run at once; <c>restore</c> needs it exclusive, so it
/// refuses to run while any of them does, and nothing starts while a restore runs. The operating system releases the
/// lock when the process ends, however it ends, so a crash never leaves the folder locked. (.NET takes it with
/// <c>flock</c> on Linux and macOS and with share modes on Windows: a file opened with <see cref="FileShare.None"/> is
/// locked exclusively, any other share mode shared.)
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>Takes the lock shared, as the app and the verbs do; null while a restore holds it.</summary>
    public static DataFolderLock? TryShared(DataPaths paths) => TryTake(paths, FileAccess.Read, FileShare.ReadWrite);

    /// <summary>Takes the lock exclusively, as <c>restore</c> does; null while the app or a verb holds it.</summary>
    public static DataFolderLock? TryExclusive(DataPaths paths) => TryTake(paths, FileAccess.ReadWrite, FileShare.None);

    public void Dispose() => _file.Dispose();

    private static DataFolderLock? TryTake(DataPaths paths, FileAccess access, FileShare share)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Directory.CreateDirectory(paths.Root);
        try
        {
            // Read-only for the shared lock: a shared lock on a file open for writing is not taken on network file systems.
            return new DataFolderLock(new FileStream(paths.LockFile, FileMode.OpenOrCreate, access, share));
        }
        catch (IOException) when (File.Exists(paths.LockFile))
        {
            // Held by another process in a way that conflicts: the lock file itself is only ever empty.
            return null;
        }
    }
}
