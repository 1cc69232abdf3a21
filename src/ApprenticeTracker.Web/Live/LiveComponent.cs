using Microsoft.AspNetCore.Components;

namespace ApprenticeTracker.Web.Live;

/// <summary>
/// The base of a component that shows live updates. It renders like any component (prerendered into the static page,
/// which is all a browser without JavaScript gets); once interactive in a circuit it listens through
/// <see cref="LiveUpdates"/> and calls <see cref="OnLiveEventAsync"/> on the circuit's thread for each event its user
/// may see. Its markup carries <see cref="InteractiveAttributes"/>: <c>data-interactive</c> once the circuit has it (so
/// that browser tests click only then) and <c>data-live-events</c>, the count of events it was given.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    private LiveUpdates Live { get; set; } = null!;

    [Inject]
    private CircuitUser CircuitUser { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    /// <summary>How many events this component has been given since it became interactive.</summary>
    protected int Delivered { get; private set; }

    protected IReadOnlyDictionary<string, object> InteractiveAttributes => new Dictionary<string, object>
    {
        ["data-interactive"] = RendererInfo.IsInteractive ? "true" : "false",
        ["data-live-events"] = Delivered,
    };

    /// <summary>Reacts to an event the user may see, for example by reading the page's query again.</summary>
    protected abstract Task OnLiveEventAsync(LiveEvent liveEvent);

    /// <summary>Listens from before the component's first query, so that no event falls between the two.</summary>
    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            _subscription = Live.Listen(e => InvokeAsync(async () =>
            {
                Delivered++;
                await OnLiveEventAsync(e);
                StateHasChanged();
            }));

            // A sign-in that no longer stands (docs/decisions/0123): the circuit already sees nobody, so nothing more
            // arrives; the page is loaded again, where the cookie answers by the same rule (the sign-in page).
            CircuitUser.SignedOutNow += ReloadWhenSignedOut;
        }
    }

    private void ReloadWhenSignedOut() => _ = InvokeAsync(() => Navigation.Refresh(forceReload: true));

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription?.Dispose();
            CircuitUser.SignedOutNow -= ReloadWhenSignedOut;
        }
    }
}
