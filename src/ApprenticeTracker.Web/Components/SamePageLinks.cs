using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;

namespace ApprenticeTracker.Web.Components;

/// <summary>
/// Links to a place on the same page. The document has <c>&lt;base href="/"&gt;</c> (blazor.web.js finds the circuit's
/// address from it), against which a bare <c>#main</c> would mean the home page; so such a link names the page's own
/// path and query before the fragment, which the browser treats as the same document. They carry data-enhance-nav="false" so that the browser, not
/// enhanced navigation, follows them and moves the focus there.
/// </summary>
public static class SamePageLinks
{
    /// <param name="navigation">The page's address.</param>
    /// <param name="id">The element linked to.</param>
    /// <param name="context">
    /// The request, when there is one: a status page (404, 403) is rendered by re-executing the request at
    /// <c>/status/{code}</c>, but the browser's document is still the address asked for.
    /// </param>
    public static string ToFragment(this NavigationManager navigation, string id, HttpContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        if (context?.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            return $"{reExecuted.OriginalPathBase}{reExecuted.OriginalPath}{reExecuted.OriginalQueryString}#{id}";
        }

        return $"{new Uri(navigation.Uri).PathAndQuery}#{id}";
    }
}
