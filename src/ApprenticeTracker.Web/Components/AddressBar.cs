using Microsoft.JSInterop;

namespace ApprenticeTracker.Web.Components;

/// <summary>
/// Puts an interactive view's state (its filters, sort and page) into the browser's address without a page load, so
/// that the address shared or bookmarked opens the same view, rendered by the page itself without JavaScript.
/// </summary>
public static class AddressBar
{
    /// <summary>The script module, served from <c>wwwroot</c>; absolute, because an import resolves against blazor.web.js.</summary>
    public const string Module = "/js/address-bar.js";

    public const string Replace = "replace";

    public static async Task ReplaceAsync(IJSRuntime js, string address)
    {
        ArgumentNullException.ThrowIfNull(js);
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", Module);
            await module.InvokeVoidAsync(Replace, address);
        }
        catch (JSDisconnectedException)
        {
            // The browser has gone; there is no address left to change.
        }
    }
}
