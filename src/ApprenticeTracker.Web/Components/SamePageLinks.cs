using Microsoft.AspNetCore.Components;

namespace ApprenticeTracker.Web.Components;

/// <summary>
/// Links to a place on the same page. The document has <c>&lt;base href="/"&gt;</c> (blazor.web.js finds the circuit's
/// address from it), against which a bare <c>#main</c> would mean the home page; so such a link names the page's own
/// path and query before the fragment, which the browser treats as the same document, with or without JavaScript.
/// </summary>
public static class SamePageLinks
{
    public static string ToFragment(this NavigationManager navigation, string id)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        return $"{new Uri(navigation.Uri).PathAndQuery}#{id}";
    }
}
