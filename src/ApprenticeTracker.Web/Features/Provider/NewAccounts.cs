using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Web.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace ApprenticeTracker.Web.Features.Provider;

/// <summary>
/// The one way a provider administrator creates someone's sign-in account (an apprentice at enrolment, an employer
/// contact from the employer's page): a first password the administrator sets, which the person must change when they
/// first sign in (<see cref="AppUser.MustChangePassword"/>, enforced by <see cref="MustChangePasswordMiddleware"/>), and
/// a mail with a link to choose their own instead. Steps shared by <see cref="EnrolHandler"/> and
/// <see cref="InviteEmployerContactHandler"/>; both run them inside their own transaction on the request's context.
/// </summary>
public sealed class NewAccounts(UserManager<AppUser> users, RoleManager<IdentityRole> roles, PasswordResetHandler invitations)
{
    /// <summary>The account, not yet saved: the email address is its user name, and its first password must be changed.</summary>
    public static AppUser For(string? email, string? givenName, string? familyName, NameOrder order)
    {
        var address = email?.Trim() ?? string.Empty;
        return new AppUser
        {
            UserName = address,
            Email = address,
            EmailConfirmed = true,
            DisplayName = PersonName.Full(givenName, familyName, order),
            MustChangePassword = true,
        };
    }

    /// <summary>Adds to <paramref name="errors"/> what is wrong with the address (taken) and the first password (missing or weak).</summary>
    public async Task CheckAsync(AppUser account, string? password, FormErrors errors, string emailField, string passwordField, string whose)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(errors);
        if (!string.IsNullOrEmpty(account.Email) && await users.FindByEmailAsync(account.Email) is not null)
        {
            errors.Add(emailField, "An account with this email address already exists. Use another address.");
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(passwordField, $"Enter a first password for {whose}.");
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, password);
            foreach (var error in result.Errors)
            {
                errors.Add(passwordField, error.Description);
            }
        }
    }

    /// <summary>Creates the account with its first password in <paramref name="role"/> (creating the role if this database lacks it).</summary>
    public async Task<IdentityResult> CreateAsync(AppUser account, string password, string role)
    {
        var created = await users.CreateAsync(account, password);
        if (created.Succeeded && !await roles.RoleExistsAsync(role))
        {
            created = await roles.CreateAsync(new IdentityRole(role));
        }

        return created.Succeeded ? await users.AddToRoleAsync(account, role) : created;
    }

    /// <summary>Queues the mail that tells the person of their new account, with a link to choose their own password.</summary>
    public Task InviteAsync(AppUser account, Guid trainingProviderId, string providerName, CancellationToken ct) =>
        invitations.QueueInvitationAsync(account, trainingProviderId, providerName, ct);

    /// <summary>The form field an Identity refusal concerns: the password's or the address's; null for the whole form.</summary>
    public static string? FieldOf(IdentityError error, string emailField, string passwordField)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
            "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => emailField,
            _ => null,
        };
    }
}
