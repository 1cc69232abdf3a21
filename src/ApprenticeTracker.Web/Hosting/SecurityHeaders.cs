using Microsoft.AspNetCore.StaticAssets;

namespace ApprenticeTracker.Web.Hosting;

/// <summary>
/// The headers every response carries (see docs/decisions/0040): a strict Content-Security-Policy, a
/// Permissions-Policy that switches off device features the app never uses, no content-type guessing, no framing,
/// only the origin in the referrer, and <c>Cache-Control: no-store</c> on everything but the static files, so that no
/// page, download or export with personal data is kept by a browser or a proxy.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Everything from the app's own origin only, and nothing inline: no inline script or style, no style attributes.
    /// <c>data:</c> images are Bootstrap's (the menu button's icon, form controls' ticks and arrows, drawn in its CSS).
    /// <c>connect-src 'self'</c> also admits a WebSocket to the same host and port (CSP Level 3, in every current
    /// browser), which is what an interactive server circuit opens.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Device features the app never uses, switched off for its pages and anything they could embed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public const string NoStore = "no-store";

    /// <summary>Adds the headers when the response starts, so that error and status pages get them too.</summary>
    public static Task AddAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.Response.OnStarting(static state => Apply((HttpContext)state), context);
        return next(context);
    }

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";

        // Static files (CSS, scripts, fonts) carry no personal data and keep the caching MapStaticAssets gives them.
        if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
        {
            headers.CacheControl = NoStore;
        }

        return Task.CompletedTask;
    }
}
