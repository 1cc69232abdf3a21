using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Account;

/// <summary>Settings of the configuration section <c>SignInThrottle</c>: how many sign-in attempts one address may make.</summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "SignInThrottle";

    /// <summary>The sign-in attempts (posts of the sign-in form) one client address may make in a window (10 unless configured).</summary>
    public int AttemptsPerWindow { get; set; } = 10;

    /// <summary>The length of the window, in seconds (60 unless configured).</summary>
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Limits sign-in attempts per client address with ASP.NET Core's rate limiter, besides the per-account lockout: the
/// lockout stops guessing one account's password, this stops one address from trying many accounts. An attempt over
/// the limit answers 429 with a Retry-After header and a page that says when to try again, before the password is
/// checked. Only posts count; showing the form does not.
/// </summary>
public static class SignInThrottle
{
    /// <summary>The rate-limiting policy the sign-in page names with <see cref="EnableRateLimitingAttribute"/>.</summary>
    public const string PolicyName = "sign-in";

    public static IServiceCollection AddSignInThrottle(this IServiceCollection services)
    {
        services.AddOptions<SignInThrottleOptions>()
            .BindConfiguration(SignInThrottleOptions.SectionName)
            .Validate(o => o.AttemptsPerWindow > 0 && o.WindowSeconds > 0, "The sign-in throttle's attempts and window must be above zero.")
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RefuseAsync;
            o.AddPolicy(PolicyName, Partition);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<SignInThrottleOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.AttemptsPerWindow,
            Window = TimeSpan.FromSeconds(options.WindowSeconds),
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// The address an attempt counts against. One IPv6 client usually holds a whole /64 network and can change address
    /// within it at will, so IPv6 addresses count by their first 64 bits.
    /// </summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        var back = WebUtility.HtmlEncode(context.Request.Path + context.Request.QueryString);
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Too many attempts to sign in – ApprenticeTracker</title></head>
            <body><main>
            <h1>Too many attempts to sign in</h1>
            <p>There have been too many attempts to sign in from your network in a short time, so this one was not checked.</p>
            <p>Try again in {Describe(seconds)}. <a href="{back}">Go back to the sign-in page</a>.</p>
            </main></body></html>
            """,
            ct);
    }

    /// <summary>"1 second", "45 seconds", "2 minutes" (rounded up, so the wait is never longer than said).</summary>
    internal static string Describe(int seconds)
    {
        if (seconds < 60)
        {
            return seconds == 1 ? "1 second" : string.Create(CultureInfo.InvariantCulture, $"{seconds} seconds");
        }

        var minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes");
    }
}
