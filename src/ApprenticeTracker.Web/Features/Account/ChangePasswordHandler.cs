using ApprenticeTracker.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace ApprenticeTracker.Web.Features.Account;

/// <summary>
/// Changes the signed-in user's password, clears <see cref="AppUser.MustChangePassword"/> and refreshes the sign-in,
/// so the cookie carries the new security stamp and no longer the must-change claim.
/// </summary>
public sealed class ChangePasswordHandler(SignInManager<AppUser> signIn, CurrentUser currentUser)
{
    public const string WrongCurrentPassword = "Your current password is incorrect";

    public async Task<CommandResult> ChangeAsync(ChangePasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var users = signIn.UserManager;
        var user = await users.FindByIdAsync(currentUser.UserId)
            ?? throw new InvalidOperationException("The signed-in account no longer exists.");

        // Saved by ChangePasswordAsync itself, together with the new hash, or not at all when it refuses.
        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword ?? string.Empty, form.NewPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            var errors = new FormErrors();
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    errors.Add(nameof(ChangePasswordForm.CurrentPassword), WrongCurrentPassword);
                }
                else
                {
                    errors.Add(nameof(ChangePasswordForm.NewPassword), error.Description);
                }
            }

            return CommandResult.Refused(errors);
        }

        await signIn.RefreshSignInAsync(user);
        return CommandResult.Done();
    }
}
