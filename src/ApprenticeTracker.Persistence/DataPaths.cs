using Microsoft.Data.Sqlite;

namespace ApprenticeTracker.Persistence;

/// <summary>Where the application keeps its data, resolved once from <see cref="AppOptions"/> and the connection string.</summary>
public sealed class DataPaths
{
    public const string DatabaseFileName = "apprenticetracker.db";
    public const string FilesFolderName = "files";

    public DataPaths(string root, string? connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        DatabaseFile = Path.Combine(Root, DatabaseFileName);
        FilesFolder = Path.Combine(Root, FilesFolderName);
        ConnectionString = string.IsNullOrWhiteSpace(connectionString)
            ? new SqliteConnectionStringBuilder { DataSource = DatabaseFile }.ToString()
            : connectionString;
    }

    /// <summary>The data folder, absolute.</summary>
    public string Root { get; }

    /// <summary>The SQLite database file in the data folder (unused when a connection string points elsewhere).</summary>
    public string DatabaseFile { get; }

    /// <summary>The evidence file store.</summary>
    public string FilesFolder { get; }

    /// <summary><c>ConnectionStrings:Default</c> when set, otherwise the database file in the data folder.</summary>
    public string ConnectionString { get; }

    /// <summary>Resolves a possibly relative data path against the content root.</summary>
    public static DataPaths Resolve(AppOptions options, string contentRootPath, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataPath = string.IsNullOrWhiteSpace(options.DataPath) ? "data" : options.DataPath;
        return new DataPaths(Path.Combine(contentRootPath, dataPath), connectionString);
    }
}
