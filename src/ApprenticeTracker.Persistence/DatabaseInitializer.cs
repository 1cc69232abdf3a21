using Microsoft.Data.Sqlite;

namespace ApprenticeTracker.Persistence;

/// <summary>Prepares the data folder and brings the database schema up to date; run at start-up and by the <c>migrate</c> verb.</summary>
public sealed class DatabaseInitializer
{
    private readonly IDbContextFactory<AppDbContext> _factory;
    private readonly DataPaths _paths;

    public DatabaseInitializer(IDbContextFactory<AppDbContext> factory, DataPaths paths)
    {
        _factory = factory;
        _paths = paths;
    }

    /// <summary>Creates the data folders, applies pending migrations and, on SQLite, switches the database to WAL journal mode.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_paths.Root);
        Directory.CreateDirectory(_paths.FilesFolder);
        Directory.CreateDirectory(_paths.StagingFolder);
        Directory.CreateDirectory(_paths.TempFolder);
        if (_paths.DatabaseFileInUse is { } file && Path.GetDirectoryName(file) is { } folder)
        {
            Directory.CreateDirectory(folder);
            await CreateFileIfMissingAsync(file, ct);
        }

        await using var db = await _factory.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        await KeyNamesAsync(db, ct);

        // WAL lets readers carry on while one writer writes; the mode is stored in the database file, so once is enough.
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// Writes the sort key of each apprentice registered before the migration that added it
    /// (<c>PersonNameOrderAndSortKey</c>), which left it empty: SQL cannot fold accents as
    /// <see cref="PersonName.SortKey"/> does. Once done, this finds nothing to write.
    /// </summary>
    internal static async Task KeyNamesAsync(AppDbContext db, CancellationToken ct)
    {
        var unkeyed = await db.Apprentices.AsNoTracking()
            .Where(a => a.NameSortKey == string.Empty)
            .Select(a => new { a.Id, a.GivenName, a.FamilyName })
            .ToListAsync(ct);
        foreach (var apprentice in unkeyed)
        {
            var key = PersonName.SortKey(apprentice.GivenName, apprentice.FamilyName);
            await db.Apprentices.Where(a => a.Id == apprentice.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.NameSortKey, key), ct);
        }
    }

    /// <summary>
    /// The app's own connections open an existing file only (see <see cref="DataPaths"/>), so the empty database a
    /// first start migrates is created here, and only here.
    /// </summary>
    private static async Task CreateFileIfMissingAsync(string file, CancellationToken ct)
    {
        if (File.Exists(file))
        {
            return;
        }

        var create = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using var connection = new SqliteConnection(create.ToString());
        await connection.OpenAsync(ct);
    }
}
