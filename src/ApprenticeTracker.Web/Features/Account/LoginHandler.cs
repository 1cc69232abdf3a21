using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Web.Features.Home;
using Microsoft.AspNetCore.Identity;

namespace ApprenticeTracker.Web.Features.Account;

/// <summary>Signs a user in with their email address and password, counting failures towards the lockout.</summary>
public sealed class LoginHandler(SignInManager<AppUser> signIn, TimeProvider time)
{
    /// <summary>The same answer for an unknown email and a wrong password, so the form does not tell who has an account.</summary>
    public const string WrongEmailOrPassword = "Your email address or password is incorrect";

    // A real hash to check a password against when the email is unknown, so that an unknown email takes as long to
    // refuse as a wrong password and the response time does not tell who has an account either.
    private static readonly Lazy<string> UnknownUserHash =
        new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    public async Task<CommandResult> SignInAsync(LoginForm form, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(form);
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(form.Email ?? string.Empty);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), UnknownUserHash.Value, form.Password ?? string.Empty);
            return Refused(WrongEmailOrPassword);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password ?? string.Empty, form.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Refused(LockedOutMessage(await users.GetLockoutEndDateAsync(user)));
        }

        if (!result.Succeeded)
        {
            return Refused(WrongEmailOrPassword);
        }

        var signedIn = new CurrentUser(await signIn.CreateUserPrincipalAsync(user));
        return CommandResult.Done() with { Next = Destination(signedIn, returnUrl) };
    }

    /// <summary>The message stands for both fields: which of the two was wrong is exactly what it must not say.</summary>
    private static CommandResult Refused(string message) => CommandResult.Refused(nameof(LoginForm.Password), message);

    /// <summary>
    /// A new password comes first; then the page the user was sent from, if it is on this site; else their role's home.
    /// </summary>
    private static string Destination(CurrentUser user, string? returnUrl)
    {
        if (user.MustChangePassword)
        {
            return AccountRoutes.ChangePassword;
        }

        if (LocalUrl.IsLocal(returnUrl))
        {
            return returnUrl!;
        }

        return RoleHomes.For(user)?.Path ?? HomeRoutes.Home;
    }

    private string LockedOutMessage(DateTimeOffset? lockedUntil)
    {
        var left = (lockedUntil ?? time.GetUtcNow()) - time.GetUtcNow();
        var minutes = Math.Max(1, (int)Math.Ceiling(left.TotalMinutes));
        var when = minutes == 1 ? "1 minute" : minutes.ToString(CultureInfo.InvariantCulture) + " minutes";
        return $"Your account is locked after too many failed attempts to sign in. Try again in {when}.";
    }
}
