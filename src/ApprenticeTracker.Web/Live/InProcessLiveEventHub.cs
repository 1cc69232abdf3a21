using System.Collections.Immutable;

namespace ApprenticeTracker.Web.Live;

/// <summary>
/// The hub of one app instance: listeners in a list replaced on every change (events are far more frequent than
/// circuits opening and closing), each event handed to every listener on the thread pool, so that a slow circuit
/// delays neither the handler that published nor the other circuits.
/// </summary>
public sealed partial class InProcessLiveEventHub(ILogger<InProcessLiveEventHub> logger) : ILiveEventHub
{
    private ImmutableList<Func<LiveEvent, Task>> _listeners = [];

    public int ListenerCount => _listeners.Count;

    public void Publish(LiveEvent liveEvent)
    {
        ArgumentNullException.ThrowIfNull(liveEvent);
        foreach (var listener in _listeners)
        {
            _ = Task.Run(() => DeliverAsync(listener, liveEvent));
        }
    }

    public IDisposable Subscribe(Func<LiveEvent, Task> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ImmutableInterlocked.Update(ref _listeners, static (list, l) => list.Add(l), listener);
        return new Subscription(this, listener);
    }

    private async Task DeliverAsync(Func<LiveEvent, Task> listener, LiveEvent liveEvent)
    {
        try
        {
            await listener(liveEvent);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A circuit that fails on an event loses that update (its page still shows everything on reload); the
            // others and the change itself are unaffected.
            LogListenerFailed(logger, ex, liveEvent.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-update listener failed on a {Kind} event.")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, LiveEventKind kind);

    private sealed class Subscription(InProcessLiveEventHub hub, Func<LiveEvent, Task> listener) : IDisposable
    {
        public void Dispose() =>
            ImmutableInterlocked.Update(ref hub._listeners, static (list, l) => list.Remove(l), listener);
    }
}
