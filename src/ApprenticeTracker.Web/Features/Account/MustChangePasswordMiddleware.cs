using Microsoft.AspNetCore.StaticAssets;

namespace ApprenticeTracker.Web.Features.Account;

/// <summary>
/// While the signed-in account must choose a new password (its first password was set by someone else), every page
/// except the account pages, static files, status pages and <c>/healthz</c> sends it to the change-password page. It
/// reads the claim from the cookie, so it costs no database query; changing the password refreshes the cookie.
/// </summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.HasClaim(c => c.Type == AppClaims.MustChangePassword) && !IsExempt(context))
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments("/api") && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                context.Response.Redirect(AccountRoutes.ChangePassword);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsExempt(HttpContext context)
    {
        var path = context.Request.Path;
        return context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
            || path.StartsWithSegments(AccountRoutes.Account)
            || path.StartsWithSegments("/healthz")
            || path.StartsWithSegments("/status")
            || path.StartsWithSegments("/Error");
    }
}
