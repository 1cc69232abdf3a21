using ApprenticeTracker.Persistence.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ApprenticeTracker.Web.Security;

/// <summary>
/// How often a sign-in is checked again against its account (section <c>Accounts</c>, <c>RevalidationInterval</c>):
/// an open circuit and the sign-in cookie both stop working within this interval of the account being locked out,
/// deleted or given a new password (docs/decisions/0123).
/// </summary>
public sealed class SignInRevalidationOptions
{
    public const string SectionName = "Accounts";

    /// <summary>The longest a circuit or cookie may act for an account that no longer signs in. Default 1 minute.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest interval accepted. Each check is one query per open circuit, so a shorter interval costs more; a
    /// longer one than Identity's own default (30 minutes) would leave a deleted account working for too long.
    /// </summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromMinutes(30);

    public bool IsValid => RevalidationInterval > TimeSpan.Zero && RevalidationInterval <= MaximumInterval;
}

/// <summary>
/// The one rule for "this sign-in still stands", used by the cookie's periodic check (Identity's
/// <see cref="SecurityStampValidator"/>) and by open circuits (<see cref="RevalidatingCircuitAuthentication"/>): the
/// account exists, its security stamp is the one signed in with (a new password changes it), and it is not locked out.
/// Identity's own rule has the first two only.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> ValidateSecurityStampAsync(AppUser? user, string? securityStamp) =>
        await base.ValidateSecurityStampAsync(user, securityStamp) && !await UserManager.IsLockedOutAsync(user!);
}

/// <summary>
/// The authentication state of a circuit (and of a statically rendered request), checked again every
/// <see cref="SignInRevalidationOptions.RevalidationInterval"/> by <see cref="AppSignInManager"/>'s rule, in a scope of
/// its own. When the check fails the state becomes signed out, which <see cref="CircuitUserHandler"/> passes on to the
/// circuit's <see cref="CurrentUser"/>. The .NET template's <c>IdentityRevalidatingAuthenticationStateProvider</c>,
/// with the app's rule and interval.
/// </summary>
public sealed class RevalidatingCircuitAuthentication(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<SignInRevalidationOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        return await signIn.ValidateSecurityStampAsync(authenticationState.User) is not null;
    }
}
