namespace ApprenticeTracker.Persistence;

/// <summary>The database the app stores its data in (setting <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file in the data folder, or where <c>ConnectionStrings:Default</c> says: one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server named by <c>ConnectionStrings:Default</c>: several instances may share it (docs/decisions/0100).</summary>
    PostgreSql,
}

/// <summary>Settings of the configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (the default) or PostgreSQL; read case-insensitively.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
