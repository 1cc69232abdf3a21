using Microsoft.Data.Sqlite;

namespace ApprenticeTracker.Persistence;

/// <summary>Where the application keeps its data, resolved once from <see cref="AppOptions"/> and the connection string.</summary>
public sealed class DataPaths
{
    public const string DatabaseFileName = "apprenticetracker.db";
    public const string FilesFolderName = "files";
    public const string StagingFolderName = "staging";
    public const string TempFolderName = "tmp";
    public const string KeysFolderName = "keys";
    public const string LockFileName = "app.lock";

    public DataPaths(string root, string? connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is PostgreSQL but ConnectionStrings:Default is not set; give the server's connection string, for example " +
                "\"Host=localhost;Database=apprenticetracker;Username=apprenticetracker;Password=...\".");
        }

        Provider = provider;
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        DatabaseFile = Path.Combine(Root, DatabaseFileName);
        FilesFolder = Path.Combine(Root, FilesFolderName);
        StagingFolder = Path.Combine(Root, StagingFolderName);
        TempFolder = Path.Combine(Root, TempFolderName);
        KeysFolder = Path.Combine(Root, KeysFolderName);
        LockFile = Path.Combine(Root, LockFileName);
        ConnectionString = provider == DatabaseProvider.PostgreSql
            ? connectionString!
            : OpenExistingFileOnly(string.IsNullOrWhiteSpace(connectionString)
                ? new SqliteConnectionStringBuilder { DataSource = DatabaseFile }.ToString()
                : connectionString);
    }

    /// <summary>
    /// A SQLite file database is opened read-write but never created by an ordinary connection: if the file goes
    /// missing while the app runs, a background job's query must fail, not leave an empty database in its place
    /// that the health check would then call healthy. Only <see cref="DatabaseInitializer"/> creates the file.
    /// </summary>
    private static string OpenExistingFileOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var isFile = !string.IsNullOrEmpty(builder.DataSource)
            && !builder.DataSource.StartsWith(':')
            && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        if (isFile && builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        return builder.ToString();
    }

    /// <summary>The data folder, absolute.</summary>
    public string Root { get; }

    /// <summary>The SQLite database file in the data folder (unused when a connection string points elsewhere).</summary>
    public string DatabaseFile { get; }

    /// <summary>The evidence file store.</summary>
    public string FilesFolder { get; }

    /// <summary>
    /// Where uploads are received before their item is saved; on the file system of <see cref="FilesFolder"/>, so
    /// moving a file into place is one atomic rename.
    /// </summary>
    public string StagingFolder { get; }

    /// <summary>Where the request bodies of uploads are buffered while a form is read (ASP.NET's <c>ASPNETCORE_*.tmp</c> files).</summary>
    public string TempFolder { get; }

    /// <summary>The data-protection keys that protect sign-in cookies and form tokens.</summary>
    public string KeysFolder { get; }

    /// <summary>
    /// The file every process using the data folder holds an OS lock on: shared by the app and the verbs, exclusive
    /// by <c>restore</c> (see <see cref="DataFolderLock"/>).
    /// </summary>
    public string LockFile { get; }

    /// <summary>Which database <see cref="ConnectionString"/> is for.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite database file the connection string names (an absolute path), or null for an in-memory database or PostgreSQL.</summary>
    public string? DatabaseFileInUse
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite)
            {
                return null;
            }

            var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return string.IsNullOrEmpty(dataSource) || dataSource.StartsWith(':') ? null : Path.GetFullPath(dataSource);
        }
    }

    /// <summary>The database in words, without a password: the SQLite file, or the PostgreSQL server and database.</summary>
    public string Description => Describe(Provider, ConnectionString);

    /// <summary>A database in words, without a password.</summary>
    public static string Describe(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            var postgres = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL database {postgres.Database} on {postgres.Host}:{postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(file) || file.StartsWith(':') ? "SQLite in memory" : Path.GetFullPath(file);
    }

    /// <summary><c>ConnectionStrings:Default</c> when set, otherwise the database file in the data folder.</summary>
    public string ConnectionString { get; }

    /// <summary>Resolves a possibly relative data path against the content root.</summary>
    public static DataPaths Resolve(AppOptions options, string contentRootPath, string? connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataPath = string.IsNullOrWhiteSpace(options.DataPath) ? "data" : options.DataPath;
        return new DataPaths(Path.Combine(contentRootPath, dataPath), connectionString, provider);
    }
}
