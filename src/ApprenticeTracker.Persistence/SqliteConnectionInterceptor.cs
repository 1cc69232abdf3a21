using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ApprenticeTracker.Persistence;

/// <summary>
/// Sets a busy timeout on every connection as it opens, so that a writer waits for another writer's lock instead of
/// failing at once with "database is locked".
/// </summary>
internal sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5000;

    private static readonly string Pragma = $"PRAGMA busy_timeout={BusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
