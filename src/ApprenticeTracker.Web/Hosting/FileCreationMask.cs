using System.Runtime.InteropServices;

namespace ApprenticeTracker.Web.Hosting;

/// <summary>
/// The process's file-creation mask (umask). The app and its verbs set it to 077 before anything else, so that every
/// file and folder they create (the database with its <c>-wal</c> and <c>-shm</c>, evidence files, data-protection
/// keys, backups) is readable by the account the app runs under and no one else, whatever umask it was started with.
/// </summary>
public static class FileCreationMask
{
    /// <summary>No permission for the group or others: files 0600, folders 0700.</summary>
    public const uint OwnerOnly = 0x3F; // octal 077

    /// <summary>Sets the mask to <see cref="OwnerOnly"/> and returns the one before; does nothing on Windows, which has none.</summary>
    public static uint? RestrictToOwner() => OperatingSystem.IsWindows() ? null : Umask(OwnerOnly);

    // mode_t is 32 bits on Linux; on macOS it is 16 bits, passed in the same register. A plain DllImport: the blittable
    // signature needs no generated marshalling, and LibraryImport would need unsafe code allowed in the project.
    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint Umask(uint mask);
}
