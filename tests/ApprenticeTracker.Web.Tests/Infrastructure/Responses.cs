namespace ApprenticeTracker.Web.Tests.Infrastructure;

/// <summary>What tests read from a response's headers.</summary>
public static class Responses
{
    /// <summary>The test host's origin; a redirect to it is a redirect within the app.</summary>
    private static readonly Uri TestOrigin = new("http://localhost/");

    /// <summary>
    /// Where a redirect goes, as a local path and query ("/portfolio") when it stays in the app, whether the app wrote
    /// it relative or absolute; anything else as written; null when the response is no redirect.
    /// </summary>
    public static string? RedirectTarget(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }

        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        return location.GetLeftPart(UriPartial.Authority) == TestOrigin.GetLeftPart(UriPartial.Authority)
            ? location.PathAndQuery
            : location.OriginalString;
    }

    /// <summary>The Set-Cookie headers of a response.</summary>
    public static IReadOnlyList<string> SetCookies(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
    }
}
