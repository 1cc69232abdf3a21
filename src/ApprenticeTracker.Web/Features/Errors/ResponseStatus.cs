namespace ApprenticeTracker.Web.Features.Errors;

/// <summary>Lets a statically rendered page answer with the status it describes (404 for "not found", and so on).</summary>
internal static class ResponseStatus
{
    public static void Set(HttpContext? context, int statusCode)
    {
        // Static rendering writes nothing before the page's first render, so the status can still change here.
        if (context is { Response.HasStarted: false })
        {
            context.Response.StatusCode = statusCode;
        }
    }
}
