using ApprenticeTracker.Persistence.Email;
using ApprenticeTracker.Persistence.Identity;
using ApprenticeTracker.Web.Features.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ApprenticeTracker.Web.Features.Account;

/// <summary>What became of a reset request; the page says the same for <see cref="Answered"/> whatever happened.</summary>
public enum ForgotPasswordOutcome
{
    /// <summary>The same answer whether or not an account exists and whether or not a mail was written.</summary>
    Answered,

    /// <summary>This client asked too often: 429.</summary>
    TooManyRequests,
}

/// <summary>Whether a link may still be used; the page says only that it no longer works, never why.</summary>
public enum ResetLinkState
{
    Valid,
    Invalid,
}

/// <summary>
/// Self-service password reset, and choosing a first password from the link in a new account's mail. The request
/// answers the same whether or not an account exists; the link works once (the password change renews the security
/// stamp the token holds, which also signs out every other session at its next check) and for an hour. Every step is
/// in the audit log, in the same transaction as the change or the outbox mail it goes with.
/// </summary>
public sealed class PasswordResetHandler(
    AppDbContext db, UserManager<AppUser> users, Notifications notifications, PasswordResetLimiter limiter, TimeProvider time)
{
    public const string ResetPath = AccountRoutes.ResetPassword;

    /// <summary>Actor of requests by someone not signed in who named no account.</summary>
    private static readonly Actor Anonymous = new("anonymous", "Someone not signed in");

    public async Task<ForgotPasswordOutcome> RequestAsync(ForgotPasswordForm form, string client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = time.GetUtcNow();
        var email = form.Email?.Trim() ?? string.Empty;
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        var (actor, accountId, providerId) = user is null
            ? (Anonymous, Guid.Empty, (Guid?)null)
            : (ActorOf(user), AccountId(user), await ProviderOfAsync(user.Id, ct));
        if (!limiter.AllowClient(client))
        {
            db.AuditEvents.Add(AuditEvent.ForAccount(actor, now, "password.reset-refused", accountId, providerId, "Too many requests from one client"));
            await db.SaveChangesAsync(ct);
            return ForgotPasswordOutcome.TooManyRequests;
        }

        if (user is null)
        {
            // No address is stored: what someone typed who has no account is not ours to keep.
            db.AuditEvents.Add(AuditEvent.ForAccount(actor, now, "password.reset-requested", accountId, null, "No account has that address; nothing sent"));
        }
        else if (!limiter.AllowAddress(users.NormalizeEmail(email)))
        {
            db.AuditEvents.Add(AuditEvent.ForAccount(actor, now, "password.reset-requested", accountId, providerId, "Too many requests for this address this hour; nothing sent"));
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            notifications.PasswordReset(db, Addressee(user, providerId), LinkPath(user.Id, token, invitation: false), PasswordResetOptions.ResetLinkLifetime, now);
            db.AuditEvents.Add(AuditEvent.ForAccount(actor, now, "password.reset-requested", accountId, providerId, "Reset link sent"));
        }

        await db.SaveChangesAsync(ct);
        return ForgotPasswordOutcome.Answered;
    }

    /// <summary>Writes the mail to a new account holder with the link to choose a password, into the outbox of the request's context (the one that saves the account).</summary>
    public async Task QueueInvitationAsync(AppUser user, Guid trainingProviderId, string providerName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        notifications.AccountCreated(
            db, Addressee(user, trainingProviderId), providerName, LinkPath(user.Id, token, invitation: true),
            PasswordResetOptions.InvitationLinkLifetime, time.GetUtcNow());
        ct.ThrowIfCancellationRequested();
    }

    public async Task<ResetLinkState> CheckLinkAsync(string? userId, string? token, bool invitation)
    {
        var user = await FindAsync(userId);
        return user is not null && await VerifyAsync(user, token!, invitation) ? ResetLinkState.Valid : ResetLinkState.Invalid;
    }

    /// <summary>
    /// Sets the new password when the link is still good. Null when it worked; otherwise the refusals, under the form's
    /// field names, or <see cref="ResetLinkState.Invalid"/> when the link no longer works.
    /// </summary>
    public async Task<(ResetLinkState Link, FormErrors Errors)> ResetAsync(
        string? userId, string? token, bool invitation, ResetPasswordForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = time.GetUtcNow();
        var user = await FindAsync(userId);
        if (user is null)
        {
            return (ResetLinkState.Invalid, new FormErrors());
        }

        var providerId = await ProviderOfAsync(user.Id, ct);
        if (!await VerifyAsync(user, token!, invitation))
        {
            db.AuditEvents.Add(AuditEvent.ForAccount(ActorOf(user), now, "password.reset-refused", AccountId(user), providerId, "The link had expired or was already used"));
            await db.SaveChangesAsync(ct);
            return (ResetLinkState.Invalid, new FormErrors());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var resetToken = invitation ? await users.GeneratePasswordResetTokenAsync(user) : token!;

        // Saved by ResetPasswordAsync together with the new hash and security stamp, or not at all when it refuses.
        user.MustChangePassword = false;
        db.AuditEvents.Add(AuditEvent.ForAccount(
            ActorOf(user), now, "password.reset", AccountId(user), providerId,
            invitation ? "First password chosen from the new account's link" : "Password reset from an emailed link; other sessions signed out"));
        var result = await users.ResetPasswordAsync(user, resetToken, form.NewPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var errors = new FormErrors();
            foreach (var error in result.Errors)
            {
                errors.Add(nameof(ResetPasswordForm.NewPassword), error.Description);
            }

            return (ResetLinkState.Valid, errors);
        }

        // A locked account is unlocked: whoever holds the link has proved they own the address.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await transaction.CommitAsync(ct);
        return (ResetLinkState.Valid, new FormErrors());
    }

    /// <summary>The link's path and query; the mail makes it absolute.</summary>
    internal static string LinkPath(string userId, string token, bool invitation)
    {
        var query = new Dictionary<string, string?> { ["user"] = userId, ["token"] = token };
        if (invitation)
        {
            query["invitation"] = "true";
        }

        return QueryHelpers.AddQueryString(ResetPath, query);
    }

    private async Task<AppUser?> FindAsync(string? userId) =>
        string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);

    private async Task<bool> VerifyAsync(AppUser user, string? token, bool invitation) =>
        !string.IsNullOrEmpty(token) && (invitation
            ? await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token)
            : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token));

    private static Actor ActorOf(AppUser user) => new(user.Id, user.DisplayName);

    private static Guid AccountId(AppUser user) => Guid.TryParse(user.Id, out var id) ? id : Guid.Empty;

    private static MailAddressee Addressee(AppUser user, Guid? providerId) =>
        new(user.Email!, user.DisplayName, user.Id, providerId);

    /// <summary>The training provider an account belongs to, so that the provider's audit log shows its reset steps.</summary>
    private async Task<Guid?> ProviderOfAsync(string userId, CancellationToken ct)
    {
        var apprentice = await db.Apprentices.Where(a => a.UserId == userId).Select(a => (Guid?)a.TrainingProviderId).FirstOrDefaultAsync(ct);
        var assessor = apprentice ?? await db.Assessors.Where(a => a.UserId == userId).Select(a => (Guid?)a.TrainingProviderId).FirstOrDefaultAsync(ct);
        if (assessor is not null)
        {
            return assessor;
        }

        var claim = await db.UserClaims.Where(c => c.UserId == userId && c.ClaimType == AppClaimTypes.TrainingProviderId).Select(c => c.ClaimValue).FirstOrDefaultAsync(ct);
        return Guid.TryParse(claim, out var id) ? id : null;
    }
}
