using System.Collections.Concurrent;
using ApprenticeTracker.Tests.Shared;
using ApprenticeTracker.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ApprenticeTracker.Web.Tests.Live;

/// <summary>
/// The carrier of live events between instances on PostgreSQL (LISTEN/NOTIFY): two hubs on one database, as two
/// instances have them. PostgreSQL only; the two-process test in <c>Hosting/TwoInstancesTests</c> shows it end to end.
/// </summary>
public sealed class PostgreSqlLiveEventHubTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private string _database = null!;
    private readonly List<PostgreSqlLiveEventHub> _hubs = [];

    [SetUp]
    public void CreateDatabase() => _database = TestPostgres.CreateDatabase();

    [TearDown]
    public async Task StopHubsAndDropDatabase()
    {
        foreach (var hub in _hubs)
        {
            await hub.StopAsync(CancellationToken.None);
            hub.Dispose();
        }

        _hubs.Clear();
        NpgsqlConnection.ClearAllPools();
        // Null when the set-up skipped the test for want of a server.
        if (_database is not null)
        {
            TestPostgres.Drop(_database);
        }
    }

    [Test]
    public async Task An_event_published_on_one_instance_reaches_the_listeners_of_both()
    {
        var first = await StartHubAsync();
        var second = await StartHubAsync();
        var onFirst = Listen(first);
        var onSecond = Listen(second);
        var submitted = LiveEvent.Submitted(Guid.NewGuid(), Guid.NewGuid());

        first.Publish(submitted);

        Assert.That(await WaitUntilAsync(() => onFirst.Count == 1 && onSecond.Count == 1), Is.True, "both instances heard it");
        Assert.That(onSecond.Single(), Is.EqualTo(submitted));
        Assert.That(onFirst.Single(), Is.EqualTo(submitted));
    }

    [Test]
    public async Task The_notification_carries_the_kind_and_the_ids_only()
    {
        var hub = await StartHubAsync();
        await using var listener = new NpgsqlConnection(_database);
        await listener.OpenAsync();
        var payloads = new ConcurrentQueue<string>();
        listener.Notification += (_, e) => payloads.Enqueue(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlLiveEventHub.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var enrolment = Guid.NewGuid();
        var item = Guid.NewGuid();
        hub.Publish(LiveEvent.Reviewed(enrolment, item));
        hub.Publish(LiveEvent.SignOffChanged(enrolment));
        using var waited = new CancellationTokenSource(Patience);
        while (payloads.Count < 2)
        {
            await listener.WaitAsync(waited.Token);
        }

        Assert.That(payloads, Is.EquivalentTo(new[] { $"EvidenceReviewed:{enrolment:D}:{item:D}", $"DutySignOffChanged:{enrolment:D}:" }));
    }

    [Test]
    public async Task A_notification_on_the_channel_that_is_not_an_event_is_ignored()
    {
        var hub = await StartHubAsync();
        var heard = Listen(hub);
        var signOff = LiveEvent.SignOffChanged(Guid.NewGuid());

        foreach (var junk in new[] { "hello", "EvidenceSubmitted:not-a-guid:", "1:" + Guid.NewGuid() + ":", "DutySignOffChanged:" + Guid.NewGuid() })
        {
            await NotifyAsync(junk);
        }

        await NotifyAsync(PostgreSqlLiveEventHub.Payload.Write(signOff));

        Assert.That(await WaitUntilAsync(() => !heard.IsEmpty), Is.True);
        await Task.Delay(500);
        Assert.That(heard, Is.EqualTo(new[] { signOff }));
    }

    [Test]
    public async Task When_the_listening_connection_is_ended_the_instance_listens_again_and_hears_later_events()
    {
        var first = await StartHubAsync();
        var second = await StartHubAsync();
        var onSecond = Listen(second);

        // The server ends both instances' listening connections, as a restart or a dropped network would.
        await using (var admin = new NpgsqlConnection(_database))
        {
            await admin.OpenAsync();
            await using var end = new NpgsqlCommand(
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", admin);
            end.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlLiveEventHub.ListenerName });
            Assert.That(await end.ExecuteScalarAsync(), Is.EqualTo(2L), "two listening connections ended");
        }

        Assert.That(await WaitUntilAsync(() => !second.IsListening), Is.True, "the drop was noticed");
        Assert.That(await WaitUntilAsync(() => first.IsListening && second.IsListening), Is.True, "both listen again");
        var submitted = LiveEvent.Submitted(Guid.NewGuid(), Guid.NewGuid());
        first.Publish(submitted);

        Assert.That(await WaitUntilAsync(() => onSecond.Contains(submitted)), Is.True, "the event after the reconnection arrived");
    }

    private async Task<PostgreSqlLiveEventHub> StartHubAsync()
    {
        var hub = new PostgreSqlLiveEventHub(
            new InProcessLiveEventHub(NullLogger<InProcessLiveEventHub>.Instance), _database, NullLogger<PostgreSqlLiveEventHub>.Instance);
        _hubs.Add(hub);
        await hub.StartAsync(CancellationToken.None);
        Assert.That(hub.IsListening, Is.True, "the hub listens once started");
        return hub;
    }

    private static ConcurrentQueue<LiveEvent> Listen(PostgreSqlLiveEventHub hub)
    {
        var heard = new ConcurrentQueue<LiveEvent>();
        hub.Subscribe(e =>
        {
            heard.Enqueue(e);
            return Task.CompletedTask;
        });
        return heard;
    }

    private async Task NotifyAsync(string payload)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlLiveEventHub.Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
