using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Web.Features.Home;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Features.Account;

/// <summary>
/// Sign-in accounts: ASP.NET Core Identity with the password, lockout and cookie policy, the claims the app reads,
/// <see cref="CurrentUser"/>, the data-protection keys that sign the cookies, the first-sign-in password change, and
/// signing out.
/// </summary>
public static class AccountFeature
{
    /// <summary>The name the data-protection keys are isolated by; the same on every instance that shares the keys.</summary>
    public const string ApplicationName = "ApprenticeTracker";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services
            .AddIdentity<AppUser, IdentityRole>(o =>
            {
                // Length is what makes a password strong; composition rules make people write them down.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddSignInManager<AppSignInManager>();

        // A sign-in is checked again against its account at this interval, by the cookie and by every open circuit
        // (docs/decisions/0123).
        services.AddOptions<SignInRevalidationOptions>()
            .BindConfiguration(SignInRevalidationOptions.SectionName)
            .Validate(o => o.IsValid, "Accounts:RevalidationInterval must be above zero and at most 30 minutes.")
            .ValidateOnStart();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SignInRevalidationOptions>>((o, revalidation) => o.ValidationInterval = revalidation.Value.RevalidationInterval);
        services.AddScoped<AuthenticationStateProvider, RevalidatingCircuitAuthentication>();

        services.AddAuthorization();
        services.AddHttpContextAccessor();
        services.AddScoped<LoginHandler>();
        services.AddScoped<ChangePasswordHandler>();

        // Reset links (Identity's default token provider) work for an hour; the link in a new account's mail for a week.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordResetOptions.ResetLinkLifetime);
        services.AddOptions<InvitationTokenProviderOptions>();
        services.AddOptions<PasswordResetOptions>().BindConfiguration(PasswordResetOptions.SectionName);
        services.AddSingleton<PasswordResetLimiter>();
        services.AddScoped<PasswordResetHandler>();
        // In a request, the cookie's user; in an interactive circuit (which has no request), the user the circuit was
        // opened with.
        services.AddScoped<CircuitUser>();
        services.AddScoped<CircuitHandler, CircuitUserHandler>();
        services.AddScoped(sp => sp.GetRequiredService<CircuitUser>().Principal is { } circuitPrincipal
            ? new CurrentUser(circuitPrincipal)
            : sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User is { } principal
                ? new CurrentUser(principal)
                : CurrentUser.Anonymous);

        // Development and the tests serve plain http; everywhere else no cookie (sign-in or antiforgery) leaves https.
        var plainHttpAllowed = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment(WebExtensions.TestingEnvironment);
        var securePolicy = plainHttpAllowed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.Configure<CookiePolicyOptions>(o => o.Secure = securePolicy);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountRoutes.Login;
            o.AccessDeniedPath = AccountRoutes.AccessDenied;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = securePolicy;
            o.Events.OnRedirectToLogin = RedirectPagesToSignIn;
            o.Events.OnRedirectToAccessDenied = AnswerForbidden;
        });

        services.AddSignInThrottle();
        AddDataProtectionKeys(services);
        return builder;
    }

    /// <summary>
    /// The cookie policy (outside Development and the tests, every cookie the app sets is Secure: the sign-in cookie,
    /// the antiforgery cookie and any other) and authentication.
    /// </summary>
    public static WebApplication UseAccountCookies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCookiePolicy();
        app.UseAuthentication();
        return app;
    }

    /// <summary>
    /// Throttles sign-in attempts per address (<see cref="SignInThrottle"/>) and sends an account that must change its
    /// password to the change-password page first.
    /// </summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        return app;
    }

    /// <summary>
    /// Signing out: a POST with the antiforgery token, never a link, so no other site can sign a user out. A GET of the
    /// same address (typed, bookmarked) is sent to the account page, which offers the button.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(AccountRoutes.Logout, SignOutAsync).AllowAnonymous();
        endpoints.MapGet(AccountRoutes.Logout, () => Results.LocalRedirect(AccountRoutes.Account)).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn)
    {
        // The endpoint reads no form fields, so nothing validates the token for it.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        await signIn.SignOutAsync();
        return Results.LocalRedirect(HomeRoutes.Home);
    }

    /// <summary>
    /// Keys persist so that sign-in cookies and antiforgery tokens survive a restart: on SQLite in the data folder
    /// (instances that share the data folder share the keys), on PostgreSQL in the database, so that every instance
    /// using it honours the others' cookies (docs/decisions/0100).
    /// </summary>
    private static void AddDataProtectionKeys(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);

        // Like PersistKeysToFileSystem or PersistKeysToDbContext, but chosen from DataPaths, which is resolved from
        // configuration later.
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataPaths, ILoggerFactory, IServiceProvider>((o, paths, logging, provider) =>
                o.XmlRepository = paths.Provider == DatabaseProvider.PostgreSql
                    ? new EntityFrameworkCoreXmlRepository<AppDbContext>(provider, logging)
                    : new FileSystemXmlRepository(new DirectoryInfo(paths.KeysFolder), logging));
    }

    /// <summary>
    /// A signed-out visitor to a page is sent to sign in; an API call or a form post gets the bare status, since a
    /// redirect would lose what it sent.
    /// </summary>
    private static Task RedirectPagesToSignIn(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A signed-in user of the wrong role gets 403 at the address asked for; the status-code page renders the
    /// access-denied page in the response, with no redirect.
    /// </summary>
    private static Task AnswerForbidden(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
