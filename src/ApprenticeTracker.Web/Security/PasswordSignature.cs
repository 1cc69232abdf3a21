using ApprenticeTracker.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace ApprenticeTracker.Web.Security;

/// <summary>
/// An electronic signature by password: the signed-in person re-enters the password they sign in with, which confirms
/// that they are the one signing. A wrong password counts towards locking the account, as a wrong password at sign-in
/// does. Duty sign-offs and progress reviews are signed this way.
/// </summary>
public sealed class PasswordSignature(CurrentUser user, UserManager<AppUser> users)
{
    /// <summary>Null when the password is the signed-in account's; otherwise the refusal to show beside <paramref name="field"/>.</summary>
    public async Task<CommandResult?> CheckAsync(string? password, string field)
    {
        var account = await users.FindByIdAsync(user.UserId);
        if (account is null)
        {
            return CommandResult.NotFound;
        }

        if (await users.IsLockedOutAsync(account))
        {
            return CommandResult.Refused(field, $"Your account is locked after too many wrong passwords. Try again in {LockoutMinutes} minutes.");
        }

        if (string.IsNullOrEmpty(password))
        {
            return CommandResult.Refused(field, "Enter your password to sign.");
        }

        if (!await users.CheckPasswordAsync(account, password))
        {
            await users.AccessFailedAsync(account);
            return CommandResult.Refused(
                field,
                await users.IsLockedOutAsync(account)
                    ? $"The password is not right, and your account is now locked after too many wrong passwords. Try again in {LockoutMinutes} minutes."
                    : "The password is not right. Enter the password you sign in with.");
        }

        await users.ResetAccessFailedCountAsync(account);
        return null;
    }

    private string LockoutMinutes =>
        ((int)Math.Ceiling(users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
}
