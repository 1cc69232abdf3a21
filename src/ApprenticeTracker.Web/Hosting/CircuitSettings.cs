using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;

namespace ApprenticeTracker.Web.Hosting;

/// <summary>
/// The interactive server circuits' limits, chosen for this app rather than left at the framework's defaults (see
/// README, "Interactive pages", and docs/decisions/0120). Every interactive part of a page is rebuilt from the
/// database when its page loads, and every form posts through HTTP, so a dropped circuit loses no one's work: a
/// disconnected circuit is kept only long enough to ride out a phone changing networks.
/// </summary>
public static class CircuitSettings
{
    /// <summary>How many disconnected circuits the server keeps, at most, waiting for their browsers to come back.</summary>
    public const int DisconnectedCircuitMaxRetained = 50;

    /// <summary>How long a disconnected circuit is kept before its browser must load the page again.</summary>
    public static readonly TimeSpan DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Render batches sent but not yet acknowledged before the server waits for the browser to catch up.</summary>
    public const int MaxBufferedUnacknowledgedRenderBatches = 10;

    /// <summary>How long a call into the browser's JavaScript may take; the app makes almost none.</summary>
    public static readonly TimeSpan JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest message a browser may send over a circuit. Files go through form posts, never the circuit, so
    /// what arrives is clicks and a few typed characters: the framework's 32 KB is plenty and kept on purpose.
    /// </summary>
    public const long MaximumReceiveMessageSize = 32 * 1024;

    public static void Apply(CircuitOptions options, bool development)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Exception details would show a stranger the app's insides: only a developer's own machine gets them.
        options.DetailedErrors = development;
        options.DisconnectedCircuitMaxRetained = DisconnectedCircuitMaxRetained;
        options.DisconnectedCircuitRetentionPeriod = DisconnectedCircuitRetentionPeriod;
        options.MaxBufferedUnacknowledgedRenderBatches = MaxBufferedUnacknowledgedRenderBatches;
        options.JSInteropDefaultCallTimeout = JSInteropDefaultCallTimeout;
    }

    public static void Apply(HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MaximumReceiveMessageSize = MaximumReceiveMessageSize;
    }
}
