using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace ApprenticeTracker.Web.Features.Account;

/// <summary>
/// Changes the signed-in user's password, clears <see cref="AppUser.MustChangePassword"/> and refreshes the sign-in,
/// so the cookie carries the new security stamp and no longer the must-change claim.
/// </summary>
public sealed class ChangePasswordHandler(SignInManager<AppUser> signIn, CurrentUser currentUser)
{
    public const string WrongCurrentPassword = "Your current password is incorrect";

    public async Task<ChangePasswordResult> ChangeAsync(ChangePasswordForm form)
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
            var errors = result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? new ChangePasswordError(nameof(ChangePasswordForm.CurrentPassword), WrongCurrentPassword)
                    : new ChangePasswordError(nameof(ChangePasswordForm.NewPassword), e.Description))
                .ToList();
            return new ChangePasswordResult(errors);
        }

        await signIn.RefreshSignInAsync(user);
        return new ChangePasswordResult([]);
    }
}

/// <summary>Refusals of a password change, each for one field of <see cref="ChangePasswordForm"/>; none when it succeeded.</summary>
public sealed record ChangePasswordResult(IReadOnlyList<ChangePasswordError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>A refusal beside a field.</summary>
/// <param name="Field">The name of a property of <see cref="ChangePasswordForm"/>.</param>
public sealed record ChangePasswordError(string Field, string Message);
