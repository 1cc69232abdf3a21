using ApprenticeTracker.Persistence.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApprenticeTracker.Web.Tests.Infrastructure;

/// <summary>
/// A page for provider administrators only, added by tests (never by the app) so that the answers to the wrong role
/// and to nobody signed in can be proved before any real role-protected page exists on this branch. It authorises the
/// way the framework's authorisation middleware does (policy evaluator, then the result handler), so the app's own
/// cookie events and status pages decide what the visitor gets.
/// </summary>
public static class RoleProtectedProbe
{
    public const string Path = "/test-probe/provider-admins-only";
    public const string ApiPath = "/api/test-probe/provider-admins-only";
    public const string Content = "For provider administrators only.";

    public static void Add(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path != Path && context.Request.Path != ApiPath)
            {
                await next(context);
                return;
            }

            var policy = new AuthorizationPolicyBuilder().RequireRole(Roles.ProviderAdmin).Build();
            var evaluator = context.RequestServices.GetRequiredService<IPolicyEvaluator>();
            var authentication = await evaluator.AuthenticateAsync(policy, context);
            var authorization = await evaluator.AuthorizeAsync(policy, authentication, context, resource: null);
            await context.RequestServices.GetRequiredService<IAuthorizationMiddlewareResultHandler>()
                .HandleAsync(c => c.Response.WriteAsync(Content), context, policy, authorization);
        });
    }
}
