namespace ApprenticeTracker.Web.Live;

/// <summary>
/// Carries <see cref="LiveEvent"/>s from the handler that saved a change to every listening circuit. The one way events
/// travel: handlers publish after their change is committed; <see cref="LiveUpdates"/> listens for a circuit and
/// checks each event against the circuit user's scope before passing it on. This process's hub is
/// <see cref="InProcessLiveEventHub"/>; a carrier between instances (PostgreSQL's LISTEN/NOTIFY, issue 17) implements
/// this interface and nothing else changes.
/// </summary>
public interface ILiveEventHub
{
    /// <summary>Sends the event to every listener; returns at once, never throws for a listener's failure.</summary>
    void Publish(LiveEvent liveEvent);

    /// <summary>Calls <paramref name="listener"/> for every event published from now until the result is disposed.</summary>
    IDisposable Subscribe(Func<LiveEvent, Task> listener);
}
