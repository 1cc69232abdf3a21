namespace ApprenticeTracker.Persistence.Tests.Support;

/// <summary>
/// The databases a fixture runs on, as the parameter of <c>[TestFixtureSource(typeof(Databases), nameof(Databases.Both))]</c>:
/// every test of such a fixture runs on SQLite and on PostgreSQL (skipped, with the reason, without a server).
/// </summary>
public static class Databases
{
    public static readonly DatabaseProvider[] Both = [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];
}
