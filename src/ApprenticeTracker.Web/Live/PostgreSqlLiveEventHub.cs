using Npgsql;

namespace ApprenticeTracker.Web.Live;

/// <summary>
/// The hub when the app runs on PostgreSQL, where several instances share one database: an event published on any
/// instance reaches the circuits of every instance (docs/decisions/0140). <see cref="Publish"/> sends it as a
/// <c>NOTIFY</c> on <see cref="Channel"/> (its kind and ids only, <see cref="Payload"/>); each instance holds one
/// connection that <c>LISTEN</c>s and hands what arrives to its own <see cref="InProcessLiveEventHub"/>, whose
/// listeners (through <see cref="LiveUpdates"/>) check it against the user's scope as on one instance. An instance's own
/// events come back the same way, so every circuit hears every event by one path. The listening connection is opened
/// before the app serves; when it drops, it is opened again after 1 s, then 2, 4… up to 30 s, and events published
/// while it was down do not reach this instance's open pages (a reload shows them).
/// </summary>
public sealed partial class PostgreSqlLiveEventHub : ILiveEventHub, IHostedService, IDisposable
{
    /// <summary>The notification channel. PostgreSQL keeps channels per database, so instances of another database never hear it.</summary>
    public const string Channel = "apprenticetracker_live";

    /// <summary>The listening connection's application name, as <c>pg_stat_activity</c> shows it.</summary>
    public const string ListenerName = "ApprenticeTracker live events";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly InProcessLiveEventHub _local;
    private readonly string _connectionString;
    private readonly string _listenerConnectionString;
    private readonly ILogger<PostgreSqlLiveEventHub> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _listening;
    private int _disposed;

    public PostgreSqlLiveEventHub(InProcessLiveEventHub local, string connectionString, ILogger<PostgreSqlLiveEventHub> logger)
    {
        _local = local;
        _connectionString = connectionString;
        _logger = logger;
        _listenerConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = ListenerName,
            // Its own connection, never returned to the pool for a query to use; keep-alives find a network that
            // dropped silently, which would otherwise leave it waiting for ever.
            Pooling = false,
            KeepAlive = 15,
        }.ConnectionString;
    }

    /// <summary>True while the listening connection is open and listening.</summary>
    public bool IsListening { get; private set; }

    public void Publish(LiveEvent liveEvent)
    {
        ArgumentNullException.ThrowIfNull(liveEvent);
        var payload = Payload.Write(liveEvent);
        _ = Task.Run(() => NotifyAsync(payload));
    }

    public IDisposable Subscribe(Func<LiveEvent, Task> listener) => _local.Subscribe(listener);

    /// <summary>Listens before the app serves, so that no event published once it serves is missed; never fails the start.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await TryListenAsync(cancellationToken);
        _listening = Task.Run(() => ListenAsync(connection, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop its services after the container has disposed this hub (WebApplicationFactory does).
        if (Interlocked.CompareExchange(ref _disposed, 0, 0) == 0)
        {
            await _stopping.CancelAsync();
        }

        if (_listening is not null)
        {
            await _listening.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private async Task NotifyAsync(string payload)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = Channel });
            command.Parameters.Add(new NpgsqlParameter { Value = payload });
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The change itself is saved; only the live update is lost, and a reload shows it.
            LogNotifyFailed(_logger, ex);
        }
    }

    /// <summary>Opens the listening connection and listens; null, logged, when the database cannot be reached.</summary>
    private async Task<NpgsqlConnection?> TryListenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(_listenerConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            connection.Notification += OnNotification;
            await using var command = new NpgsqlCommand($"LISTEN {Channel}", connection);
            await command.ExecuteNonQueryAsync(ct);
            IsListening = true;
            return connection;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            await connection.DisposeAsync();
            LogListenFailed(_logger, ex);
            return null;
        }
    }

    private async Task ListenAsync(NpgsqlConnection? connection, CancellationToken stopping)
    {
        var delay = FirstRetry;
        try
        {
            while (true)
            {
                while (connection is null)
                {
                    await Task.Delay(delay, stopping);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks));
                    connection = await TryListenAsync(stopping);
                    if (connection is not null)
                    {
                        LogListening(_logger);
                    }
                }

                delay = FirstRetry;
                try
                {
                    while (true)
                    {
                        await connection.WaitAsync(stopping);
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
                {
                    IsListening = false;
                    LogConnectionLost(_logger, ex);
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            IsListening = false;
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel != Channel)
        {
            return;
        }

        if (Payload.TryRead(e.Payload, out var liveEvent))
        {
            _local.Publish(liveEvent);
        }
        else
        {
            LogUnreadablePayload(_logger, e.Payload);
        }
    }

    /// <summary>What a notification carries: the event's kind and ids, <c>Kind:EnrolmentId:EvidenceId</c> (the last empty for a sign-off).</summary>
    public static class Payload
    {
        public static string Write(LiveEvent liveEvent)
        {
            ArgumentNullException.ThrowIfNull(liveEvent);
            return string.Create(CultureInfo.InvariantCulture, $"{liveEvent.Kind}:{liveEvent.EnrolmentId:D}:{liveEvent.EvidenceId:D}");
        }

        /// <summary>The event a payload describes; false for anything that is not exactly one.</summary>
        public static bool TryRead(string payload, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LiveEvent? liveEvent)
        {
            liveEvent = null;
            var parts = payload?.Split(':') ?? [];
            if (parts.Length != 3
                || !Enum.TryParse<LiveEventKind>(parts[0], ignoreCase: false, out var kind)
                || !Enum.IsDefined(kind)
                || parts[0] != kind.ToString()
                || !Guid.TryParseExact(parts[1], "D", out var enrolmentId))
            {
                return false;
            }

            Guid? evidenceId = null;
            if (parts[2].Length > 0)
            {
                if (!Guid.TryParseExact(parts[2], "D", out var id))
                {
                    return false;
                }

                evidenceId = id;
            }

            liveEvent = new LiveEvent(kind, enrolmentId, evidenceId);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-update event could not be sent to the other instances.")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not listen for live-update events from the database; trying again.")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection listening for live-update events dropped; opening it again.")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for live-update events from the database again.")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-update notification was not an event and was ignored: {Payload}")]
    private static partial void LogUnreadablePayload(ILogger logger, string payload);
}
